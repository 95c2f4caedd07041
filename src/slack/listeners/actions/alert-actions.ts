import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeAlertGroup } from '../../../app/alerts/acknowledge-alert-group.js';
import { declareDraftFromAlert } from '../../../app/alerts/declare-from-alert.js';
import { declareModal } from '../../blocks/modals.js';
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
        services: ctx.deps.config().services,
        severity: draft.severity,
        selectedServices: draft.services,
        summary: draft.summary,
      }),
    });
  });
};
