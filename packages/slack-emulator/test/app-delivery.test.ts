import { createHmac } from 'node:crypto';
import { WebClient, type View } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../src/index.js';
import { payloadOf, startRecordingApp, type RecordedRequest, type RecordingApp } from './recording-app.js';

const signingSecret = 'test-signing-secret';
let slack: FakeSlack;
let app: RecordingApp;
let client: WebClient;
let clockMs: number;
let alice: string;

function expectSignedBySlack(request: RecordedRequest): void {
  const timestamp = String(request.headers['x-slack-request-timestamp']);
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${request.rawBody}`).digest('hex')}`;
  expect(request.headers['x-slack-signature']).toBe(expected);
}

function lastRequest(): RecordedRequest {
  const request = app.requests.at(-1);
  if (!request) throw new Error('the app received nothing');
  return request;
}

beforeEach(async () => {
  clockMs = 1_700_000_000_000;
  app = await startRecordingApp();
  slack = await startFakeSlack({ now: () => clockMs, app: { requestUrl: app.requestUrl, signingSecret } });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  alice = slack.addUser({ name: 'alice', realName: 'Alice Liddell' }).id;
});

afterEach(async () => {
  await slack.close();
  await app.close();
});

describe('slash commands', () => {
  it('sends a form POST signed with the signing secret and the injected clock', async () => {
    const general = slack.workspace.generalChannel()?.id ?? '';
    const result = await slack.runSlashCommand({ user: alice, channel: general, command: '/incident', text: 'declare db down' });
    const request = lastRequest();
    expectSignedBySlack(request);
    expect(request.path).toBe('/slack/events');
    expect(request.headers['x-slack-request-timestamp']).toBe('1700000000');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams(request.rawBody));
    expect(form).toMatchObject({
      team_id: slack.workspace.teamId,
      team_domain: 'acme',
      channel_id: general,
      channel_name: 'general',
      user_id: alice,
      user_name: 'alice',
      command: '/incident',
      text: 'declare db down',
      api_app_id: slack.workspace.bot.appId,
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
    });
    expect(result.status).toBe(200);
  });

  it('refuses a command the manifest does not declare, and a channel the user is not in', async () => {
    const general = slack.workspace.generalChannel()?.id ?? '';
    await expect(slack.runSlashCommand({ user: alice, channel: general, command: '/deploy' })).rejects.toThrow(/not in the manifest/);
    const secret = slack.addChannel({ name: 'secret', isPrivate: true });
    await expect(slack.runSlashCommand({ user: alice, channel: secret.id, command: '/incident' })).rejects.toThrow(/not in/);
  });

  it('shows the HTTP answer as an ephemeral message and honours response_url posts', async () => {
    const general = slack.workspace.generalChannel()?.id ?? '';
    app.answerWith(() => ({ body: { text: 'Declaring…' } }));
    const result = await slack.runSlashCommand({ user: alice, channel: general, command: '/incident', text: 'help' });
    expect(result.body).toEqual({ text: 'Declaring…' });
    expect(slack.workspace.ephemerals.map((e) => [e.user, e.text, e.source])).toEqual([[alice, 'Declaring…', 'command_response']]);

    const posted = await fetch(result.responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'in_channel', text: 'Incident declared' }),
    });
    expect(posted.status).toBe(200);
    expect(slack.workspace.history(general).map((m) => [m.text, m.botId])).toEqual([['Incident declared', slack.workspace.bot.botId]]);
    const invalid = await fetch(result.responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }),
    });
    expect(invalid.status).toBe(400);
    expect(slack.responses.map((r) => r.error ?? 'ok')).toEqual(['ok', 'invalid_blocks']);
  });
});

