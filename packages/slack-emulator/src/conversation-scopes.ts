/**
 * For conversations.* methods Slack's reference lists bot scopes for several conversation types at once
 * (channels:*, groups:*, im:*, mpim:*), but a call needs a scope for the type of the conversation involved:
 * public channel → channels:*, private channel → groups:*, DM → im:*, group DM → mpim:*. Any one scope of
 * that family suffices. When the type cannot be told (unknown channel, no users) every listed scope counts
 * and the method handler answers the real error.
 */
import { boolArg, listArg, stringArg, type Args } from './method-args.js';
import { visibleConversation } from './methods/visibility.js';
import type { Conversation, Workspace } from './workspace.js';

type Family = 'channels' | 'groups' | 'im' | 'mpim';

/** The scopes of which any one lets this call through. */
export function acceptedScopes(ws: Workspace, method: string, listed: string[], args: Args): string[] {
  if (!method.startsWith('conversations.')) return listed;
  const family = familyOfCall(ws, method, args);
  if (family === undefined) return listed;
  const own = listed.filter((scope) => scope.split(':')[0] === family);
  // A type the method lists no scope for is not supported by it: the handler says so.
  return own.length > 0 ? own : listed;
}

function familyOfCall(ws: Workspace, method: string, args: Args): Family | undefined {
  if (method === 'conversations.create') return boolArg(args, 'is_private') ? 'groups' : 'channels';
  const channel = visibleConversation(ws, stringArg(args, 'channel'));
  if (channel) return familyOf(channel);
  if (method === 'conversations.open' && stringArg(args, 'channel') === undefined) {
    const others = new Set(listArg(args, 'users').filter((u) => u !== ws.bot.userId));
    if (others.size === 1) return 'im';
    if (others.size > 1) return 'mpim';
  }
  return undefined;
}

function familyOf(c: Conversation): Family {
  if (c.kind === 'im') return 'im';
  if (c.kind === 'mpim') return 'mpim';
  return c.isPrivate ? 'groups' : 'channels';
}
