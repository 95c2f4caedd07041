import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeAlertGroup } from '../../../app/alerts/acknowledge-alert-group.js';
import { declareDraftFromAlert } from '../../../app/alerts/declare-from-alert.js';
import { silenceDraftFromAlert } from '../../../app/alerts/silence-alerts.js';
import { expireSilence } from '../../../app/alerts/expire-silence.js';
import { requirePermission } from '../../../app/permissions/require-permission.js';
import { declareModal } from '../../blocks/modals/declare-modal.js';
import { silenceModal } from '../../blocks/modals/silence-modal.js';
import { slackDate } from '../../blocks/text.js';
import { serviceChoices } from '../../../app/incident/service-choices.js';
import type { ListenerContext } from '../context.js';
import { replyPrivately, reportingErrors } from '../report-error.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Acknowledge on an alert card or an alert page DM. */
export const acknowledgeAlertButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    acknowledgeAlertGroup(ctx.deps, { groupId: action.value ?? '', userId: body.user.id });
    await replyPrivately(respond)(':white_check_mark: You acknowledged the alert; the page stops here.');
  });
};

/** Declare incident on an alert card: the declare form, pre-filled from the alert. */
export const declareFromAlertButton = (ctx: ListenerContext) => async ({ ack, action, body, client, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const draft = declareDraftFromAlert(ctx.deps, action.value ?? '');
    await client.views.open({
      trigger_id: body.trigger_id,
      view: declareModal({
        title: draft.title,
        reporterId: body.user.id,
        services: serviceChoices(ctx.deps),
        severity: draft.severity,
        selectedServices: draft.services,
        summary: draft.summary,
        alertGroupId: action.value ?? '',
        ...(body.channel?.id ? { channelId: body.channel.id } : {}),
      }),
    });
  });
};

/** Silence… on an alert card: the silence form, matchers pre-filled from the alert's labels. */
export const silenceAlertButton = (ctx: ListenerContext) => async ({ ack, action, body, client, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    // Refused before the form opens: nothing typed is lost.
    requirePermission(ctx.deps, 'silence', body.user.id);
    const draft = silenceDraftFromAlert(ctx.deps, action.value ?? '');
    await client.views.open({ trigger_id: body.trigger_id, view: silenceModal({ ...draft, ...(body.channel?.id ? { channelId: body.channel.id } : {}) }) });
  });
};

/** Expire in `/incident silences`: the silence ends now; what it held and still fires is notified. */
export const expireSilenceButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const silence = expireSilence(ctx.deps, { silenceId: action.value ?? '', actorId: body.user.id });
    await replyPrivately(respond)(`:bell: Silence expired ${slackDate(silence.expiredAt ?? silence.endsAt)}; matching alerts notify again.`);
  });
};
