/**
 * What Slack's client sends for what a person typed: `&`, `<` and `>` escaped, and `@name`, `@group`,
 * `@here` and `#channel` turned into Slack's markup when they name someone or something. A slash command
 * (should_escape: true) carries the name as a label, `<@U1|alice>`; a message only the id, `<@U1>`.
 */
import type { Workspace } from './workspace.js';

export type TypedKind = 'command' | 'message';

const specials = new Set(['here', 'channel', 'everyone']);

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `@carol.` is carol at the end of a sentence: trailing dots, dashes and underscores are not part of a name. */
const splitName = (raw: string): [string, string] => {
  const name = raw.replace(/[._-]+$/, '');
  return [name, raw.slice(name.length)];
};

const mention = (ws: Workspace, name: string, kind: TypedKind): string | undefined => {
  const lower = name.toLowerCase();
  if (specials.has(lower)) return `<!${lower}>`;
  const user = [...ws.users.values()].find((u) => u.name.toLowerCase() === lower);
  if (user) return kind === 'command' ? `<@${user.id}|${user.name}>` : `<@${user.id}>`;
  const group = [...ws.userGroups.values()].find((g) => g.disabledAt === 0 && g.handle.toLowerCase() === lower);
  if (group) return kind === 'command' ? `<!subteam^${group.id}|@${group.handle}>` : `<!subteam^${group.id}>`;
  return undefined;
};

const channelLink = (ws: Workspace, name: string, kind: TypedKind): string | undefined => {
  const channel = ws.channelByName(name);
  if (!channel) return undefined;
  return kind === 'command' ? `<#${channel.id}|${channel.name}>` : `<#${channel.id}>`;
};

export function typedText(ws: Workspace, text: string, kind: TypedKind): string {
  return escapeText(text).replace(/(^|[^\p{L}\p{N}_@#&/])([@#])([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu, (whole, before: string, sigil: string, raw: string) => {
    const [name, trailing] = splitName(raw);
    const markup = sigil === '@' ? mention(ws, name, kind) : channelLink(ws, name, kind);
    return markup === undefined ? whole : `${before}${markup}${trailing}`;
  });
}
