import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emojiChar } from '../../../src/sandbox/ui/emoji.js';
import { renderMrkdwn, renderPlain, type Directory } from '../../../src/sandbox/ui/render-mrkdwn.js';

const root = fileURLToPath(new URL('../../../src/', import.meta.url));
const sourcesUnder = (folder: string): string[] =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(root, folder, file), 'utf8'));

/** Every `:shortcode:` written in what the bot posts (its Slack, use case and domain code). */
const botShortcodes = (): string[] => {
  const found = new Set<string>();
  for (const source of ['slack', 'app', 'domain'].flatMap(sourcesUnder)) {
    for (const match of source.matchAll(/(?<![\w:]):([a-z0-9_+-]*[a-z][a-z0-9_+-]*):(?![\w])/g)) found.add(match[1]!);
  }
  return [...found].sort();
};

const dir: Directory = { userName: () => undefined, channelName: () => undefined, groupHandle: () => undefined, channelHref: (id) => id, timeZone: 'UTC', now: 0 };

describe('emoji in the sandbox', () => {
  it('finds the shortcodes the bot posts (a scan that found none would prove nothing)', () => {
    expect(botShortcodes()).toEqual(expect.arrayContaining(['rotating_light', 'red_circle', 'white_check_mark', 'pager']));
  });

  it('draws every shortcode the bot posts, as Slack does, instead of leaving :name: in the text', () => {
    expect(botShortcodes().filter((name) => emojiChar(name) === undefined)).toEqual([]);
  });

  it.each([
    [':rotating_light: *INC-1* declared', '🚨 <strong>INC-1</strong> declared'],
    [':wave: morning, :+1: to that', '👋 morning, 👍 to that'],
    [':no_entry_sign: not allowed', '🚫 not allowed'],
    [':not_an_emoji: stays', ':not_an_emoji: stays'],
    ['at 10:30:00 nothing changes', 'at 10:30:00 nothing changes'],
  ])('renders %s in a message', (text, html) => {
    expect(renderMrkdwn(text, dir)).toBe(html);
  });

  it('renders shortcodes in plain text unless emoji is turned off', () => {
    expect(renderPlain(':handshake: Hand-over')).toBe('🤝 Hand-over');
    expect(renderPlain(':handshake: Hand-over', false)).toBe(':handshake: Hand-over');
  });
});
