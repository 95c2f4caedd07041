import { describe, expect, it } from 'vitest';
import { validateBlocks, type Surface } from '../src/block-validation.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const button = (overrides: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'go', text: plain('Go'), ...overrides });
const options = (n: number, length = 5) =>
  Array.from({ length: n }, (_, i) => ({ text: plain(`o${i}`.padEnd(length, 'x')), value: `v${i}` }));
const actions = (...elements: unknown[]) => ({ type: 'actions', block_id: 'acts', elements });
const input = (element: unknown) => ({ type: 'input', block_id: 'in', label: plain('Label'), element });

type Case = [string, unknown[], Surface, string | null];

// Each pair shows the largest accepted value and the smallest refused one, so the limit itself is tested.
const cases: Case[] = [
  ['50 blocks in a message', Array(50).fill({ type: 'divider' }), 'message', null],
  ['51 blocks in a message', Array(51).fill({ type: 'divider' }), 'message', '/blocks'],
  ['100 blocks in a modal', Array(100).fill({ type: 'divider' }), 'modal', null],
  ['101 blocks on a home tab', Array(101).fill({ type: 'divider' }), 'home', '/blocks'],
  ['section text of 3000', [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3000) } }], 'message', null],
  ['section text of 3001', [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }], 'message', '/blocks/0/text/text'],
  ['empty section text', [{ type: 'section', text: { type: 'mrkdwn', text: '' } }], 'message', '/blocks/0/text/text'],
  ['section without text or fields', [{ type: 'section' }], 'message', '/blocks/0'],
  ['10 fields', [{ type: 'section', fields: Array(10).fill(plain('f')) }], 'message', null],
  ['11 fields', [{ type: 'section', fields: Array(11).fill(plain('f')) }], 'message', '/blocks/0/fields'],
  ['a field of 2001', [{ type: 'section', fields: [plain('x'.repeat(2001))] }], 'message', '/blocks/0/fields/0/text'],
  ['header of 150', [{ type: 'header', text: plain('x'.repeat(150)) }], 'message', null],
  ['header of 151', [{ type: 'header', text: plain('x'.repeat(151)) }], 'message', '/blocks/0/text/text'],
  ['mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }], 'message', '/blocks/0/text/type'],
  ['button text of 75', [actions(button({ text: plain('x'.repeat(75)) }))], 'message', null],
  ['button text of 76', [actions(button({ text: plain('x'.repeat(76)) }))], 'message', '/blocks/0/elements/0/text/text'],
  ['button value of 2001', [actions(button({ value: 'v'.repeat(2001) }))], 'message', '/blocks/0/elements/0/value'],
  ['button url of 3001', [actions(button({ url: 'u'.repeat(3001) }))], 'message', '/blocks/0/elements/0/url'],
  ['button style fancy', [actions(button({ style: 'fancy' }))], 'message', '/blocks/0/elements/0/style'],
  ['action_id of 256', [actions(button({ action_id: 'a'.repeat(256) }))], 'message', '/blocks/0/elements/0/action_id'],
  ['block_id of 256', [{ type: 'divider', block_id: 'b'.repeat(256) }], 'message', '/blocks/0/block_id'],
  ['25 elements in actions', [actions(...Array.from({ length: 25 }, (_, i) => button({ action_id: `a${i}` })))], 'message', null],
  ['26 elements in actions', [actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })))], 'message', '/blocks/0/elements'],
  ['duplicate action_id in a block', [actions(button(), button())], 'message', '/blocks/0/elements/1/action_id'],
  ['duplicate block_id', [{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }], 'message', '/blocks/1/block_id'],
  ['static_select of 100 options', [actions({ type: 'static_select', action_id: 's', options: options(100) })], 'message', null],
  ['static_select of 101 options', [actions({ type: 'static_select', action_id: 's', options: options(101) })], 'message', '/blocks/0/elements/0/options'],
  ['option text of 76', [actions({ type: 'static_select', action_id: 's', options: options(1, 76) })], 'message', '/blocks/0/elements/0/options/0/text/text'],
  ['option value of 76', [actions({ type: 'static_select', action_id: 's', options: [{ text: plain('a'), value: 'v'.repeat(76) }] })], 'message', '/blocks/0/elements/0/options/0/value'],
  ['10 checkboxes', [input({ type: 'checkboxes', action_id: 'c', options: options(10) })], 'modal', null],
  ['11 checkboxes', [input({ type: 'checkboxes', action_id: 'c', options: options(11) })], 'modal', '/blocks/0/element/options'],
  ['11 radio buttons', [input({ type: 'radio_buttons', action_id: 'r', options: options(11) })], 'modal', '/blocks/0/element/options'],
  ['overflow of 5', [actions({ type: 'overflow', action_id: 'o', options: options(5) })], 'message', null],
  ['overflow of 6', [actions({ type: 'overflow', action_id: 'o', options: options(6) })], 'message', '/blocks/0/elements/0/options'],
  ['overflow of 0', [actions({ type: 'overflow', action_id: 'o', options: [] })], 'message', '/blocks/0/elements/0/options'],
  ['max_length 3000', [input({ type: 'plain_text_input', action_id: 't', max_length: 3000 })], 'modal', null],
  ['max_length 3001', [input({ type: 'plain_text_input', action_id: 't', max_length: 3001 })], 'modal', '/blocks/0/element/max_length'],
  ['input in a message', [input({ type: 'plain_text_input', action_id: 't' })], 'message', '/blocks/0/type'],
  ['input on a home tab', [input({ type: 'plain_text_input', action_id: 't' })], 'home', '/blocks/0/type'],
  ['text input in actions', [actions({ type: 'plain_text_input', action_id: 't' })], 'modal', '/blocks/0/elements/0/type'],
  ['unknown block type', [{ type: 'carousel' }], 'message', '/blocks/0/type'],
  ['context with 11 elements', [{ type: 'context', elements: Array(11).fill(plain('c')) }], 'message', '/blocks/0/elements'],
  ['rich_text, markdown and image', [
    { type: 'rich_text', elements: [] },
    { type: 'markdown', text: '**bold**' },
    { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a' },
  ], 'message', null],
  ['image without alt_text', [{ type: 'image', image_url: 'https://example.com/a.png' }], 'message', '/blocks/0'],
];

