/** pins.add, pins.remove and reactions.add. */
import { fail, stringArg, type ApiResponse, type MethodContext, type MethodHandler } from '../method-args.js';
import type { Conversation, Message } from '../workspace.js';
import { visibleConversation } from './visibility.js';

function findTarget(ctx: MethodContext, tsArg: string): { channel: Conversation; message: Message } | ApiResponse {
  const channel = visibleConversation(ctx.ws, stringArg(ctx.args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const ts = stringArg(ctx.args, tsArg);
  if (ts === undefined) return fail('no_item_specified');
  if (!/^\d+\.\d+$/.test(ts)) return fail('bad_timestamp');
  const message = ctx.ws.message(channel.id, ts);
  return message ? { channel, message } : fail('message_not_found');
}

const pinsAdd: MethodHandler = (ctx) => {
  const target = findTarget(ctx, 'timestamp');
  if ('ok' in target) return target;
  if (!target.channel.members.has(ctx.ws.bot.userId)) return fail('not_in_channel');
  if (ctx.ws.pin(target.channel.id, target.message.ts)) return fail('already_pinned');
  ctx.ws.addPin(target.channel.id, target.message.ts, ctx.ws.bot.userId);
  return { ok: true };
};

const pinsRemove: MethodHandler = (ctx) => {
  const target = findTarget(ctx, 'timestamp');
  if ('ok' in target) return target;
  if (!ctx.ws.removePin(target.channel.id, target.message.ts)) return fail('no_pin');
  return { ok: true };
};

const reactionsAdd: MethodHandler = (ctx) => {
  const target = findTarget(ctx, 'timestamp');
  if ('ok' in target) return target;
  const name = stringArg(ctx.args, 'name') ?? '';
  if (!/^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/.test(name)) return fail('invalid_name');
  const users = target.message.reactions.get(name) ?? [];
  if (users.includes(ctx.ws.bot.userId)) return fail('already_reacted');
  target.message.reactions.set(name, [...users, ctx.ws.bot.userId]);
  return { ok: true };
};

export const pinAndReactionMethods: Record<string, MethodHandler> = {
  'pins.add': pinsAdd,
  'pins.remove': pinsRemove,
  'reactions.add': reactionsAdd,
};
