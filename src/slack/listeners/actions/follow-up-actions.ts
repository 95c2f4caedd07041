import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { changeStatus } from '../../../app/incident/change-status.js';
import { completeFollowUp } from '../../../app/postmortem/follow-ups.js';
import type { ListenerContext } from '../context.js';
import { replyPrivately, reportingErrors } from '../report-error.js';
import { escape } from '../../blocks/text.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export const completeFollowUpButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const done = await completeFollowUp(ctx.deps, { followUpId: action.value ?? '', actorId: body.user.id, channelId: body.channel?.id });
    await replyPrivately(respond)(`:white_check_mark: Done: ${escape(done.text)}`);
  });
};

/** "Close anyway" after being told blocking follow-ups are open. */
export const confirmCloseButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), () =>
    changeStatus(ctx.deps, { incidentId: action.value ?? '', to: 'closed', actorId: body.user.id, confirmOpenFollowUps: true }),
  );
};
