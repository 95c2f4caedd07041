/**
 * What the user-action helpers share: the emulator plays the Slack client, so it refuses what a person
 * could not do in Slack (click a button that is not there, talk in a channel they are not in).
 */
import type { AppClient } from './app-client.js';
import type { EventsApi } from './events-api.js';
import type { ResponseUrls } from './response-urls.js';
import type { Conversation, User, Workspace } from './workspace.js';

export type Driver = {
  ws: Workspace;
  app: AppClient;
  events: EventsApi;
  responseUrls: ResponseUrls;
  commands: readonly string[];
  /** callback ids of the manifest's message shortcuts */
  messageShortcuts: readonly string[];
  interactivity: boolean;
  verificationToken: string;
};

export function requireUser(ws: Workspace, id: string): User {
  const user = ws.user(id);
  if (!user) throw new Error(`fake-slack: no user ${id}`);
  return user;
}

export function requireMember(ws: Workspace, userId: string, channelId: string): Conversation {
  const channel = ws.conversation(channelId);
  if (!channel) throw new Error(`fake-slack: no conversation ${channelId}`);
  if (!channel.members.has(userId)) throw new Error(`fake-slack: ${userId} is not in ${channelId}`);
  return channel;
}

/** A person can open any public channel, joined or not; other conversations only as a member. */
export function requireVisible(ws: Workspace, userId: string, channelId: string): Conversation {
  const channel = ws.conversation(channelId);
  if (!channel) throw new Error(`fake-slack: no conversation ${channelId}`);
  const isPublic = channel.kind === 'channel' && !channel.isPrivate;
  if (!isPublic && !channel.members.has(userId)) throw new Error(`fake-slack: ${userId} cannot see ${channelId}`);
  return channel;
}

export function teamRef(ws: Workspace): Record<string, unknown> {
  return { id: ws.teamId, domain: ws.domain };
}

/** Slack fills in a block_id when the app leaves it out; ours is stable so tests can refer to it. */
export function blockIdOf(block: Record<string, unknown>, index: number): string {
  return typeof block['block_id'] === 'string' ? block['block_id'] : `fake-block-${index}`;
}

export function channelNameFor(c: Conversation): string {
  if (c.kind === 'im') return 'directmessage';
  if (c.kind === 'mpim') return 'mpdm';
  return c.isPrivate ? 'privategroup' : c.name;
}
