import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseSlackUser } from '../../parse/slack-user.js';
import type { ListenerContext } from '../context.js';

type UserChangeArgs = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/** Slack announces every profile change: the cached name is replaced, so drafts use the new one at once. */
export const userChange = (ctx: ListenerContext) => async ({ event }: UserChangeArgs) => {
  const person = parseSlackUser(event.user);
  if (person) ctx.deps.people.remember(person);
  else ctx.logger.warn({ module: 'events' }, 'user_change without a readable user');
};
