/** chat.* methods. The bot posts as its bot user: `user` is the bot user id and `bot_id` is set. */
import { fail, jsonArg, stringArg, type ApiResponse, type MethodContext, type MethodHandler } from '../method-args.js';
import { messageObject } from '../shapes.js';
import type { Conversation, Message } from '../workspace.js';
import { isFailure, readMessageContent } from './message-content.js';
import { visibleConversation } from './visibility.js';

/** `channel` may be a conversation id, a channel name, or a user id (the bot's DM with that user). */
function resolveTarget(ctx: MethodContext, channel: string | undefined): Conversation | undefined {
  if (channel === undefined) return undefined;
  if (/^[UW]/.test(channel) && ctx.ws.user(channel) && channel !== ctx.ws.bot.userId) return ctx.ws.dmWith(channel);
  const byId = visibleConversation(ctx.ws, channel);
  if (byId) return byId;
  const byName = ctx.ws.channelByName(channel);
  return byName ? visibleConversation(ctx.ws, byName.id) : undefined;
}

function mayPost(ctx: MethodContext, c: Conversation): boolean {
  if (c.members.has(ctx.ws.bot.userId)) return true;
  return c.kind === 'channel' && !c.isPrivate && ctx.scopes.has('chat:write.public');
}

/**
 * `metadata`: a JSON object with a string `event_type` and an object `event_payload` (Slack's
 * invalid_metadata_format otherwise), at most 8 KB of JSON here (metadata_too_large).
 */
function readMetadata(ctx: MethodContext): { metadata?: Message['metadata']; failure?: ApiResponse } {
  const arg = jsonArg(ctx.args, 'metadata');
  if (!arg.present) return {};
  const value = arg.value as { event_type?: unknown; event_payload?: unknown } | null;
  const payload = value?.event_payload;
  if (arg.malformed || typeof value?.event_type !== 'string' || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { failure: fail('invalid_metadata_format') };
  if (JSON.stringify(value).length > 8_192) return { failure: fail('metadata_too_large') };
  return { metadata: { event_type: value.event_type, event_payload: payload as Record<string, unknown> } };
}

const postMessage: MethodHandler = (ctx) => {
  const target = resolveTarget(ctx, stringArg(ctx.args, 'channel'));
  if (!target) return fail('channel_not_found');
  if (target.isArchived) return fail('is_archived');
  if (!mayPost(ctx, target)) return fail('not_in_channel');
  const content = readMessageContent(ctx.args);
  if (isFailure(content)) return content;
  const { metadata, failure } = readMetadata(ctx);
  if (failure) return failure;
  const threadTs = stringArg(ctx.args, 'thread_ts');
  const message = ctx.ws.addMessage(target.id, {
    user: ctx.ws.bot.userId,
    botId: ctx.ws.bot.botId,
    text: content.text ?? '',
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs === undefined ? {} : { threadTs }),
    ...(metadata ? { metadata } : {}),
  });
  return { ok: true, channel: target.id, ts: message.ts, message: messageObject(ctx.ws, message, { metadata: true }) };
};

const update: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const message = ctx.ws.message(channel.id, stringArg(ctx.args, 'ts') ?? '');
  if (!message) return fail('message_not_found');
  if (message.botId !== ctx.ws.bot.botId) return fail('cant_update_message');
  const content = readMessageContent(ctx.args);
  if (isFailure(content)) return content;
  // Blocks left out are kept; an empty array removes them.
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) {
    if (content.blocks.length === 0) delete message.blocks;
    else message.blocks = content.blocks;
  }
  message.edited = { user: ctx.ws.bot.userId, ts: ctx.ws.nextTs() };
  return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageObject(ctx.ws, message) };
};

const postEphemeral: MethodHandler = (ctx) => {
  const target = resolveTarget(ctx, stringArg(ctx.args, 'channel'));
  if (!target) return fail('channel_not_found');
  if (target.isArchived) return fail('is_archived');
  if (!mayPost(ctx, target)) return fail('not_in_channel');
  const user = stringArg(ctx.args, 'user') ?? '';
  if (!target.members.has(user)) return fail('user_not_in_channel');
  const content = readMessageContent(ctx.args);
  if (isFailure(content)) return content;
  const threadTs = stringArg(ctx.args, 'thread_ts');
  const ephemeral = ctx.ws.addEphemeral({
    channel: target.id,
    user,
    text: content.text ?? '',
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs === undefined ? {} : { threadTs }),
    source: 'api',
  });
  return { ok: true, message_ts: ephemeral.ts };
};

const getPermalink: MethodHandler = (ctx) => {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const message = ctx.ws.message(channel.id, stringArg(ctx.args, 'message_ts') ?? '');
  if (!message) return fail('message_not_found');
  return { ok: true, channel: channel.id, permalink: permalink(ctx.ws.domain, channel.id, message.ts, message.threadTs) };
};

export function permalink(domain: string, channel: string, ts: string, threadTs?: string): string {
  const base = `https://${domain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs === undefined || threadTs === ts ? base : `${base}?thread_ts=${threadTs}&cid=${channel}`;
}

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
};
