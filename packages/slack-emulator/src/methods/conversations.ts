/** conversations.* methods. */
import { seconds } from '../ids.js';
import { boolArg, fail, intArg, listArg, stringArg, type ApiResponse, type MethodContext, type MethodHandler } from '../method-args.js';
import { conversationObject, messageObject } from '../shapes.js';
import type { Conversation } from '../workspace.js';
import { decodeCursor, encodeCursor, visibleConversation } from './visibility.js';

function channelResponse(ctx: MethodContext, c: Conversation, extra: Record<string, unknown> = {}): ApiResponse {
  return { ok: true, channel: conversationObject(ctx.ws, c, ctx.ws.bot.userId), ...extra };
}

function nameProblem(name: string): string | undefined {
  if (name.length > 80) return 'invalid_name_maxlength';
  if (!/^[a-z0-9_-]+$/.test(name)) return 'invalid_name_specials';
  if (/^[-_]+$/.test(name)) return 'invalid_name_punctuation';
  return undefined;
}

const create: MethodHandler = (ctx) => {
  const name = stringArg(ctx.args, 'name');
  if (name === undefined || name.trim() === '') return fail('invalid_name_required');
  const problem = nameProblem(name);
  if (problem) return fail(problem);
  if (ctx.ws.channelByName(name)) return fail('name_taken');
  const channel = ctx.ws.addChannel({
    name,
    isPrivate: boolArg(ctx.args, 'is_private'),
    members: [ctx.ws.bot.userId],
    creator: ctx.ws.bot.userId,
  });
  return channelResponse(ctx, channel);
};

const setTopic: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  if (channel.kind === 'im') return fail('method_not_supported_for_channel_type');
  if (!channel.members.has(ctx.ws.bot.userId)) return fail('not_in_channel');
  const topic = stringArg(ctx.args, 'topic') ?? '';
  if (topic.length > 250) return fail('too_long');
  channel.topic = { value: topic, creator: ctx.ws.bot.userId, lastSet: seconds(ctx.ws.now()) };
  ctx.ws.addMessage(channel.id, {
    user: ctx.ws.bot.userId,
    subtype: 'channel_topic',
    text: `set the channel topic: ${topic}`,
    extra: { topic },
  });
  return channelResponse(ctx, channel);
};

const invite: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  if (channel.kind !== 'channel') return fail('method_not_supported_for_channel_type');
  if (!channel.members.has(ctx.ws.bot.userId)) return fail('not_in_channel');
  const users = listArg(ctx.args, 'users');
  if (users.length === 0) return fail('no_user');
  if (users.length > 100) return fail('too_many_users');
  const results = users.map((user) => ({ user, error: inviteProblem(ctx, channel, user) }));
  const errors = results.filter((r) => r.error !== undefined).map((r) => ({ user: r.user, ok: false, error: r.error }));
  const valid = results.filter((r) => r.error === undefined).map((r) => r.user);
  // Without force a single bad user fails the whole call; with force the valid ones are still invited.
  if (errors.length > 0 && (!boolArg(ctx.args, 'force') || valid.length === 0)) {
    return fail(String(errors[0]?.error), { errors });
  }
  for (const user of valid) channel.members.add(user);
  return channelResponse(ctx, channel, errors.length > 0 ? { errors } : {});
};

function inviteProblem(ctx: MethodContext, channel: Conversation, user: string): string | undefined {
  if (!ctx.ws.user(user)) return 'user_not_found';
  if (user === ctx.ws.bot.userId) return 'cant_invite_self';
  if (channel.members.has(user)) return 'already_in_channel';
  return undefined;
}

const info: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const numMembers = boolArg(ctx.args, 'include_num_members') ? { num_members: channel.members.size } : {};
  return { ok: true, channel: { ...conversationObject(ctx.ws, channel, ctx.ws.bot.userId), ...numMembers } };
};

const open: MethodHandler = (ctx) => {
  const channelId = stringArg(ctx.args, 'channel');
  const users = listArg(ctx.args, 'users');
  const full = boolArg(ctx.args, 'return_im');
  if (channelId !== undefined) {
    const existing = visibleConversation(ctx.ws, channelId);
    if (!existing || existing.kind === 'channel') return fail('channel_not_found');
    return openResponse(ctx, existing, full, true);
  }
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 8) return fail('too_many_users');
  const unknown = users.find((u) => !ctx.ws.user(u));
  if (unknown !== undefined) return fail('user_not_found');
  const others = users.filter((u) => u !== ctx.ws.bot.userId);
  if (others.length === 0) return fail('not_enough_users');
  const before = ctx.ws.conversations.size;
  const conversation = others.length === 1 && others[0] !== undefined ? ctx.ws.dmWith(others[0]) : ctx.ws.mpimWith(others);
  return openResponse(ctx, conversation, full, ctx.ws.conversations.size === before);
}

