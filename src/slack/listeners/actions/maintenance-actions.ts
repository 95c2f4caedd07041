import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { cancelMaintenance } from '../../../app/communication/schedule-maintenance.js';
import type { ListenerContext } from '../context.js';
import { replyPrivately, reportingErrors } from '../report-error.js';
import { escape } from '../../blocks/text.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export const cancelMaintenanceButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const cancelled = await cancelMaintenance(ctx.deps, { maintenanceId: action.value ?? '', actorId: body.user.id });
    await replyPrivately(respond)(`:no_entry_sign: Cancelled *${escape(cancelled.title)}*; stakeholders are being told.`);
  });
};
