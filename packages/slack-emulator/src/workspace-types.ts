/** The fake workspace's records, as the Web API handlers and the sandbox read them. */
import type { Now } from './ids.js';
export type User = {
  id: string;
  name: string;
  realName: string;
  /** what the person chose to be called; Slack leaves it empty until they do */
  displayName: string;
  tz: string;
  tzOffset: number;
  isBot: boolean;
  botId?: string;
  email?: string;
  updated: number;
};

export type ConversationKind = 'channel' | 'im' | 'mpim';

export type Topic = { value: string; creator: string; lastSet: number };

export type Conversation = {
  id: string;
  kind: ConversationKind;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  isGeneral: boolean;
  created: number;
  creator: string;
  topic: Topic;
  purpose: Topic;
  members: Set<string>;
  /** The other person of a 1:1 DM with the bot. */
  imUser?: string;
};

export type Message = {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  user?: string;
  botId?: string;
  subtype?: string;
  blocks?: unknown[];
  threadTs?: string;
  edited?: { user: string; ts: string };
  /** reaction name → user ids, in the order they reacted */
  reactions: Map<string, string[]>;
  /** Message metadata the app posted with it (chat.postMessage `metadata`). */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  extra?: Record<string, unknown>;
};

export type EphemeralMessage = {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  /** how it got there: a chat.postEphemeral call, a response_url post or a slash command's HTTP response */
  source: 'api' | 'response_url' | 'command_response';
};

export type Pin = { channel: string; ts: string; pinnedBy: string; pinnedAt: number };

export type ViewType = 'modal' | 'home';

export type View = {
  id: string;
  type: ViewType;
  user: string;
  callbackId: string;
  privateMetadata: string;
  externalId: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  clearOnClose: boolean;
  notifyOnClose: boolean;
};

export type UserGroup = {
  id: string;
  handle: string;
  name: string;
  description: string;
  /** member user ids, in the order given */
  users: string[];
  created: number;
  createdBy: string;
  /** seconds when its members last changed (changeUserGroupMembers); absent until then */
  updated?: number;
  /** seconds when it was disabled; 0 while enabled */
  disabledAt: number;
};

export type Trigger = { id: string; user: string; issuedAt: number; used: boolean };

export type BotIdentity = { userId: string; botId: string; appId: string; name: string };

export type WorkspaceOptions = {
  now?: Now;
  teamId?: string;
  teamName?: string;
  domain?: string;
  bot?: Partial<BotIdentity>;
  /** whether the team may use canvases; canvases.create answers canvas_disabled_user_team when not */
  canvases?: 'allowed' | 'disabled';
};

export type NewUser = { id?: string; name: string; realName?: string; displayName?: string; tz?: string; isBot?: boolean; email?: string };

export type NewChannel = {
  id?: string;
  name: string;
  isPrivate?: boolean;
  members?: string[];
  /** whether the bot user is a member; false by default, as for any channel the app was not added to */
  botIsMember?: boolean;
  topic?: string;
  creator?: string;
};

export type NewUserGroup = {
  id?: string;
  handle: string;
  name?: string;
  description?: string;
  users: string[];
  createdBy?: string;
  disabled?: boolean;
};

export type NewMessage = {
  user?: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  subtype?: string;
  metadata?: Message['metadata'];
  extra?: Record<string, unknown>;
};
