import { createSilence } from '../../../app/alerts/silence-alerts.js';
import { scheduleMaintenance } from '../../../app/communication/schedule-maintenance.js';
import { addToTimeline } from '../../../app/incident/add-to-timeline.js';
import { declareFromAlertGroup } from '../../../app/alerts/declare-from-alert.js';
import { declareIncident } from '../../../app/incident/declare-incident.js';
import { escape, slackDate } from '../../blocks/text.js';
import { parseDeclareView } from '../../parse/declare-view.js';
import { parseAddToTimelineView, parseMaintenanceView } from '../../parse/incident-views.js';
import { parseSilenceView } from '../../parse/silence-view.js';
import type { ListenerContext } from '../context.js';
import { refusing, submission } from './submission.js';
import { permissionProblem } from '../../../app/permissions/require-permission.js';
import type { RestrictedAction } from '../../../domain/permissions/permissions.js';
import { inputIds } from '../../ids.js';

/** The forms not about one incident: declaring, maintenance, the timeline shortcut, silences. */

/** The person may not do `action` (about no incident): said next to `field`. */
const refusal = (ctx: ListenerContext, action: RestrictedAction, field: string) => (_value: unknown, userId: string) => {
  const message = permissionProblem(ctx.deps, action, userId);
  return message ? { field, message } : undefined;
};

// Stored before Slack hears back; the reporter is told where the channel is once it exists.
export const declareForm = (ctx: ListenerContext) =>
  submission(
    ctx,
    parseDeclareView,
    async ({ value, userId, metadata }) => {
      const options = metadata.channelId ? { tellIn: metadata.channelId } : {};
      if (metadata.alertGroupId) declareFromAlertGroup(ctx.deps, metadata.alertGroupId, { ...value, reporterId: userId }, options);
      else await declareIncident(ctx.deps, { ...value, reporterId: userId }, options);
    },
    { storeBeforeAck: true },
  );

export const maintenanceForm = (ctx: ListenerContext) =>
  submission(
    ctx,
    refusing((values, userId, metadata) => parseMaintenanceView(values, userId, metadata, ctx.deps.clock.now()), refusal(ctx, 'maintenance', inputIds.maintenanceTitle)),
    async ({ value, userId, tell }) => {
      const maintenance = await scheduleMaintenance(ctx.deps, { ...value, createdBy: userId });
      await tell(`:calendar: Maintenance *${escape(maintenance.title)}* scheduled; it is on the status page and stakeholders are being told.`);
    },
  );

export const addToTimelineForm = (ctx: ListenerContext) =>
  submission(ctx, parseAddToTimelineView, async ({ value, userId, tell }) => {
    const outcome = addToTimeline(ctx.deps, { ...value, actorId: userId });
    await tell(outcome === 'added' ? ':pushpin: Added to the incident timeline.' : 'That message is already on the timeline.');
  });

export const silenceForm = (ctx: ListenerContext) =>
  submission(
    ctx,
    refusing((values) => parseSilenceView(values, ctx.deps.config()), refusal(ctx, 'silence', inputIds.silenceMatchers)),
    async ({ value, userId, tell }) => {
      const { silence, alerts, pagesHeld } = createSilence(ctx.deps, { ...value, createdBy: userId });
      const already = alerts > 0 ? ` ${alerts} alert(s) already firing are silenced now${pagesHeld > 0 ? `; ${pagesHeld} open page(s) stop escalating until it ends` : ''}.` : '';
      await tell(`:no_bell: Silenced until ${slackDate(silence.endsAt)}.${already} \`/incident silences\` lists it, with Expire.`);
    },
  );
