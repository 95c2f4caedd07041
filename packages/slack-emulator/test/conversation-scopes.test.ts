import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;

async function start(scopes: string[]): Promise<void> {
  slack = await startFakeSlack({ scopes });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
}

afterEach(async () => {
  await slack.close();
});

const missing = (needed: string) => ({ data: { error: 'missing_scope', needed } });

describe('scopes for the type of conversation involved', () => {
  it('refuses to create a public channel with only im:write', async () => {
    await start(['im:write']);
    await expect(client.conversations.create({ name: 'inc-1' })).rejects.toMatchObject(missing('channels:write,channels:manage'));
    await expect(client.conversations.create({ name: 'inc-2', is_private: true })).rejects.toMatchObject(missing('groups:write'));
    expect(slack.workspace.channelByName('inc-1')).toBeUndefined();
  });

  it('creates a private channel with groups:write but refuses a public one', async () => {
    await start(['groups:write']);
    await expect(client.conversations.create({ name: 'secret', is_private: true })).resolves.toMatchObject({
      channel: { name: 'secret', is_private: true },
    });
    await expect(client.conversations.create({ name: 'open' })).rejects.toMatchObject(missing('channels:write,channels:manage'));
  });

  it('creates a public channel with channels:manage but refuses a private one', async () => {
    await start(['channels:manage']);
    await expect(client.conversations.create({ name: 'open' })).resolves.toMatchObject({ channel: { is_private: false } });
    await expect(client.conversations.create({ name: 'secret', is_private: true })).rejects.toMatchObject(missing('groups:write'));
  });

  it('looks up the channel argument: channels:read for public, groups:read for private', async () => {
    await start(['channels:read']);
    const general = slack.workspace.generalChannel()?.id ?? '';
    const secret = slack.addChannel({ name: 'secret', isPrivate: true, botIsMember: true });
    await expect(client.conversations.info({ channel: general })).resolves.toMatchObject({ channel: { id: general } });
    await expect(client.conversations.info({ channel: secret.id })).rejects.toMatchObject(missing('groups:read'));
  });

  it('sets a private topic with groups:write.topic or groups:write, not with channels:manage', async () => {
    await start(['channels:manage', 'groups:write.topic']);
    const secret = slack.addChannel({ name: 'secret', isPrivate: true, botIsMember: true });
    const open = slack.addChannel({ name: 'open', botIsMember: true });
    await expect(client.conversations.setTopic({ channel: secret.id, topic: 'hush' })).resolves.toMatchObject({ ok: true });
    await expect(client.conversations.setTopic({ channel: open.id, topic: 'hi' })).resolves.toMatchObject({ ok: true });
    await slack.close();
    await start(['channels:manage']);
    const again = slack.addChannel({ name: 'secret', isPrivate: true, botIsMember: true });
    await expect(client.conversations.setTopic({ channel: again.id, topic: 'hush' })).rejects.toMatchObject(
      missing('groups:write.topic,groups:write'),
    );
  });

  it('lets an unknown channel through to the handler (channel_not_found)', async () => {
    await start(['channels:read']);
    await expect(client.conversations.info({ channel: 'C0MISSING' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('opens a DM with im:write and a group DM with mpim:write, by the number of users', async () => {
    await start(['im:write']);
    const alice = slack.addUser({ name: 'alice' });
    const bob = slack.addUser({ name: 'bob' });
    await expect(client.conversations.open({ users: alice.id })).resolves.toMatchObject({ ok: true });
    await expect(client.conversations.open({ users: `${alice.id},${bob.id}` })).rejects.toMatchObject(missing('mpim:write'));
    await slack.close();
    await start(['mpim:write']);
    const carol = slack.addUser({ name: 'carol' });
    const dave = slack.addUser({ name: 'dave' });
    await expect(client.conversations.open({ users: carol.id })).rejects.toMatchObject(missing('im:write'));
    await expect(client.conversations.open({ users: `${carol.id},${dave.id}` })).resolves.toMatchObject({
      channel: { id: expect.stringMatching(/^G/) },
    });
  });

  it('keeps the plain any-one rule for methods outside conversations.*', async () => {
    await start(['chat:write']);
    const channel = slack.addChannel({ name: 'ops', isPrivate: true, botIsMember: true });
    await expect(client.chat.postMessage({ channel: channel.id, text: 'x' })).resolves.toMatchObject({ ok: true });
  });
});
