import type { PostmortemInput } from './types.js';

/** How people appear in a postmortem: `@name` from the names map, else `@<Slack user id>`. */
export type PersonNames = Readonly<Record<string, string>>;

/** A names map, or a function writing a person (a Slack message writes `<@U…>` and lets Slack show the name). */
export type PersonFormat = PersonNames | ((userId: string) => string);

export const formatPerson = (userId: string, people: PersonFormat = {}): string =>
  typeof people === 'function' ? people(userId) : personLabel(userId, people);

export const personLabel = (userId: string, names: PersonNames = {}): string => {
  const name = Object.hasOwn(names, userId) ? names[userId] : undefined;
  return `@${name && name.trim() ? name.trim() : userId}`;
};

/**
 * Slack's message markup as plain text: `<@U1>` → `@name`, `<#C1|general>` → `#general`,
 * `<!here>` → `@here`, `<https://x|label>` → `label (https://x)`. Anything else in angle brackets is
 * left for the Markdown escaping. Slack's own `&lt;` `&gt;` `&amp;` are kept: Markdown shows them as characters.
 */
export const plainSlackText = (text: string, people: PersonFormat = {}): string =>
  text.replace(/<([@#!]|https?:\/\/|mailto:)([^<>|\s]*)(?:\|([^<>]*))?>/g, (whole, prefix: string, rest: string, label?: string) => {
    switch (prefix) {
      case '@':
        return /^[UW][A-Z0-9_]+$/.test(rest) ? formatPerson(rest, people) : whole;
      case '#':
        return `#${label ?? rest}`;
      case '!':
        return `@${(label ?? rest).replace(/^subteam\^/, '')}`;
      default: {
        const url = prefix + rest;
        return label && label !== url ? `${label} (${url})` : url;
      }
    }
  });

const userIdPattern = /^[UW][A-Z0-9_]+$/;
const mentionPattern = /<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>/g;

/** Every Slack user the draft names: role holders, actors, people paged, owners, and those mentioned in text. */
export const peopleIn = (input: PostmortemInput): string[] => {
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && userIdPattern.test(value)) found.add(value);
  };
  const mentions = (text: unknown) => {
    if (typeof text === 'string') for (const match of text.matchAll(mentionPattern)) found.add(match[1]!);
  };
  for (const tenure of input.roleHistory) add(tenure.userId);
  for (const entry of input.timeline) {
    add(entry.actorId);
    add(entry.data.userId);
    add(entry.data.previousUserId);
    if (Array.isArray(entry.data.users)) entry.data.users.forEach(add);
    mentions(entry.text);
    mentions(entry.data.comment);
  }
  for (const page of input.pages) add(page.acknowledgedBy);
  for (const followUp of input.followUps) add(followUp.ownerId);
  for (const update of input.updates) {
    add(update.postedBy);
    mentions(update.whatChanged);
    mentions(update.impact);
  }
  mentions(input.incident.summary);
  mentions(input.incident.impact);
  return [...found];
};