describe('modals', () => {
  const plain = (text: string) => ({ type: 'plain_text', text });
  const option = (value: string) => ({ text: plain(value.toUpperCase()), value });
  const declareModal = {
    type: 'modal',
    callback_id: 'declare',
    private_metadata: 'C123',
    title: plain('Declare'),
    submit: plain('Declare'),
    blocks: [
      { type: 'input', block_id: 'title', label: plain('Title'), element: { type: 'plain_text_input', action_id: 'v', max_length: 20 } },
      { type: 'input', block_id: 'sev', label: plain('Severity'), element: { type: 'static_select', action_id: 'v', options: [option('sev1'), option('sev2')] } },
      { type: 'input', block_id: 'lead', label: plain('Lead'), element: { type: 'users_select', action_id: 'v' } },
      { type: 'input', block_id: 'crew', optional: true, label: plain('Crew'), element: { type: 'multi_users_select', action_id: 'v' } },
      { type: 'input', block_id: 'areas', optional: true, label: plain('Areas'), element: { type: 'multi_static_select', action_id: 'v', options: [option('db'), option('api')] } },
      { type: 'input', block_id: 'flags', optional: true, label: plain('Flags'), element: { type: 'checkboxes', action_id: 'v', options: [option('private')] } },
      { type: 'input', block_id: 'when', optional: true, label: plain('When'), element: { type: 'datepicker', action_id: 'v' } },
      { type: 'input', block_id: 'where', optional: true, label: plain('Where'), element: { type: 'conversations_select', action_id: 'v' } },
      { type: 'input', block_id: 'notes', optional: true, label: plain('Notes'), element: { type: 'plain_text_input', action_id: 'v', multiline: true } },
    ],
  } as unknown as View;

  async function openModal(): Promise<string> {
    const trigger = slack.workspace.issueTrigger(alice);
    const opened = await client.views.open({ trigger_id: trigger.id, view: declareModal });
    return opened.view?.id ?? '';
  }

  it('submits view.state.values in Slack\'s shape for each input type', async () => {
    const viewId = await openModal();
    const general = slack.workspace.generalChannel()?.id ?? '';
    await slack.submitView({
      user: alice,
      viewId,
      values: {
        title: { v: 'DB down' },
        sev: { v: 'sev1' },
        lead: { v: alice },
        crew: { v: [alice] },
        areas: { v: ['db', 'api'] },
        flags: { v: ['private'] },
        when: { v: '2024-01-31' },
        where: { v: general },
      },
    });
    const payload = payloadOf(lastRequest());
    expectSignedBySlack(lastRequest());
    expect(payload).toMatchObject({
      type: 'view_submission',
      user: { id: alice, name: 'alice' },
      view: { id: viewId, callback_id: 'declare', private_metadata: 'C123' },
    });
    expect((payload['view'] as { state: unknown }).state).toEqual({
      values: {
        title: { v: { type: 'plain_text_input', value: 'DB down' } },
        sev: { v: { type: 'static_select', selected_option: { text: plain('SEV1'), value: 'sev1' } } },
        lead: { v: { type: 'users_select', selected_user: alice } },
        crew: { v: { type: 'multi_users_select', selected_users: [alice] } },
        areas: { v: { type: 'multi_static_select', selected_options: [option('db'), option('api')] } },
        flags: { v: { type: 'checkboxes', selected_options: [option('private')] } },
        when: { v: { type: 'datepicker', selected_date: '2024-01-31' } },
        where: { v: { type: 'conversations_select', selected_conversation: general } },
        notes: { v: { type: 'plain_text_input', value: null } },
      },
    });
  });

  it('closes on an empty answer and stays open on response_action errors', async () => {
    const viewId = await openModal();
    const values = { title: { v: 'x' }, sev: { v: 'sev2' }, lead: { v: alice } };
    app.answerWith(() => ({ body: { response_action: 'errors', errors: { title: 'Too vague' } } }));
    const refused = await slack.submitView({ user: alice, viewId, values });
    expect(refused.body).toEqual({ response_action: 'errors', errors: { title: 'Too vague' } });
    expect(refused.openView?.id).toBe(viewId);
    app.answerWith(() => ({ status: 200 }));
    const accepted = await slack.submitView({ user: alice, viewId, values });
    expect(accepted.openView).toBeUndefined();
    expect(slack.workspace.topModal(alice)).toBeUndefined();
  });

  it('replaces the view on response_action update', async () => {
    const viewId = await openModal();
    app.answerWith(() => ({ body: { response_action: 'update', view: { type: 'modal', title: plain('Done'), blocks: [] } } }));
    const result = await slack.submitView({ user: alice, viewId, values: { title: { v: 'x' }, sev: { v: 'sev1' }, lead: { v: alice } } });
    expect(result.openView).toMatchObject({ id: viewId, title: plain('Done') });
  });

  it('refuses what the Slack client would not submit', async () => {
    const viewId = await openModal();
    await expect(slack.submitView({ user: alice, viewId, values: { sev: { v: 'sev1' }, lead: { v: alice } } })).rejects.toThrow(/required input title/);
    await expect(slack.submitView({ user: alice, viewId, values: { title: { v: 'x' }, sev: { v: 'sev9' }, lead: { v: alice } } })).rejects.toThrow(/no option/);
    await expect(slack.submitView({ user: alice, viewId, values: { title: { v: 'x'.repeat(21) }, sev: { v: 'sev1' }, lead: { v: alice } } })).rejects.toThrow(/longer than 20/);
    await expect(slack.submitView({ user: alice, viewId, values: { nope: { v: 'x' } } })).rejects.toThrow(/no input nope/);
    expect(app.requests).toHaveLength(0);
  });
});

