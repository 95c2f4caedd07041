/**
 * People doing things in channels: messages, edits, deletions, reactions, pins, opening the App Home and
 * changing their profile.
 * Each changes the workspace, then reaches the app as an Events API event if it is subscribed to it.
 */
import { requireMember, requireUser, type Driver } from './driver.js';
import { EventsApi, type EventResult } from './events-api.js';
import { seconds } from './ids.js';
import { messageObject, userObject, viewObject } from './shapes.js';
import type { Conversation, Message } from './workspace.js';

export type PostMessageInput = { user: string; channel: string; text: string; threadTs?: string };
export type MessageRef = { user: string; channel: string; ts: string };
export type ReactionInput = MessageRef & { name: string };
export type UserEventResult = { ts: string; event: EventResult };

/** Slack renders what a person types as a rich_text block. */
function richText(text: string, ts: string): unknown[] {
  return [
    {
      type: 'rich_text',
      block_id: `rt${ts.replace('.', '').slice(-6)}`,
      elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
    },
  ];
}

function messageEvent(d: Driver, channel: Conversation, fields: Record<string, unknown>): Promise<EventResult> {
  const { subscription, channelType } = EventsApi.messageSubscription(channel);
  return d.events.deliver(subscription, { type: 'message', ...fields, channel: channel.id, channel_type: channelType }, channel);
}

export async function postMessage(d: Driver, input: PostMessageInput): Promise<UserEventResult> {
  const user = requireUser(d.ws, input.user);
  const channel = requireMember(d.ws, user.id, input.channel);
  if (input.threadTs !== undefined && !d.ws.message(channel.id, input.threadTs)) {
    throw new Error(`fake-slack: no thread ${input.threadTs} in ${channel.id}`);
  }
  const message = d.ws.addMessage(channel.id, {
    user: user.id,
    text: input.text,
    ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }),
  });
  message.blocks = richText(input.text, message.ts);
  const parent = input.threadTs === undefined ? undefined : d.ws.message(channel.id, input.threadTs);
  const event = await messageEvent(d, channel, {
    user: user.id,
    text: message.text,
    ts: message.ts,
    event_ts: message.ts,
    client_msg_id: clientMsgId(message),
    team: d.ws.teamId,
    blocks: message.blocks,
    ...(parent ? { thread_ts: parent.ts, parent_user_id: parent.user ?? parent.botId } : {}),
  });
  return { ts: message.ts, event };
}

export async function editMessage(d: Driver, input: MessageRef & { text: string }): Promise<UserEventResult> {
  const { channel, message } = ownMessage(d, input);
  const previous = messageObject(d.ws, message);
  const eventTs = d.ws.nextTs();
  message.text = input.text;
  message.blocks = richText(input.text, message.ts);
  message.edited = { user: input.user, ts: eventTs };
  const event = await messageEvent(d, channel, {
    subtype: 'message_changed',
    hidden: true,
    message: { ...messageObject(d.ws, message), client_msg_id: clientMsgId(message) },
    previous_message: { ...previous, client_msg_id: clientMsgId(message) },
    ts: eventTs,
    event_ts: eventTs,
  });
  return { ts: eventTs, event };
}

export async function deleteMessage(d: Driver, input: MessageRef): Promise<UserEventResult> {
  const { channel, message } = ownMessage(d, input);
  const previous = messageObject(d.ws, message);
  d.ws.removeMessage(channel.id, message.ts);
  const eventTs = d.ws.nextTs();
  const event = await messageEvent(d, channel, {
    subtype: 'message_deleted',
    hidden: true,
    deleted_ts: message.ts,
    previous_message: previous,
    ts: eventTs,
    event_ts: eventTs,
  });
  return { ts: eventTs, event };
}

export async function addReaction(d: Driver, input: ReactionInput): Promise<UserEventResult> {
  const { channel, message } = visibleMessage(d, input);
  const users = message.reactions.get(input.name) ?? [];
  if (users.includes(input.user)) throw new Error(`fake-slack: ${input.user} already reacted :${input.name}:`);
  message.reactions.set(input.name, [...users, input.user]);
  return reactionEvent(d, 'reaction_added', channel, message, input);
}

export async function removeReaction(d: Driver, input: ReactionInput): Promise<UserEventResult> {
  const { channel, message } = visibleMessage(d, input);
  const users = message.reactions.get(input.name) ?? [];
  if (!users.includes(input.user)) throw new Error(`fake-slack: ${input.user} has no :${input.name}: to remove`);
  const left = users.filter((u) => u !== input.user);
  if (left.length === 0) message.reactions.delete(input.name);
  else message.reactions.set(input.name, left);
  return reactionEvent(d, 'reaction_removed', channel, message, input);
}

async function reactionEvent(
  d: Driver,
  type: 'reaction_added' | 'reaction_removed',
  channel: Conversation,
  message: Message,
  input: ReactionInput,
): Promise<UserEventResult> {
  const eventTs = d.ws.nextTs();
  const event = await d.events.deliver(
    type,
    {
      type,
      user: input.user,
      reaction: input.name,
      item_user: message.user ?? message.botId,
      item: { type: 'message', channel: channel.id, ts: message.ts },
      event_ts: eventTs,
    },
    channel,
  );
  return { ts: eventTs, event };
}

