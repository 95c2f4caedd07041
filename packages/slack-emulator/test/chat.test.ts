import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;

async function start(scopes?: string[]): Promise<void> {
  slack = await startFakeSlack(scopes ? { scopes } : {});
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
}

afterEach(async () => {
  await slack.close();
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('chat.postMessage', () => {
  beforeEach(() => start());

  it('posts as the bot and returns channel, ts and the message', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const result = await client.chat.postMessage({ channel: channel.id, text: 'hello', blocks: [section('*hello*')] });
    expect(result).toMatchObject({
      ok: true,
      channel: channel.id,
      message: { type: 'message', text: 'hello', user: slack.workspace.bot.userId, bot_id: slack.workspace.bot.botId },
    });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(slack.workspace.message(channel.id, result.ts ?? '')?.blocks).toEqual([section('*hello*')]);
  });

  it('issues strictly increasing timestamps even when the clock stands still', async () => {
    await slack.close();
    slack = await startFakeSlack({ now: () => 1_700_000_000_000 });
    client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const a = await client.chat.postMessage({ channel: channel.id, text: 'a' });
    const b = await client.chat.postMessage({ channel: channel.id, text: 'b' });
    expect(a.ts).toBe('1700000000.000000');
    expect(b.ts).toBe('1700000000.000001');
  });

  it('posts to a public channel it is not in only with chat:write.public', async () => {
    const general = slack.workspace.generalChannel()?.id ?? '';
    await expect(client.chat.postMessage({ channel: general, text: 'announce' })).resolves.toMatchObject({ ok: true });
    await slack.close();
    await start(['chat:write']);
    const again = slack.workspace.generalChannel()?.id ?? '';
    await expect(client.chat.postMessage({ channel: again, text: 'announce' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });

  it('never posts to a private channel it is not in', async () => {
    const secret = slack.addChannel({ name: 'secret', isPrivate: true });
    await expect(client.chat.postMessage({ channel: secret.id, text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C0MISSING', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('posts to a user id as a DM', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const result = await client.chat.postMessage({ channel: alice.id, text: 'your checklist' });
    expect(result.channel).toMatch(/^D/);
    expect(slack.workspace.dmWith(alice.id).id).toBe(result.channel);
  });

  it('posts to a user id into the same DM conversations.open returns, before or after opening it', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const bob = slack.addUser({ name: 'bob' });
    const posted = await client.chat.postMessage({ channel: alice.id, text: 'first' });
    const opened = await client.conversations.open({ users: alice.id });
    expect(opened).toMatchObject({ already_open: true, channel: { id: posted.channel } });
    const bobDm = (await client.conversations.open({ users: bob.id })).channel?.id ?? '';
    const toBob = await client.chat.postMessage({ channel: bob.id, text: 'checklist' });
    expect(toBob.channel).toBe(bobDm);
    expect(slack.workspace.history(bobDm).map((m) => [m.text, m.user])).toEqual([['checklist', slack.workspace.bot.userId]]);
    expect(slack.workspace.history(posted.channel ?? '').map((m) => m.text)).toEqual(['first']);
  });

  it('refuses a user id that does not exist (channel_not_found)', async () => {
    await expect(client.chat.postMessage({ channel: 'U0NOBODY', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('refuses a message with neither text nor blocks', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    await expect(client.apiCall('chat.postMessage', { channel: channel.id })).rejects.toMatchObject({ data: { error: 'no_text' } });
  });

  it('refuses blocks over the limits with invalid_blocks and the problems', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const tooMany = Array.from({ length: 51 }, (_, i) => section(`line ${i}`));
    await expect(client.chat.postMessage({ channel: channel.id, text: 'x', blocks: tooMany })).rejects.toMatchObject({
      data: { error: 'invalid_blocks', errors: ['no more than 50 items allowed [json-pointer:/blocks]'] },
    });
    const longText = [section('x'.repeat(3001))];
    await expect(client.chat.postMessage({ channel: channel.id, text: 'x', blocks: longText })).rejects.toMatchObject({
      data: { error: 'invalid_blocks', errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'] },
    });
    expect(slack.workspace.history(channel.id)).toHaveLength(0);
  });
});

describe('chat.update, postEphemeral and getPermalink', () => {
  beforeEach(() => start());

  it('updates the bot message, keeping blocks left out', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const posted = await client.chat.postMessage({ channel: channel.id, text: 'v1', blocks: [section('v1')] });
    const updated = await client.chat.update({ channel: channel.id, ts: posted.ts ?? '', text: 'v2' });
    expect(updated).toMatchObject({ ok: true, channel: channel.id, ts: posted.ts, text: 'v2' });
    const stored = slack.workspace.message(channel.id, posted.ts ?? '');
    expect(stored?.text).toBe('v2');
    expect(stored?.blocks).toEqual([section('v1')]);
    expect(stored?.edited?.user).toBe(slack.workspace.bot.userId);
  });

  it('refuses message_not_found and cant_update_message', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const channel = slack.addChannel({ name: 'ops', botIsMember: true, members: [alice.id] });
    await expect(client.chat.update({ channel: channel.id, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    const human = slack.workspace.addMessage(channel.id, { user: alice.id, text: 'mine' });
    await expect(client.chat.update({ channel: channel.id, ts: human.ts, text: 'x' })).rejects.toMatchObject({
      data: { error: 'cant_update_message' },
    });
  });

  it('posts an ephemeral message only to a member of the channel', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const bob = slack.addUser({ name: 'bob' });
    const channel = slack.addChannel({ name: 'ops', botIsMember: true, members: [alice.id] });
    const result = await client.chat.postEphemeral({ channel: channel.id, user: alice.id, text: 'only you' });
    expect(slack.workspace.ephemerals).toEqual([
      expect.objectContaining({ channel: channel.id, user: alice.id, text: 'only you', ts: result.message_ts }),
    ]);
    await expect(client.chat.postEphemeral({ channel: channel.id, user: bob.id, text: 'x' })).rejects.toMatchObject({
      data: { error: 'user_not_in_channel' },
    });
  });

  it('builds permalinks from the workspace domain, channel and ts', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const posted = await client.chat.postMessage({ channel: channel.id, text: 'x' });
    const link = await client.chat.getPermalink({ channel: channel.id, message_ts: posted.ts ?? '' });
    expect(link.permalink).toBe(`https://acme.slack.com/archives/${channel.id}/p${(posted.ts ?? '').replace('.', '')}`);
    await expect(client.chat.getPermalink({ channel: channel.id, message_ts: '1.000002' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });
});

describe('pins and reactions', () => {
  beforeEach(() => start());

  it('pins once, refuses a second pin, and unpins', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const posted = await client.chat.postMessage({ channel: channel.id, text: 'card' });
    const ts = posted.ts ?? '';
    await client.pins.add({ channel: channel.id, timestamp: ts });
    expect(slack.workspace.pin(channel.id, ts)?.pinnedBy).toBe(slack.workspace.bot.userId);
    await expect(client.pins.add({ channel: channel.id, timestamp: ts })).rejects.toMatchObject({ data: { error: 'already_pinned' } });
    await client.pins.remove({ channel: channel.id, timestamp: ts });
    await expect(client.pins.remove({ channel: channel.id, timestamp: ts })).rejects.toMatchObject({ data: { error: 'no_pin' } });
    await expect(client.pins.add({ channel: channel.id, timestamp: '1.000003' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('needs reactions:write for reactions.add, which the manifest does not grant', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const posted = await client.chat.postMessage({ channel: channel.id, text: 'x' });
    await expect(client.reactions.add({ channel: channel.id, timestamp: posted.ts ?? '', name: 'eyes' })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'reactions:write' },
    });
  });

  it('adds a reaction once with reactions:write', async () => {
    await slack.close();
    await start(['chat:write', 'reactions:write']);
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    const posted = await client.chat.postMessage({ channel: channel.id, text: 'x' });
    const ts = posted.ts ?? '';
    await client.reactions.add({ channel: channel.id, timestamp: ts, name: 'eyes' });
    await expect(client.reactions.add({ channel: channel.id, timestamp: ts, name: 'eyes' })).rejects.toMatchObject({
      data: { error: 'already_reacted' },
    });
    expect(slack.workspace.message(channel.id, ts)?.reactions.get('eyes')).toEqual([slack.workspace.bot.userId]);
  });
});

describe('message metadata', () => {
  beforeEach(() => start());

  it('is kept with the message and shown by conversations.history only with include_all_metadata', async () => {
    const alice = slack.addUser({ name: 'alice' });
    const metadata = { event_type: 'page_sent', event_payload: { key: 'page:1' } };
    const posted = await client.chat.postMessage({ channel: alice.id, text: 'You are paged', metadata });
    expect(posted.message?.metadata).toEqual(metadata);
    const dm = slack.workspace.dmWith(alice.id).id;
    const plain = await client.conversations.history({ channel: dm });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withMetadata = await client.conversations.history({ channel: dm, include_all_metadata: true });
    expect(withMetadata.messages?.[0]?.metadata).toEqual(metadata);
  });

  it('refuses metadata without an event_type and an object event_payload', async () => {
    const channel = slack.addChannel({ name: 'ops', botIsMember: true });
    for (const metadata of [{ event_payload: {} }, { event_type: 'x', event_payload: 'text' }, { event_type: 'x' }]) {
      await expect(client.chat.postMessage({ channel: channel.id, text: 'x', metadata: metadata as never })).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
    }
    expect(slack.workspace.history(channel.id)).toEqual([]);
  });

  it('needs im:history to read a DM\'s history', async () => {
    await slack.close();
    await start(['chat:write', 'im:write']);
    const alice = slack.addUser({ name: 'alice' });
    await client.chat.postMessage({ channel: alice.id, text: 'hi' });
    await expect(client.conversations.history({ channel: slack.workspace.dmWith(alice.id).id })).rejects.toMatchObject({ data: { error: 'missing_scope' } });
  });
});