describe('buttons', () => {
  async function postCard(channel: string): Promise<string> {
    const posted = await client.chat.postMessage({
      channel,
      text: 'Incident card',
      blocks: [
        { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: '*DB down*' } },
        { type: 'actions', block_id: 'card_actions', elements: [{ type: 'button', action_id: 'resolve', text: { type: 'plain_text', text: 'Resolve' }, value: 'inc-1', style: 'danger' }] },
      ],
    });
    return posted.ts ?? '';
  }

  it('sends block_actions for a button the bot rendered, and replace_original updates it', async () => {
    const channel = slack.addChannel({ name: 'inc-1', botIsMember: true, members: [alice] });
    const ts = await postCard(channel.id);
    const result = await slack.clickButton({ user: alice, channel: channel.id, messageTs: ts, actionId: 'resolve' });
    const payload = payloadOf(lastRequest());
    expectSignedBySlack(lastRequest());
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: alice },
      container: { type: 'message', message_ts: ts, channel_id: channel.id, is_ephemeral: false },
      channel: { id: channel.id, name: 'inc-1' },
      message: { ts, text: 'Incident card', bot_id: slack.workspace.bot.botId },
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
      actions: [{ type: 'button', action_id: 'resolve', block_id: 'card_actions', value: 'inc-1', style: 'danger', text: { type: 'plain_text', text: 'Resolve' } }],
    });
    await fetch(result.responseUrl ?? '', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ replace_original: true, text: 'Resolved' }),
    });
    expect(slack.workspace.message(channel.id, ts)).toMatchObject({ text: 'Resolved' });
    expect(slack.workspace.message(channel.id, ts)?.blocks).toBeUndefined();
  });

  it('refuses to click a button the bot never rendered', async () => {
    const channel = slack.addChannel({ name: 'inc-2', botIsMember: true, members: [alice] });
    const ts = await postCard(channel.id);
    await expect(slack.clickButton({ user: alice, channel: channel.id, messageTs: ts, actionId: 'escalate' })).rejects.toThrow(/no element/);
    await expect(slack.clickButton({ user: alice, channel: channel.id, messageTs: ts, actionId: 'resolve', value: 'inc-2' })).rejects.toThrow(/carries value/);
    expect(app.requests).toHaveLength(0);
  });

  it('picks an option of a select the bot rendered', async () => {
    const channel = slack.addChannel({ name: 'inc-9', botIsMember: true, members: [alice] });
    const options = ['sev1', 'sev2'].map((value) => ({ text: { type: 'plain_text' as const, text: value }, value }));
    const posted = await client.chat.postMessage({
      channel: channel.id,
      text: 'severity',
      blocks: [{ type: 'actions', block_id: 'sev', elements: [{ type: 'static_select', action_id: 'pick', options }] }],
    });
    const ts = posted.ts ?? '';
    await slack.selectOption({ user: alice, channel: channel.id, messageTs: ts, actionId: 'pick', value: 'sev2' });
    expect(payloadOf(lastRequest())).toMatchObject({
      actions: [{ type: 'static_select', action_id: 'pick', block_id: 'sev', selected_option: { value: 'sev2', text: { text: 'sev2' } } }],
    });
    await expect(slack.selectOption({ user: alice, channel: channel.id, messageTs: ts, actionId: 'pick', value: 'sev9' })).rejects.toThrow(/no option/);
  });

  it('clicks a button on the Home tab with a view container', async () => {
    const published = await client.views.publish({
      user_id: alice,
      view: { type: 'home', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'declare', text: { type: 'plain_text', text: 'Declare' } }] }] },
    });
    const viewId = published.view?.id ?? '';
    await slack.clickViewButton({ user: alice, viewId, actionId: 'declare' });
    expect(payloadOf(lastRequest())).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: viewId },
      view: { id: viewId, type: 'home' },
      actions: [{ action_id: 'declare', block_id: 'fake-block-0' }],
    });
  });
});

