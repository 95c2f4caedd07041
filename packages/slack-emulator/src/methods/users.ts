/** users.info, users.list and auth.test. */
import { boolArg, fail, intArg, stringArg, type MethodHandler } from '../method-args.js';
import { userObject } from '../shapes.js';
import { decodeCursor, encodeCursor } from './visibility.js';

const authTest: MethodHandler = (ctx) => ({
  ok: true,
  url: `https://${ctx.ws.domain}.slack.com/`,
  team: ctx.ws.teamName,
  user: ctx.ws.bot.name,
  team_id: ctx.ws.teamId,
  user_id: ctx.ws.bot.userId,
  bot_id: ctx.ws.bot.botId,
  is_enterprise_install: false,
});

/** Slack adds the locale only when asked (include_locale); everyone in the fake workspace uses en-US. */
const info: MethodHandler = (ctx) => {
  const user = ctx.ws.user(stringArg(ctx.args, 'user') ?? '');
  if (!user) return fail('user_not_found');
  return { ok: true, user: { ...userObject(ctx.ws, user), ...(boolArg(ctx.args, 'include_locale') ? { locale: 'en-US' } : {}) } };
};

const list: MethodHandler = (ctx) => {
  const limit = intArg(ctx.args, 'limit') ?? 1000;
  const offset = decodeCursor(stringArg(ctx.args, 'cursor'));
  if (offset === undefined) return fail('invalid_cursor');
  const all = [...ctx.ws.users.values()];
  const end = offset + Math.max(1, limit);
  return {
    ok: true,
    members: all.slice(offset, end).map((u) => userObject(ctx.ws, u)),
    cache_ts: Math.floor(ctx.ws.now() / 1000),
    response_metadata: { next_cursor: end < all.length ? encodeCursor(end) : '' },
  };
};

export const userMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': info,
  'users.list': list,
};
