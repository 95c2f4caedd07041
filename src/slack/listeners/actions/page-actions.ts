import type { AllMiddlewareArgs, BlockButtonAction, BlockOverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgePage } from '../../../app/paging/acknowledge-page.js';
import { escalatePage } from '../../../app/paging/escalate-page.js';
import { snoozeUpdateReminder } from '../../../app/communication/run-reminders.js';
import { DomainError } from '../../../domain/errors.js';
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
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    // The value names the level the DM was shown for: a second click, or one after an ack, does nothing more.
    const [escalationId = '', levelIndex, pass] = (action.value ?? '').split(':');
    const shownLevel = levelIndex !== undefined && pass !== undefined ? { levelIndex: Number(levelIndex), pass: Number(pass) } : undefined;
    const { escalation, moved } = await escalatePage(ctx.deps, { escalationId, actorId: body.user.id, ...(shownLevel ? { shownLevel } : {}) });
    if (moved) return;
    if (escalation?.status === 'acknowledged') throw new DomainError('SAME_VALUE', 'This page was already acknowledged; nothing to escalate.');
    throw new DomainError('SAME_VALUE', escalation?.status === 'active' ? 'This page has already moved on to the next level.' : 'This page has ended; nothing to escalate.');
  });
};

/** The reminder's overflow menu: "Snooze 15 min" and friends, value `<incidentId>:<minutes>`. */
export const snoozeMenu = (ctx: ListenerContext) => async ({ ack, action, respond }: OverflowArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const match = /^(.+):(\d+)$/.exec(action.selected_option.value);
    if (!match) throw new DomainError('INVALID_INPUT', 'That snooze option is not one I know.');
    snoozeUpdateReminder(ctx.deps, { incidentId: match[1]!, minutes: Number(match[2]) });
    await replyPrivately(respond)(`:zzz: Snoozed: I will remind you again in ${match[2]} minutes.`);
  });
};
