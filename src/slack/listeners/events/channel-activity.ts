import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { recordChannelActivity } from '../../../app/incident/record-channel-activity.js';
import { checkBlame } from '../../../app/postmortem/check-blame.js';
import { parseChannelEvent } from '../../parse/channel-events.js';
import type { ListenerContext } from '../context.js';

type EventArgs = SlackEventMiddlewareArgs<'message' | 'reaction_added' | 'reaction_removed' | 'pin_added' | 'pin_removed'> &
  AllMiddlewareArgs;

/** Stores what people say and do in incident channels; the bot's own actions are already on the timeline. */
export const channelActivity = (ctx: ListenerContext) => async ({ event, context }: EventArgs) => {
  const activity = parseChannelEvent(event);
  if (!activity) return;
  if ('userId' in activity && activity.userId === context.botUserId) return;
  const outcome = recordChannelActivity(ctx.deps, activity);
  ctx.logger.debug({ module: 'events', type: activity.type, outcome }, 'channel activity');
  if (outcome === 'recorded' || outcome === 'updated') await checkBlame(ctx.deps, activity);
};