describe('validateBlocks', () => {
  it.each(cases)('%s', (_name, blocks, surface, pointer) => {
    const problems = validateBlocks(blocks, surface);
    if (pointer === null) expect(problems).toEqual([]);
    else expect(problems.map((p) => /\[json-pointer:(.*)\]$/.exec(p)?.[1])).toContain(pointer);
  });

  it('refuses something that is not a list of blocks', () => {
    expect(validateBlocks({ type: 'divider' }, 'message')).toEqual(['must be an array [json-pointer:/blocks]']);
  });
});

describe('confirmation dialogs', () => {
  const plain = (text: string) => ({ type: 'plain_text', text });
  const withConfirm = (confirm: unknown) => [{ type: 'actions', elements: [{ type: 'button', action_id: 'go', text: plain('Go'), confirm }] }];

  it.each<[string, unknown, string | null]>([
    ['a complete dialog', { title: plain('Resolve?'), text: plain('It ends paging.'), confirm: plain('Resolve'), deny: plain('Cancel'), style: 'danger' }, null],
    ['a dialog without a title', { text: plain('Sure?'), confirm: plain('Yes'), deny: plain('No') }, '/blocks/0/elements/0/confirm/title'],
    ['a title over 100 characters', { title: plain('x'.repeat(101)), text: plain('Sure?'), confirm: plain('Yes'), deny: plain('No') }, '/blocks/0/elements/0/confirm/title/text'],
    ['a text over 300 characters', { title: plain('T'), text: plain('x'.repeat(301)), confirm: plain('Yes'), deny: plain('No') }, '/blocks/0/elements/0/confirm/text/text'],
    ['a confirm label over 30 characters', { title: plain('T'), text: plain('Sure?'), confirm: plain('x'.repeat(31)), deny: plain('No') }, '/blocks/0/elements/0/confirm/confirm/text'],
    ['a bad style', { title: plain('T'), text: plain('Sure?'), confirm: plain('Yes'), deny: plain('No'), style: 'red' }, '/blocks/0/elements/0/confirm/style'],
  ])('checks %s', (_name, confirm, pointer) => {
    const problems = validateBlocks(withConfirm(confirm), 'message');
    if (pointer === null) expect(problems).toEqual([]);
    else expect(problems.map((p) => /\[json-pointer:(.*)\]$/.exec(p)?.[1])).toContain(pointer);
  });
});