export async function pinMessage(d: Driver, input: MessageRef): Promise<UserEventResult> {
  const { channel, message } = visibleMessage(d, input);
  if (d.ws.pin(channel.id, message.ts)) throw new Error(`fake-slack: ${message.ts} is already pinned`);
  const pin = d.ws.addPin(channel.id, message.ts, input.user);
  return pinEvent(d, 'pin_added', channel, message, input.user, pin.pinnedAt);
}

export async function unpinMessage(d: Driver, input: MessageRef): Promise<UserEventResult> {
  const { channel, message } = visibleMessage(d, input);
  const pin = d.ws.pin(channel.id, message.ts);
  if (!pin) throw new Error(`fake-slack: ${message.ts} is not pinned`);
  d.ws.removePin(channel.id, message.ts);
  return pinEvent(d, 'pin_removed', channel, message, input.user, pin.pinnedAt);
}

async function pinEvent(
  d: Driver,
  type: 'pin_added' | 'pin_removed',
  channel: Conversation,
  message: Message,
  user: string,
  pinnedAt: number,
): Promise<UserEventResult> {
  const eventTs = d.ws.nextTs();
  const pinCount = d.ws.pinsIn(channel.id).length;
  const event = await d.events.deliver(
    type,
    {
      type,
      user,
      channel_id: channel.id,
      item: {
        type: 'message',
        created: pinnedAt,
        created_by: user,
        channel: channel.id,
        message: messageObject(d.ws, message),
      },
      item_user: message.user ?? message.botId,
      pin_count: pinCount,
      pinned_info: { channel: channel.id, pinned_by: user, pinned_ts: pinnedAt },
      ...(type === 'pin_removed' ? { has_pins: pinCount > 0 } : {}),
      event_ts: eventTs,
    },
    channel,
  );
  return { ts: eventTs, event };
}

export async function openAppHome(d: Driver, input: { user: string; tab?: 'home' | 'messages' }): Promise<UserEventResult> {
  const user = requireUser(d.ws, input.user);
  const dm = d.ws.dmWith(user.id);
  const home = d.ws.homeView(user.id);
  const eventTs = d.ws.nextTs();
  const event = await d.events.deliver('app_home_opened', {
    type: 'app_home_opened',
    user: user.id,
    channel: dm.id,
    tab: input.tab ?? 'home',
    ...(home && (input.tab ?? 'home') === 'home' ? { view: viewObject(d.ws, home) } : {}),
    event_ts: eventTs,
  });
  return { ts: eventTs, event };
}

function visibleMessage(d: Driver, input: MessageRef): { channel: Conversation; message: Message } {
  requireUser(d.ws, input.user);
  const channel = requireMember(d.ws, input.user, input.channel);
  const message = d.ws.message(channel.id, input.ts);
  if (!message) throw new Error(`fake-slack: no message ${input.ts} in ${channel.id}`);
  return { channel, message };
}

function ownMessage(d: Driver, input: MessageRef): { channel: Conversation; message: Message } {
  const found = visibleMessage(d, input);
  if (found.message.user !== input.user || found.message.botId !== undefined) {
    throw new Error(`fake-slack: ${input.user} can only edit or delete their own messages`);
  }
  return found;
}

function clientMsgId(message: Message): string {
  const hex = Buffer.from(`${message.channel}${message.ts}`).toString('hex').padEnd(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export type ProfileChange = { user: string; displayName?: string; realName?: string };

/** A person edits their profile: Slack sends user_change with the whole user object to every app that may read users. */
export async function changeProfile(d: Driver, input: ProfileChange): Promise<UserEventResult> {
  const user = requireUser(d.ws, input.user);
  if (input.displayName !== undefined) user.displayName = input.displayName;
  if (input.realName !== undefined) user.realName = input.realName;
  user.updated = seconds(d.ws.now());
  const eventTs = d.ws.nextTs();
  const event = await d.events.deliver('user_change', {
    type: 'user_change',
    user: userObject(d.ws, user),
    cache_ts: user.updated,
    event_ts: eventTs,
  });
  return { ts: eventTs, event };
}

export type UserGroupMembersChange = { usergroup: string; add?: string[]; remove?: string[] };

/**
 * Someone adds people to a user group or takes them out: Slack sends subteam_members_changed, the
 * delta only, to every app that may read user groups.
 */
export async function changeUserGroupMembers(d: Driver, input: UserGroupMembersChange): Promise<UserEventResult> {
  const group = d.ws.userGroup(input.usergroup);
  if (!group) throw new Error(`fake-slack: no user group ${input.usergroup}`);
  for (const user of input.add ?? []) requireUser(d.ws, user);
  const added = (input.add ?? []).filter((user) => !group.users.includes(user));
  const removed = (input.remove ?? []).filter((user) => group.users.includes(user));
  group.users = [...group.users.filter((user) => !removed.includes(user)), ...added];
  const previous = group.updated ?? group.created;
  group.updated = seconds(d.ws.now());
  const eventTs = d.ws.nextTs();
  const event = await d.events.deliver('subteam_members_changed', {
    type: 'subteam_members_changed',
    subteam_id: group.id,
    team_id: d.ws.teamId,
    date_previous_update: previous,
    date_update: group.updated,
    added_users: added,
    added_users_count: added.length,
    removed_users: removed,
    removed_users_count: removed.length,
    event_ts: eventTs,
  });
  return { ts: eventTs, event };
}
