import { z } from 'zod';
import type { ChannelActivity } from '../../app/incident/record-channel-activity.js';

import { tsToMillis } from '../../app/time.js';

const plainMessage = z.object({
  type: z.literal('message'),
  subtype: z.enum(['thread_broadcast', 'file_share', 'me_message']).optional(),
  channel: z.string(),
  user: z.string(),
  text: z.string().default(''),
  ts: z.string(),
  bot_id: z.string().optional(),
});

const changedMessage = z.object({
  type: z.literal('message'),
  subtype: z.literal('message_changed'),
  channel: z.string(),
  ts: z.string(),
  message: z.object({ ts: z.string(), text: z.string().default(''), bot_id: z.string().optional() }),
});

const deletedMessage = z.object({
  type: z.literal('message'),
  subtype: z.literal('message_deleted'),
  channel: z.string(),
  ts: z.string(),
  deleted_ts: z.string(),
});

const reaction = z.object({
  type: z.enum(['reaction_added', 'reaction_removed']),
  user: z.string(),
  reaction: z.string(),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
  event_ts: z.string(),
});

const pin = z.object({
  type: z.enum(['pin_added', 'pin_removed']),
  user: z.string(),
  channel_id: z.string(),
  item: z.object({ type: z.string().optional(), message: z.object({ ts: z.string() }).optional() }),
  event_ts: z.string(),
});

/**
 * Turns an Events API event into channel activity, or undefined for what the timeline ignores:
 * bot messages (including the bot's own), joins, topic changes, reactions to files.
 */
export const parseChannelEvent = (event: unknown): ChannelActivity | undefined => {
  const message = plainMessage.safeParse(event);
  if (message.success) {
    const { data } = message;
    if (data.bot_id) return undefined;
    return { type: 'message', channelId: data.channel, userId: data.user, ts: data.ts, text: data.text, at: tsToMillis(data.ts) };
  }
  const changed = changedMessage.safeParse(event);
  if (changed.success) {
    const { data } = changed;
    if (data.message.bot_id) return undefined;
    return { type: 'message_edited', channelId: data.channel, ts: data.message.ts, text: data.message.text, at: tsToMillis(data.ts) };
  }
  const deleted = deletedMessage.safeParse(event);
  if (deleted.success) {
    const { data } = deleted;
    return { type: 'message_deleted', channelId: data.channel, ts: data.deleted_ts, at: tsToMillis(data.ts) };
  }
  const reacted = reaction.safeParse(event);
  if (reacted.success) {
    const { data } = reacted;
    if (data.item.type !== 'message' || !data.item.channel || !data.item.ts) return undefined;
    return {
      type: data.type,
      channelId: data.item.channel,
      userId: data.user,
      messageTs: data.item.ts,
      reaction: data.reaction,
      at: tsToMillis(data.event_ts),
    };
  }
  const pinned = pin.safeParse(event);
  if (pinned.success) {
    const { data } = pinned;
    if (!data.item.message) return undefined;
    return { type: data.type, channelId: data.channel_id, userId: data.user, messageTs: data.item.message.ts, at: tsToMillis(data.event_ts) };
  }
  return undefined;
};
