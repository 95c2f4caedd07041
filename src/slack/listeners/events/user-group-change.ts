import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../context.js';

type GroupChangeArgs = SlackEventMiddlewareArgs<'subteam_members_changed'> & AllMiddlewareArgs;

const userIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/** Slack announces who joined or left a user group: permissions follow at once, not at the next read. */
export const userGroupChange = (ctx: ListenerContext) => async ({ event }: GroupChangeArgs) => {
  if (typeof event.subteam_id === 'string') ctx.deps.userGroups.changed(event.subteam_id, userIds(event.added_users), userIds(event.removed_users));
  else ctx.logger.warn({ module: 'events' }, 'subteam_members_changed without a subteam_id');
};
