import { randomBytes } from 'node:crypto';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import type { KnownBlock, PlainTextElement, PlainTextOption } from '@slack/types';

/** Cuts text to Slack's limit for a field, marking the cut. */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const plain = (text: string, max = 75): PlainTextElement => ({ type: 'plain_text', text: clip(text, max), emoji: true });

export const option = (label: string, value: string, description?: string): PlainTextOption => ({
  text: plain(label),
  value,
  ...(description ? { description: plain(description) } : {}),
});

export const section = (markdown: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(markdown, 3000) },
});

export const context = (markdown: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(markdown, 3000) }],
});

/** Slack formats the time in each reader's own time zone. */
export const slackDate = (ms: number, format = '{date_short_pretty} {time}'): string =>
  `<!date^${Math.floor(ms / 1000)}^${format}|${new Date(ms).toISOString()}>`;

export const mention = (userId: string | undefined | null): string => (userId ? `<@${userId}>` : '_unassigned_');

/**
 * Text written for mrkdwn, for a place that shows it as typed (a form field's error): a user mention
 * becomes the id it names, code quotes go.
 */
export const mrkdwnAsPlain = (text: string): string => text.replace(/<@([A-Z0-9]+)>/g, '$1').replaceAll('`', '');

/**
 * Text a person wrote, safe in mrkdwn and `text` fallbacks: the one helper for every place the bot
 * echoes user text (see escapeUserText: no live @channel, @here, @everyone or group mention).
 */
export { escapeUserText as escape } from '../../domain/communication/slack-text.js';

/**
 * For plain text that names people (a curated timeline, a search snippet): `person` writes each one as
 * a marker nobody can type (it holds a random nonce), so `mrkdwn` can escape the text and then turn
 * the markers into `<@U…>` mentions, which Slack shows by each reader's current name.
 */
export const mentionMarkers = () => {
  const nonce = randomBytes(9).toString('base64url');
  const marker = new RegExp(`\u0000${nonce}([UW][A-Z0-9_]+)\u0000`, 'g');
  return {
    person: (userId: string) => `\u0000${nonce}${userId}\u0000`,
    mrkdwn: (text: string) => escapeUserText(text).replace(marker, '<@$1>'),
  };
};