function openResponse(ctx: MethodContext, c: Conversation, full: boolean, alreadyOpen: boolean): ApiResponse {
  const reuse = alreadyOpen ? { no_op: true, already_open: true } : {};
  return { ok: true, ...reuse, channel: full ? conversationObject(ctx.ws, c, ctx.ws.bot.userId) : { id: c.id } };
}

const join: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  if (channel.kind !== 'channel' || channel.isPrivate) return fail('method_not_supported_for_channel_type');
  if (channel.isArchived) return fail('is_archived');
  if (channel.members.has(ctx.ws.bot.userId)) {
    return channelResponse(ctx, channel, { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } });
  }
  channel.members.add(ctx.ws.bot.userId);
  return channelResponse(ctx, channel);
};

const members: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const page = paginate(ctx, [...channel.members], 100, 1000);
  if ('failure' in page) return page.failure;
  return { ok: true, members: page.items, response_metadata: { next_cursor: page.nextCursor } };
};

const history: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  if (!channel.members.has(ctx.ws.bot.userId)) return fail('not_in_channel');
  const inclusive = boolArg(ctx.args, 'inclusive');
  const latest = stringArg(ctx.args, 'latest');
  const oldest = stringArg(ctx.args, 'oldest');
  const inRange = (ts: string) =>
    (latest === undefined || (inclusive ? Number(ts) <= Number(latest) : Number(ts) < Number(latest))) &&
    (oldest === undefined || (inclusive ? Number(ts) >= Number(oldest) : Number(ts) > Number(oldest)));
  const topLevel = ctx.ws
    .history(channel.id)
    .filter((m) => (m.threadTs === undefined || m.threadTs === m.ts) && inRange(m.ts))
    .reverse();
  const page = paginate(ctx, topLevel, 100, 999);
  if ('failure' in page) return page.failure;
  return {
    ok: true,
    messages: page.items.map((m) => messageObject(ctx.ws, m, { metadata: boolArg(ctx.args, 'include_all_metadata') })),
    has_more: page.nextCursor !== '',
    pin_count: ctx.ws.pinsIn(channel.id).length,
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const typeScopes: Record<string, string> = { public_channel: 'channels:read', private_channel: 'groups:read', mpim: 'mpim:read', im: 'im:read' };

/** Conversations the bot can see, of the asked types; each asked type needs its own read scope. */
const list: MethodHandler = (ctx) => {
  const types = (stringArg(ctx.args, 'types') ?? 'public_channel').split(',').map((type) => type.trim()).filter(Boolean);
  const unknown = types.find((type) => !(type in typeScopes));
  if (unknown) return fail('invalid_types');
  const missing = types.map((type) => typeScopes[type]!).filter((scope) => !ctx.scopes.has(scope));
  if (missing.length > 0) return fail('missing_scope', { needed: missing.join(','), provided: [...ctx.scopes].join(',') });
  const excludeArchived = boolArg(ctx.args, 'exclude_archived');
  const typeOf = (c: Conversation) => (c.kind === 'im' ? 'im' : c.kind === 'mpim' ? 'mpim' : c.isPrivate ? 'private_channel' : 'public_channel');
  const visible = [...ctx.ws.conversations.values()].filter(
    (c) => types.includes(typeOf(c)) && (typeOf(c) === 'public_channel' || c.members.has(ctx.ws.bot.userId)) && !(excludeArchived && c.isArchived),
  );
  const page = paginate(ctx, visible, 100, 1000);
  if ('failure' in page) return page.failure;
  return {
    ok: true,
    channels: page.items.map((c) => conversationObject(ctx.ws, c, ctx.ws.bot.userId)),
    response_metadata: { next_cursor: page.nextCursor },
  };
};

type Page<T> = { items: T[]; nextCursor: string } | { failure: ApiResponse };

function paginate<T>(ctx: MethodContext, items: T[], defaultLimit: number, maxLimit: number): Page<T> {
  const limit = intArg(ctx.args, 'limit') ?? defaultLimit;
  if (limit < 1 || limit > maxLimit) return { failure: fail('invalid_limit') };
  const offset = decodeCursor(stringArg(ctx.args, 'cursor'));
  if (offset === undefined) return { failure: fail('invalid_cursor') };
  const end = offset + limit;
  return { items: items.slice(offset, end), nextCursor: end < items.length ? encodeCursor(end) : '' };
}

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.create': create,
  'conversations.setTopic': setTopic,
  'conversations.invite': invite,
  'conversations.info': info,
  'conversations.open': open,
  'conversations.join': join,
  'conversations.members': members,
  'conversations.history': history,
  'conversations.list': list,
};
