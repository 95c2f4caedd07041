/** Workspace objects rendered the way Slack's Web API and payloads render them (see the reference examples). */
import type { Conversation, EphemeralMessage, Message, User, UserGroup, View, Workspace } from './workspace.js';

export function userObject(ws: Workspace, user: User): Record<string, unknown> {
  return {
    id: user.id,
    team_id: ws.teamId,
    name: user.name,
    deleted: false,
    color: '9f69e7',
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: user.tzOffset,
    profile: {
      status_text: '',
      status_emoji: '',
      real_name: user.realName,
      display_name: user.displayName,
      real_name_normalized: user.realName,
      display_name_normalized: user.displayName,
      ...(user.email === undefined ? {} : { email: user.email }),
      ...(user.botId === undefined ? {} : { bot_id: user.botId }),
      team: ws.teamId,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: user.updated,
  };
}

/** `viewer` decides is_member; Slack answers from the point of view of the token's user. */
export function conversationObject(ws: Workspace, c: Conversation, viewer: string): Record<string, unknown> {
  if (c.kind === 'im') {
    return {
      id: c.id,
      created: c.created,
      is_im: true,
      is_org_shared: false,
      user: c.imUser,
      last_read: '0000000000.000000',
      latest: null,
      unread_count: 0,
      unread_count_display: 0,
      is_open: true,
      priority: 0,
    };
  }
  return {
    id: c.id,
    name: c.name,
    is_channel: c.kind === 'channel',
    is_group: false,
    is_im: false,
    is_mpim: c.kind === 'mpim',
    is_private: c.isPrivate,
    created: c.created,
    is_archived: c.isArchived,
    is_general: c.isGeneral,
    unlinked: 0,
    name_normalized: c.name,
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: ws.teamId,
    parent_conversation: null,
    creator: c.creator,
    shared_team_ids: [ws.teamId],
    is_member: c.members.has(viewer),
    topic: topicObject(c.topic),
    purpose: topicObject(c.purpose),
    previous_names: [],
  };
}

function topicObject(t: Conversation['topic']): Record<string, unknown> {
  return { value: t.value, creator: t.creator, last_set: t.lastSet };
}

/** A message as the Web API shows it; its metadata only where the caller asked for it (`include_all_metadata`). */
export function messageObject(ws: Workspace, m: Message, options: { metadata?: boolean } = {}): Record<string, unknown> {
  const replies = m.threadTs === undefined ? ws.history(m.channel).filter((r) => r.threadTs === m.ts && r.ts !== m.ts) : [];
  return {
    type: 'message',
    ...(m.subtype === undefined ? {} : { subtype: m.subtype }),
    ...(m.user === undefined ? {} : { user: m.user }),
    ...(m.botId === undefined ? {} : { bot_id: m.botId, app_id: ws.bot.appId }),
    text: m.text,
    ...(m.blocks === undefined ? {} : { blocks: m.blocks }),
    ts: m.ts,
    team: ws.teamId,
    ...(m.threadTs === undefined ? {} : { thread_ts: m.threadTs }),
    ...(replies.length > 0 ? { thread_ts: m.ts, reply_count: replies.length, latest_reply: replies[replies.length - 1]?.ts } : {}),
    ...(m.edited === undefined ? {} : { edited: m.edited }),
    ...(m.reactions.size === 0 ? {} : { reactions: reactionsArray(m) }),
    ...(ws.pin(m.channel, m.ts) ? { pinned_to: [m.channel] } : {}),
    ...(options.metadata && m.metadata ? { metadata: m.metadata } : {}),
    ...m.extra,
  };
}

function reactionsArray(m: Message): unknown[] {
  return [...m.reactions].map(([name, users]) => ({ name, users, count: users.length }));
}

export function ephemeralObject(e: EphemeralMessage): Record<string, unknown> {
  return { type: 'message', text: e.text, ...(e.blocks === undefined ? {} : { blocks: e.blocks }), ts: e.ts };
}

export function viewObject(ws: Workspace, v: View): Record<string, unknown> {
  return {
    id: v.id,
    team_id: ws.teamId,
    type: v.type,
    ...(v.type === 'modal' ? { title: v.title } : {}),
    close: v.close ?? null,
    submit: v.submit ?? null,
    blocks: v.blocks,
    private_metadata: v.privateMetadata,
    callback_id: v.callbackId,
    external_id: v.externalId,
    state: v.state,
    hash: v.hash,
    clear_on_close: v.clearOnClose,
    notify_on_close: v.notifyOnClose,
    root_view_id: v.rootViewId,
    previous_view_id: v.previousViewId,
    app_id: ws.bot.appId,
    app_installed_team_id: ws.teamId,
    bot_id: ws.bot.botId,
  };
}

export function userRef(ws: Workspace, userId: string): Record<string, unknown> {
  const user = ws.user(userId);
  return { id: userId, username: user?.name ?? userId, name: user?.name ?? userId, team_id: ws.teamId };
}

/** A subteam object as usergroups.list renders it; `users` only when asked for. */
export function userGroupObject(ws: Workspace, g: UserGroup, withUsers: boolean): Record<string, unknown> {
  return {
    id: g.id,
    team_id: ws.teamId,
    is_usergroup: true,
    name: g.name,
    description: g.description,
    handle: g.handle,
    is_external: false,
    date_create: g.created,
    date_update: g.disabledAt || g.created,
    date_delete: g.disabledAt,
    auto_type: null,
    created_by: g.createdBy,
    updated_by: g.createdBy,
    deleted_by: g.disabledAt ? g.createdBy : null,
    prefs: { channels: [], groups: [] },
    ...(withUsers ? { users: [...g.users] } : {}),
    user_count: g.users.length,
  };
}
