import { WebClient, type View } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;
let clockMs: number;
let alice: string;

const plain = (text: string) => ({ type: 'plain_text', text });
// Typed loosely on purpose: these tests send views Slack must refuse.
const modal = (overrides: Record<string, unknown> = {}): View => ({
  type: 'modal',
  callback_id: 'declare',
  title: plain('Declare incident'),
  submit: plain('Declare'),
  blocks: [{ type: 'input', block_id: 'title', label: plain('Title'), element: { type: 'plain_text_input', action_id: 'value' } }],
  ...overrides,
}) as unknown as View;

beforeEach(async () => {
  clockMs = 1_700_000_000_000;
  slack = await startFakeSlack({ now: () => clockMs });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  alice = slack.addUser({ name: 'alice' }).id;
});

afterEach(async () => {
  await slack.close();
});

describe('trigger ids', () => {
  it('opens a modal for the user the trigger belongs to', async () => {
    const trigger = slack.workspace.issueTrigger(alice);
    const result = await client.views.open({ trigger_id: trigger.id, view: modal() });
    expect(result.view).toMatchObject({ type: 'modal', callback_id: 'declare', title: plain('Declare incident'), state: { values: {} } });
    expect(result.view?.id).toMatch(/^V/);
    expect(slack.workspace.topModal(alice)?.id).toBe(result.view?.id);
  });

  it('refuses an unknown trigger_id', async () => {
    await expect(client.views.open({ trigger_id: '1.2.abc', view: modal() })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
  });

  it('refuses a trigger_id older than 3 seconds by the injected clock', async () => {
    const trigger = slack.workspace.issueTrigger(alice);
    clockMs += 3000;
    const fresh = slack.workspace.issueTrigger(alice);
    await expect(client.views.open({ trigger_id: trigger.id, view: modal() })).resolves.toMatchObject({ ok: true });
    clockMs += 4000;
    await expect(client.views.open({ trigger_id: fresh.id, view: modal() })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
  });

  it('refuses a trigger_id used twice', async () => {
    const trigger = slack.workspace.issueTrigger(alice);
    await client.views.open({ trigger_id: trigger.id, view: modal() });
    await expect(client.views.open({ trigger_id: trigger.id, view: modal() })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
  });

  it('pushes onto an open modal, at most three deep', async () => {
    await client.views.open({ trigger_id: slack.workspace.issueTrigger(alice).id, view: modal() });
    const pushed = await client.views.push({ trigger_id: slack.workspace.issueTrigger(alice).id, view: modal({ callback_id: 'two' }) });
    expect(pushed.view?.previous_view_id).toBeTruthy();
    await client.views.push({ trigger_id: slack.workspace.issueTrigger(alice).id, view: modal({ callback_id: 'three' }) });
    await expect(
      client.views.push({ trigger_id: slack.workspace.issueTrigger(alice).id, view: modal({ callback_id: 'four' }) }),
    ).rejects.toMatchObject({ data: { error: 'push_limit_reached' } });
  });
});

describe('view limits', () => {
  it.each([
    ['a title over 24 characters', { title: plain('x'.repeat(25)) }, '/view/title/text'],
    ['a submit label over 24 characters', { submit: plain('x'.repeat(25)) }, '/view/submit/text'],
    ['a close label over 24 characters', { close: plain('x'.repeat(25)) }, '/view/close/text'],
    ['a callback_id over 255 characters', { callback_id: 'c'.repeat(256) }, '/view/callback_id'],
    ['private_metadata over 3000 characters', { private_metadata: 'm'.repeat(3001) }, '/view/private_metadata'],
    ['more than 100 blocks', { blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }, '/view/blocks'],
    ['input blocks without a submit button', { submit: undefined }, '/view/submit'],
  ])('refuses %s with invalid_arguments', async (_what, overrides, pointer) => {
    const trigger = slack.workspace.issueTrigger(alice);
    const error = await client.views.open({ trigger_id: trigger.id, view: modal(overrides) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { error: 'invalid_arguments' } });
    const messages = (error as { data: { response_metadata: { messages: string[] } } }).data.response_metadata.messages;
    expect(messages.some((m) => m.includes(`[json-pointer:${pointer}]`))).toBe(true);
  });

  it('refuses a view over 250 kB with view_too_large', async () => {
    const big = Array.from({ length: 100 }, () => ({ type: 'section', text: plain('x'.repeat(2900)) }));
    const trigger = slack.workspace.issueTrigger(alice);
    await expect(client.views.open({ trigger_id: trigger.id, view: modal({ blocks: big }) })).rejects.toMatchObject({
      data: { error: 'view_too_large' },
    });
  });
});

describe('views.update and views.publish', () => {
  it('updates by view_id or external_id and refuses a stale hash', async () => {
    const opened = await client.views.open({ trigger_id: slack.workspace.issueTrigger(alice).id, view: modal({ external_id: 'ext-1' }) });
    const id = opened.view?.id ?? '';
    const byId = await client.views.update({ view_id: id, view: modal({ title: plain('Step 2') }) });
    expect(byId.view).toMatchObject({ id, title: plain('Step 2') });
    expect(byId.view?.hash).not.toBe(opened.view?.hash);
    await expect(client.views.update({ view_id: id, hash: opened.view?.hash ?? '', view: modal() })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    const byExternal = await client.views.update({ external_id: 'ext-1', view: modal({ title: plain('Step 3'), external_id: 'ext-1' }) });
    expect(byExternal.view?.id).toBe(id);
    await expect(client.views.update({ view_id: 'V0NOPE', view: modal() })).rejects.toMatchObject({ data: { error: 'not_found' } });
  });

  it('publishes a Home tab for a user, with Home tab limits', async () => {
    const home = { type: 'home', blocks: [{ type: 'header', text: plain('Open incidents') }] } as unknown as View;
    const result = await client.views.publish({ user_id: alice, view: home });
    expect(slack.workspace.homeView(alice)?.id).toBe(result.view?.id);
    const tooMany = { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) } as unknown as View;
    await expect(client.views.publish({ user_id: alice, view: tooMany })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    const withInput = { type: 'home', blocks: modal().blocks } as unknown as View;
    await expect(client.views.publish({ user_id: alice, view: withInput })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(client.views.publish({ user_id: 'U0NOBODY', view: home })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });
});