describe('events', () => {
  function envelopeOf(request: RecordedRequest): Record<string, unknown> {
    return JSON.parse(request.rawBody) as Record<string, unknown>;
  }

  it('delivers a message in a channel the bot is in as a signed event_callback', async () => {
    const channel = slack.addChannel({ name: 'inc-3', botIsMember: true, members: [alice] });
    const result = await slack.postMessage({ user: alice, channel: channel.id, text: 'rolled back' });
    expect(result.event.delivered).toBe(true);
    expectSignedBySlack(lastRequest());
    expect(envelopeOf(lastRequest())).toMatchObject({
      type: 'event_callback',
      team_id: slack.workspace.teamId,
      api_app_id: slack.workspace.bot.appId,
      event_time: 1_700_000_000,
      is_ext_shared_channel: false,
      authorizations: [{ user_id: slack.workspace.bot.userId, is_bot: true }],
      event: { type: 'message', channel: channel.id, channel_type: 'channel', user: alice, text: 'rolled back', ts: result.ts },
    });
    expect(String(envelopeOf(lastRequest())['event_id'])).toMatch(/^Ev/);
  });

  it('delivers nothing where the bot is not, or for unsubscribed events', async () => {
    const general = slack.workspace.generalChannel()?.id ?? '';
    const outside = await slack.postMessage({ user: alice, channel: general, text: 'hi' });
    expect(outside.event).toEqual({ delivered: false, reason: `bot is not in ${general}` });
    const dm = slack.workspace.dmWith(alice);
    const direct = await slack.postMessage({ user: alice, channel: dm.id, text: 'hi bot' });
    expect(direct.event).toEqual({ delivered: false, reason: 'not subscribed to message.im' });
    expect(app.requests).toHaveLength(0);
  });

  it('uses message.groups and channel_type group for private channels', async () => {
    const channel = slack.addChannel({ name: 'sec-1', isPrivate: true, botIsMember: true, members: [alice] });
    await slack.postMessage({ user: alice, channel: channel.id, text: 'secret' });
    expect(envelopeOf(lastRequest())).toMatchObject({ event: { channel_type: 'group' } });
  });

  it('sends message_changed and message_deleted with previous_message', async () => {
    const channel = slack.addChannel({ name: 'inc-4', botIsMember: true, members: [alice] });
    const { ts } = await slack.postMessage({ user: alice, channel: channel.id, text: 'v1' });
    await slack.editMessage({ user: alice, channel: channel.id, ts, text: 'v2' });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      type: 'message',
      subtype: 'message_changed',
      channel: channel.id,
      message: { ts, text: 'v2', edited: { user: alice } },
      previous_message: { ts, text: 'v1' },
    });
    await slack.deleteMessage({ user: alice, channel: channel.id, ts });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      subtype: 'message_deleted',
      deleted_ts: ts,
      previous_message: { ts, text: 'v2' },
    });
    expect(slack.workspace.message(channel.id, ts)).toBeUndefined();
  });

  it('sends reaction and pin events', async () => {
    const channel = slack.addChannel({ name: 'inc-5', botIsMember: true, members: [alice] });
    const { ts } = await slack.postMessage({ user: alice, channel: channel.id, text: 'root cause found' });
    await slack.addReaction({ user: alice, channel: channel.id, ts, name: 'pushpin' });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      type: 'reaction_added',
      user: alice,
      reaction: 'pushpin',
      item_user: alice,
      item: { type: 'message', channel: channel.id, ts },
    });
    await slack.pinMessage({ user: alice, channel: channel.id, ts });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      type: 'pin_added',
      user: alice,
      channel_id: channel.id,
      item: { type: 'message', channel: channel.id, message: { ts, text: 'root cause found' } },
    });
    await slack.unpinMessage({ user: alice, channel: channel.id, ts });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({ type: 'pin_removed', has_pins: false });
  });

  it('sends app_home_opened with the published Home tab', async () => {
    const published = await client.views.publish({ user_id: alice, view: { type: 'home', blocks: [{ type: 'divider' }] } });
    await slack.openAppHome({ user: alice });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      type: 'app_home_opened',
      user: alice,
      tab: 'home',
      channel: slack.workspace.dmWith(alice).id,
      view: { id: published.view?.id },
    });
  });

  it('sends user_change with the whole user object when a person changes their profile, given users:read', async () => {
    await slack.changeProfile({ user: alice, displayName: 'Ali', realName: 'Alice Pleasance Liddell' });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      type: 'user_change',
      user: { id: alice, name: 'alice', real_name: 'Alice Pleasance Liddell', profile: { display_name: 'Ali', real_name: 'Alice Pleasance Liddell' } },
    });
    expect(typeof (envelopeOf(lastRequest())['event'] as Record<string, unknown>)['cache_ts']).toBe('number');
    const info = await client.users.info({ user: alice });
    expect(info.user?.profile?.display_name).toBe('Ali');
  });

  it('sends subteam_members_changed with who was added and who was taken out, given usergroups:read', async () => {
    const bob = slack.addUser({ name: 'bob' }).id;
    const carol = slack.addUser({ name: 'carol' }).id;
    slack.addUserGroup({ id: 'S0COMMS', handle: 'comms', users: [alice, bob] });
    clockMs += 60_000;
    await slack.changeUserGroupMembers({ usergroup: 'S0COMMS', add: [carol, alice], remove: [bob] });
    expect(envelopeOf(lastRequest())['event']).toMatchObject({
      type: 'subteam_members_changed',
      subteam_id: 'S0COMMS',
      added_users: [carol],
      added_users_count: 1,
      removed_users: [bob],
      removed_users_count: 1,
    });
    const event = envelopeOf(lastRequest())['event'] as { date_previous_update: number; date_update: number };
    expect(event.date_update - event.date_previous_update).toBe(60);
    expect((await client.usergroups.users.list({ usergroup: 'S0COMMS' })).users).toEqual([alice, carol]);
  });

  it('does not send user_change without users:read', async () => {
    const withoutScope = await startFakeSlack({ scopes: ['chat:write'], botEvents: ['user_change'], app: { requestUrl: app.requestUrl, signingSecret } });
    try {
      const bob = withoutScope.addUser({ name: 'bob' }).id;
      const result = await withoutScope.changeProfile({ user: bob, displayName: 'Bobby' });
      expect(result.event).toEqual({ delivered: false, reason: 'user_change needs one of users:read' });
    } finally {
      await withoutScope.close();
    }
  });

  it('redelivers the same envelope with retry headers', async () => {
    const channel = slack.addChannel({ name: 'inc-6', botIsMember: true, members: [alice] });
    const { event } = await slack.postMessage({ user: alice, channel: channel.id, text: 'x' });
    if (!event.delivered) throw new Error('expected a delivery');
    const first = lastRequest();
    await slack.redeliverEvent(event.eventId, 1);
    const retry = lastRequest();
    expect(retry.rawBody).toBe(first.rawBody);
    expect(retry.headers['x-slack-retry-num']).toBe('1');
    expect(retry.headers['x-slack-retry-reason']).toBe('http_timeout');
    expectSignedBySlack(retry);
  });
});

describe('raw signed requests', () => {
  it('lets a test send a stale timestamp or a forged signature', async () => {
    await slack.sendSigned('{"type":"event_callback"}', { timestampSeconds: 1_699_999_000 });
    expect(lastRequest().headers['x-slack-request-timestamp']).toBe('1699999000');
    expectSignedBySlack(lastRequest());
    await slack.sendSigned('{}', { signature: 'v0=forged' });
    expect(lastRequest().headers['x-slack-signature']).toBe('v0=forged');
  });

  it('performs the url_verification handshake', async () => {
    app.answerWith((request) => ({ body: { challenge: (JSON.parse(request.rawBody) as { challenge: string }).challenge } }));
    const response = await slack.verifyUrl('abc123');
    expect(response.body).toEqual({ challenge: 'abc123' });
  });
});
