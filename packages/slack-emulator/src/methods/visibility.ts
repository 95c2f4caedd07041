/** What the bot can see: every public channel, and private conversations only when it is a member. */
import type { Conversation, Workspace } from '../workspace.js';

export function visibleConversation(ws: Workspace, id: string | undefined): Conversation | undefined {
  if (id === undefined) return undefined;
  const conversation = ws.conversation(id);
  if (!conversation) return undefined;
  if (conversation.kind === 'channel' && !conversation.isPrivate) return conversation;
  return conversation.members.has(ws.bot.userId) ? conversation : undefined;
}

/** Opaque cursors like Slack's: base64 of the next offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString());
  return match ? Number(match[1]) : undefined;
}
