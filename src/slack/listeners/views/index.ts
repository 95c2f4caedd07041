import type { App } from '@slack/bolt';
import { assignRole } from '../../../app/incident/assign-role.js';
import { changeSeverity } from '../../../app/incident/change-severity.js';
import { changeStatus } from '../../../app/incident/change-status.js';
import { declareIncident } from '../../../app/incident/declare-incident.js';
import { postUpdate } from '../../../app/communication/post-update.js';
import { viewIds } from '../../ids.js';
import { parseDeclareView } from '../../parse/declare-view.js';
import { parseAddToTimelineView, parseFollowUpView, parseMaintenanceView, parsePageView, parseRoleView, parseSeverityView, parseStatusView, parseUpdateView } from '../../parse/incident-views.js';
import { startPaging } from '../../../app/paging/start-paging.js';
import { scheduleMaintenance } from '../../../app/communication/schedule-maintenance.js';
import { addFollowUp } from '../../../app/postmortem/follow-ups.js';
import { addToTimeline } from '../../../app/incident/add-to-timeline.js';
import { dueAtEndOfDay } from '../../parse/follow-up-command.js';
import type { ListenerContext } from '../context.js';
import { customerTemplate } from '../update-modal.js';
import { submission } from './submission.js';
import { parseSilenceView } from '../../parse/silence-view.js';
import { createSilence } from '../../../app/alerts/silence-alerts.js';
import { declareFromAlertGroup } from '../../../app/alerts/declare-from-alert.js';
import { escape, slackDate } from '../../blocks/text.js';

export const registerViews = (app: App, ctx: ListenerContext): void => {
  const { deps } = ctx;
  app.view(
    viewIds.declare,
    // Stored before Slack hears back; the reporter is told where the channel is once it exists.
    submission(
      ctx,
      parseDeclareView,
      async ({ value, userId, metadata }) => {
        const options = metadata.channelId ? { tellIn: metadata.channelId } : {};
        if (metadata.alertGroupId) declareFromAlertGroup(deps, metadata.alertGroupId, { ...value, reporterId: userId }, options);
        else await declareIncident(deps, { ...value, reporterId: userId }, options);
      },
      { storeBeforeAck: true },
    ),
  );
  app.view(
    viewIds.status,
    submission(ctx, parseStatusView, ({ value, userId }) =>
      changeStatus(deps, { incidentId: value.incidentId, to: value.to, actorId: userId, reason: value.reason }),
    ),
  );
  app.view(
    viewIds.severity,
    submission(ctx, parseSeverityView, ({ value, userId }) => changeSeverity(deps, { ...value, actorId: userId })),
  );
  app.view(
    viewIds.role,
    submission(ctx, parseRoleView, ({ value, userId }) => assignRole(deps, { ...value, actorId: userId })),
  );
  app.view(
    viewIds.maintenance,
    submission(
      ctx,
      (values, userId, metadata) => parseMaintenanceView(values, userId, metadata, deps.clock.now()),
      async ({ value, userId, tell }) => {
        const maintenance = await scheduleMaintenance(deps, { ...value, createdBy: userId });
        await tell(`:calendar: Maintenance *${escape(maintenance.title)}* scheduled; it is on the status page and stakeholders are being told.`);
      },
    ),
  );
  app.view(
    viewIds.followUp,
    submission(ctx, parseFollowUpView, ({ value, userId }) =>
      addFollowUp(deps, {
        incidentId: value.incidentId,
        text: value.text,
        ownerId: value.ownerId,
        dueAt: value.dueDate ? dueAtEndOfDay(value.dueDate, deps.config().timezone) : null,
        blocking: value.blocking,
        actorId: userId,
      }),
    ),
  );
  app.view(
    viewIds.addToTimeline,
    submission(ctx, parseAddToTimelineView, async ({ value, userId, tell }) => {
      const outcome = addToTimeline(deps, { ...value, actorId: userId });
      await tell(outcome === 'added' ? ':pushpin: Added to the incident timeline.' : 'That message is already on the timeline.');
    }),
  );
  app.view(
    viewIds.silence,
    submission(
      ctx,
      (values) => parseSilenceView(values, deps.config()),
      async ({ value, userId, tell }) => {
        const { silence, alerts, pagesHeld } = createSilence(deps, { ...value, createdBy: userId });
        const already = alerts > 0 ? ` ${alerts} alert(s) already firing are silenced now${pagesHeld > 0 ? `; ${pagesHeld} open page(s) stop escalating until it ends` : ''}.` : '';
        await tell(`:no_bell: Silenced until ${slackDate(silence.endsAt)}.${already} \`/incident silences\` lists it, with Expire.`);
      },
    ),
  );
  app.view(
    viewIds.page,
    submission(ctx, parsePageView, ({ value, userId }) => startPaging(deps, { ...value, requestedBy: userId })),
  );
  app.view(
    viewIds.update,
    submission(ctx, parseUpdateView, ({ value, userId }) => {
      const nextUpdateAt = deps.clock.now() + value.nextUpdateMinutes * 60_000;
      const incident = value.useTemplate ? deps.incidents.findById(value.incidentId) : undefined;
      return postUpdate(deps, {
        incidentId: value.incidentId,
        actorId: userId,
        status: value.status,
        whatChanged: value.whatChanged,
        impact: value.impact,
        nextSteps: value.nextSteps,
        nextUpdateAt,
        // The template as it reads for the status chosen in the form, not the one it was opened in.
        customerMessage: incident ? customerTemplate(deps, incident, value.status, nextUpdateAt) : value.customerMessage,
      });
    }),
  );
};
