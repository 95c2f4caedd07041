import type { AllMiddlewareArgs, BlockButtonAction, BlockOverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgePage } from '../../../app/paging/acknowledge-page.js';
import { escalateNow } from '../../../app/paging/escalate-now.js';
import { snoozeUpdateReminder } from '../../../app/communication/run-reminders.js';
import { parseEscalateValue, snoozeValueSchema } from '../../parse/action-values.js';
import type { ListenerContext } from '../context.js';
import { replyPrivately, reportingErrors } from '../report-error.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type OverflowArgs = SlackActionMiddlewareArgs<BlockOverflowAction> & AllMiddlewareArgs;

export const acknowledgeButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), () =>
    acknowledgePage(ctx.deps, { escalationId: action.value ?? '', userId: body.user.id }),
  );
};

export const escalateNowButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), () =>
    escalateNow(ctx.deps, { ...parseEscalateValue(action.value), actorId: body.user.id }),
  );
};

/** The reminder's overflow menu: "Snooze 15 min" and friends, value `<incidentId>:<minutes>`. */
export const snoozeMenu = (ctx: ListenerContext) => async ({ ack, action, respond }: OverflowArgs) => {
  await ack();
  const tell = replyPrivately(respond);
  await reportingErrors(tell, ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const snooze = snoozeValueSchema.safeParse(action.selected_option.value);
    if (!snooze.success) return tell(`:warning: ${snooze.error.issues[0]?.message}`);
    snoozeUpdateReminder(ctx.deps, snooze.data);
    return tell(`:zzz: Snoozed: I will remind you again in ${snooze.data.minutes} minutes.`);
  });
};
