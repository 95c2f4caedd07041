import { ErrorCode, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;

async function start(options: FakeSlackOptions = {}): Promise<void> {
  slack = await startFakeSlack(options);
  client = new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 50 },
  });
}

async function rawCall(method: string, init: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(`${slack.apiUrl}${method}`, { method: 'POST', ...init });
  return (await res.json()) as Record<string, unknown>;
}

afterEach(async () => {
  await slack.close();
});

describe('authentication', () => {
  beforeEach(() => start());

  it('answers auth.test for the bot token with the bot identity', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({
      ok: true,
      team_id: slack.workspace.teamId,
      user_id: slack.workspace.bot.userId,
      bot_id: slack.workspace.bot.botId,
      url: `https://${slack.workspace.domain}.slack.com/`,
    });
  });

  it('refuses a call without a token (not_authed) and a wrong token (invalid_auth)', async () => {
    expect(await rawCall('auth.test', {})).toEqual({ ok: false, error: 'not_authed' });
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(wrong.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('accepts the token as a form field, but not inside a JSON body, as Slack does', async () => {
    const form = await rawCall('auth.test', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: slack.botToken }).toString(),
    });
    expect(form['ok']).toBe(true);
    const json = await rawCall('auth.test', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: slack.botToken }),
    });
    expect(json).toEqual({ ok: false, error: 'not_authed' });
  });

  it('reads JSON bodies when the token is in the Authorization header', async () => {
    const result = await rawCall('conversations.create', {
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${slack.botToken}` },
      body: JSON.stringify({ name: 'from-json', is_private: true }),
    });
    expect(result).toMatchObject({ ok: true, channel: { name: 'from-json', is_private: true } });
  });
});

describe('method table', () => {
  beforeEach(() => start());

  it('answers unknown_method for a method Slack does not have', async () => {
    await expect(client.apiCall('chat.postMassage', { channel: 'C1' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'unknown_method' },
    });
  });

  it('refuses a real but unemulated method explicitly instead of faking success', async () => {
    // chat.delete needs chat:write, which the manifest grants, so only the emulation gap remains
    await expect(client.chat.delete({ channel: 'C1', ts: '1.000001' })).rejects.toMatchObject({
      data: { error: 'fake_slack_not_emulated' },
    });
    await expect(client.apiCall('bookmarks.list', { channel_id: 'C1' })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'bookmarks:read' },
    });
  });

  it('refuses a user-token-only method to a bot token', async () => {
    await expect(client.search.messages({ query: 'x' })).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });

  it('reports a missing required argument the way the method documents it', async () => {
    await expect(client.apiCall('conversations.create', {})).rejects.toMatchObject({
      data: { error: 'missing_argument' },
    });
    await expect(client.apiCall('chat.update', { channel: 'C1' })).rejects.toMatchObject({
      data: { error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: ts'] } },
    });
  });

  it('records every call with its arguments and outcome, without the token', async () => {
    await client.conversations.create({ name: 'recorded' });
    await client.conversations.create({ name: 'recorded' }).catch(() => undefined);
    const calls = slack.callsTo('conversations.create');
    expect(calls.map((c) => [c.args['name'], c.ok, c.error])).toEqual([
      ['recorded', true, undefined],
      ['recorded', false, 'name_taken'],
    ]);
    expect(calls.every((c) => !('token' in c.args))).toBe(true);
  });
});

describe('scopes', () => {
  it('grants the bot scopes of manifest.yml by default', async () => {
    await start();
    expect(slack.scopes.has('chat:write')).toBe(true);
    expect(slack.scopes.has('channels:manage')).toBe(true);
  });

  it('answers missing_scope with needed and provided when no accepted scope is granted', async () => {
    await start({ scopes: ['chat:write'] });
    await expect(client.conversations.create({ name: 'nope' })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'channels:write,channels:manage', provided: 'chat:write' },
    });
    expect(slack.workspace.channelByName('nope')).toBeUndefined();
  });

  it('accepts any one of the scopes the method lists for the conversation type', async () => {
    await start({ scopes: ['channels:write'] });
    await expect(client.conversations.create({ name: 'any-one-will-do' })).resolves.toMatchObject({ ok: true });
  });
});

describe('users', () => {
  it('answers users.info and users.list with users:read', async () => {
    await start({ scopes: ['users:read'] });
    const alice = slack.addUser({ name: 'alice', realName: 'Alice Liddell', tz: 'Europe/Paris' });
    const info = await client.users.info({ user: alice.id });
    expect(info.user).toMatchObject({ id: alice.id, name: 'alice', real_name: 'Alice Liddell', tz: 'Europe/Paris', is_bot: false });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    const list = await client.users.list({});
    expect(list.members?.map((m) => m.id)).toEqual([slack.workspace.bot.userId, alice.id]);
  });

  it('shows the display name a person chose, and an empty one when they chose none, as Slack does', async () => {
    await start({ scopes: ['users:read'] });
    const bob = slack.addUser({ name: 'bob', realName: 'Bob Builder', displayName: '' });
    const carol = slack.addUser({ name: 'carol', displayName: 'Caz' });
    expect((await client.users.info({ user: bob.id })).user?.profile).toMatchObject({ display_name: '', real_name: 'Bob Builder' });
    expect((await client.users.info({ user: carol.id })).user?.profile).toMatchObject({ display_name: 'Caz', display_name_normalized: 'Caz' });
    expect((await client.users.info({ user: carol.id })).user).not.toHaveProperty('locale');
    expect((await client.users.info({ user: carol.id, include_locale: true })).user).toMatchObject({ locale: 'en-US' });
  });

  it('refuses users.info without users:read, and a call without the user argument', async () => {
    await start({ scopes: ['chat:write'] });
    await expect(client.users.info({ user: slack.workspace.bot.userId })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'users:read' },
    });
    await slack.close();
    await start({ scopes: ['users:read'] });
    await expect(client.apiCall('users.info', {})).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });
});

describe('rate limits', () => {
  beforeEach(() => start());

  it('answers HTTP 429 with Retry-After once, and the WebClient retries after waiting', async () => {
    slack.rateLimitNext('chat.postMessage', 1);
    const channel = slack.addChannel({ name: 'limited', botIsMember: true });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: channel.id, text: 'eventually' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(slack.workspace.history(channel.id)).toHaveLength(1);
  });

  it('lets a client that rejects rate-limited calls see the Retry-After', async () => {
    slack.rateLimitNext('auth.test', 7);
    const strict = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true });
    await expect(strict.auth.test()).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
  });
});

describe('programmed trouble that leaves the call done', () => {
  beforeEach(() => start());

  it('lose: the message is posted, then the connection drops before the answer', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const once = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    slack.failNext('chat.postMessage', 'lose');
    await expect(once.chat.postMessage({ channel: channel.id, text: 'hello' })).rejects.toThrow();
    expect(slack.workspace.history(channel.id).map((message) => message.text)).toEqual(['hello']);
  });

  it('stall: the message is posted and no answer ever comes (the caller gives up)', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const once = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, timeout: 200 });
    slack.failNext('chat.postMessage', 'stall');
    await expect(once.chat.postMessage({ channel: channel.id, text: 'hello' })).rejects.toThrow();
    expect(slack.workspace.history(channel.id).map((message) => message.text)).toEqual(['hello']);
  });
});
