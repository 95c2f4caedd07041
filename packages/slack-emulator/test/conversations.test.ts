import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest, startFakeSlack, type FakeSlack } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;

// The manifest grants no *:read scope, so conversations.info/members would be refused (tested below).
const readScopes = ['channels:read', 'groups:read'];

beforeEach(async () => {
  slack = await startFakeSlack({ scopes: [...loadManifest().botScopes, ...readScopes] });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});

afterEach(async () => {
  await slack.close();
});

describe('conversations.create', () => {
  it('creates a public or private channel the bot is in', async () => {
    const result = await client.conversations.create({ name: 'inc-42-db-down', is_private: true });
    const id = result.channel?.id ?? '';
    expect(result.channel).toMatchObject({ name: 'inc-42-db-down', is_private: true, is_member: true, creator: slack.workspace.bot.userId });
    expect(slack.workspace.conversation(id)?.members.has(slack.workspace.bot.userId)).toBe(true);
    const info = await client.conversations.info({ channel: id });
    expect(info.channel?.name).toBe('inc-42-db-down');
  });

  it('refuses a name that is taken, whatever its case', async () => {
    await client.conversations.create({ name: 'inc-1' });
    await expect(client.conversations.create({ name: 'inc-1' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
    await expect(client.conversations.create({ name: 'general' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
  });

  it.each([
    ['Inc-Upper', 'invalid_name_specials'],
    ['inc 1', 'invalid_name_specials'],
    ['inc.1', 'invalid_name_specials'],
    ['a'.repeat(81), 'invalid_name_maxlength'],
    ['---', 'invalid_name_punctuation'],
    ['   ', 'invalid_name_required'],
  ])('refuses the name %j with %s', async (name, error) => {
    await expect(client.conversations.create({ name })).rejects.toMatchObject({ data: { error } });
  });

  it('accepts a name of exactly 80 lowercase letters, digits, hyphens and underscores', async () => {
    const name = `inc_9-${'x'.repeat(74)}`;
    await expect(client.conversations.create({ name })).resolves.toMatchObject({ channel: { name } });
  });
});

describe('conversations.invite', () => {
  it('invites users to a channel the bot is in', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const bob = slack.addUser({ name: 'bob' });
    const created = await client.conversations.create({ name: 'inc-2' });
    const channel = created.channel?.id ?? '';
    await client.conversations.invite({ channel, users: `${alice.id},${bob.id}` });
    const members = await client.conversations.members({ channel });
    expect(members.members).toEqual([slack.workspace.bot.userId, alice.id, bob.id]);
  });

  it('refuses the whole list when one user is wrong, listing each problem', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const channel = (await client.conversations.create({ name: 'inc-3' })).channel?.id ?? '';
    await expect(client.conversations.invite({ channel, users: `${alice.id},U0NOBODY` })).rejects.toMatchObject({
      data: { error: 'user_not_found', errors: [{ user: 'U0NOBODY', ok: false, error: 'user_not_found' }] },
    });
    expect(slack.workspace.isMember(channel, alice.id)).toBe(false);
  });

  it('invites the valid users with force', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const channel = (await client.conversations.create({ name: 'inc-4' })).channel?.id ?? '';
    const result = await client.conversations.invite({ channel, users: `${alice.id},U0NOBODY`, force: true });
    expect(result.ok).toBe(true);
    expect(slack.workspace.isMember(channel, alice.id)).toBe(true);
  });

  it('refuses already_in_channel, cant_invite_self and not_in_channel', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const channel = (await client.conversations.create({ name: 'inc-5' })).channel?.id ?? '';
    await client.conversations.invite({ channel, users: alice.id });
    await expect(client.conversations.invite({ channel, users: alice.id })).rejects.toMatchObject({
      data: { error: 'already_in_channel' },
    });
    await expect(client.conversations.invite({ channel, users: slack.workspace.bot.userId })).rejects.toMatchObject({
      data: { error: 'cant_invite_self' },
    });
    const elsewhere = slack.addChannel({ name: 'random', members: [alice.id] });
    await expect(client.conversations.invite({ channel: elsewhere.id, users: alice.id })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });

  it('hides private channels the bot is not in (channel_not_found)', async () => {
    const secret = slack.addChannel({ name: 'secret', isPrivate: true });
    await expect(client.conversations.info({ channel: secret.id })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });
});

describe('reading conversations', () => {
  it('needs channels:read to read a public channel', async () => {
    const manifestOnly = await startFakeSlack({ scopes: loadManifest().botScopes.filter((scope) => scope !== 'channels:read') });
    try {
      const bot = new WebClient(manifestOnly.botToken, { slackApiUrl: manifestOnly.apiUrl, retryConfig: { retries: 0 } });
      const general = manifestOnly.workspace.generalChannel()?.id ?? '';
      await expect(bot.conversations.info({ channel: general })).rejects.toMatchObject({
        data: { error: 'missing_scope', needed: 'channels:read' },
      });
    } finally {
      await manifestOnly.close();
    }
  });
});

describe('topics, DMs and joining', () => {
  it('sets the topic of a channel the bot is in and refuses otherwise', async () => {
    const channel = (await client.conversations.create({ name: 'inc-6' })).channel?.id ?? '';
    const result = await client.conversations.setTopic({ channel, topic: 'SEV1: checkout down' });
    expect(result.channel).toMatchObject({ topic: { value: 'SEV1: checkout down', creator: slack.workspace.bot.userId } });
    await expect(client.conversations.setTopic({ channel, topic: 'x'.repeat(251) })).rejects.toMatchObject({ data: { error: 'too_long' } });
    const general = slack.workspace.generalChannel()?.id ?? '';
    await expect(client.conversations.setTopic({ channel: general, topic: 'hi' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });

  it('opens the same DM for a user every time', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const first = await client.conversations.open({ users: alice.id });
    const again = await client.conversations.open({ users: alice.id, return_im: true });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again).toMatchObject({ already_open: true, channel: { id: first.channel?.id, is_im: true, user: alice.id } });
    await expect(client.conversations.open({ users: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('joins a public channel only with channels:join', async () => {
    const withoutJoin = await startFakeSlack({ scopes: loadManifest().botScopes.filter((scope) => scope !== 'channels:join') });
    try {
      const general = withoutJoin.workspace.generalChannel()?.id ?? '';
      const refused = new WebClient(withoutJoin.botToken, { slackApiUrl: withoutJoin.apiUrl, retryConfig: { retries: 0 } });
      await expect(refused.conversations.join({ channel: general })).rejects.toMatchObject({
        data: { error: 'missing_scope', needed: 'channels:join' },
      });
    } finally {
      await withoutJoin.close();
    }
  });

  it('pages through history newest first, without thread replies', async () => {
    const channel = (await client.conversations.create({ name: 'inc-7' })).channel?.id ?? '';
    const posted: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      posted.push((await client.chat.postMessage({ channel, text })).ts ?? '');
    }
    await client.chat.postMessage({ channel, text: 'reply', thread_ts: posted[0] });
    const page = await client.conversations.history({ channel, limit: 2 });
    expect(page.messages?.map((m) => m.text)).toEqual(['three', 'two']);
    const rest = await client.conversations.history({ channel, limit: 2, cursor: page.response_metadata?.next_cursor ?? '' });
    expect(rest.messages?.map((m) => [m.text, m.reply_count])).toEqual([['one', 1]]);
    expect(rest.has_more).toBe(false);
  });
});
