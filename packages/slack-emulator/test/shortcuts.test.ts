import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startFakeSlack, type FakeSlack } from '../src/index.js';
import { defaultManifestPath } from '../src/manifest.js';
import { payloadOf, startRecordingApp, type RecordingApp } from './recording-app.js';

const signingSecret = 'test-signing-secret';
let dir: string;
let manifestPath: string;
let noShortcutsPath: string;
let slack: FakeSlack;
let app: RecordingApp;
let alice: string;
let incidents: string;
let messageTs: string;

/** The project's manifest with one message shortcut and one global shortcut, and without any. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-slack-shortcuts-'));
  manifestPath = join(dir, 'manifest.yml');
  noShortcutsPath = join(dir, 'no-shortcuts.yml');
  const manifest = parse(readFileSync(defaultManifestPath, 'utf8')) as { features: Record<string, unknown> };
  delete manifest.features['shortcuts'];
  writeFileSync(noShortcutsPath, stringify(manifest));
  manifest.features['shortcuts'] = [
    { name: 'Add to timeline', type: 'message', callback_id: 'add_to_timeline', description: 'Add this message to an incident' },
    { name: 'Declare incident', type: 'global', callback_id: 'declare_incident', description: 'Declare an incident' },
  ];
  writeFileSync(manifestPath, stringify(manifest));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  app = await startRecordingApp();
  slack = await startFakeSlack({ manifestPath, now: () => 1_700_000_000_000, app: { requestUrl: app.requestUrl, signingSecret } });
  alice = slack.addUser({ name: 'alice', realName: 'Alice Liddell' }).id;
  incidents = slack.addChannel({ name: 'inc-42', members: [alice], botIsMember: true }).id;
  messageTs = (await slack.postMessage({ user: alice, channel: incidents, text: 'db is back' })).ts;
});

afterEach(async () => {
  await slack.close();
  await app.close();
});

describe('message shortcuts', () => {
  it('sends a signed message_action payload with the message, a registered trigger and a response_url', async () => {
    const result = await slack.runMessageShortcut({ user: alice, channel: incidents, messageTs, callbackId: 'add_to_timeline' });
    const request = app.requests.at(-1);
    if (!request) throw new Error('the app received nothing');
    const timestamp = String(request.headers['x-slack-request-timestamp']);
    const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${request.rawBody}`).digest('hex')}`;
    expect(request.headers['x-slack-signature']).toBe(signature);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(payloadOf(request)).toEqual({
      type: 'message_action',
      token: 'fake-verification-token',
      action_ts: '1700000000.000000',
      team: { id: slack.workspace.teamId, domain: 'acme' },
      user: { id: alice, username: 'alice', name: 'alice', team_id: slack.workspace.teamId },
      channel: { id: incidents, name: 'inc-42' },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: 'add_to_timeline',
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
      message_ts: messageTs,
      message: expect.objectContaining({ type: 'message', user: alice, ts: messageTs, text: 'db is back' }),
    });
    expect(slack.workspace.triggers.get(result.triggerId)).toMatchObject({ user: alice, used: false });
    expect(result.status).toBe(200);

    const posted = await fetch(result.responseUrl, { method: 'POST', body: JSON.stringify({ text: 'Added to INC-42' }) });
    expect(posted.status).toBe(200);
    expect(slack.workspace.ephemerals.at(-1)).toMatchObject({ user: alice, channel: incidents, text: 'Added to INC-42' });
  });

  it('returns what the app answered', async () => {
    app.answerWith(() => ({ status: 500, body: 'boom' }));
    const result = await slack.runMessageShortcut({ user: alice, channel: incidents, messageTs, callbackId: 'add_to_timeline' });
    expect(result).toMatchObject({ status: 500, body: 'boom' });
  });

  it('works in a public channel the user has not joined', async () => {
    const open = slack.addChannel({ name: 'open', botIsMember: true }).id;
    const ts = slack.workspace.addMessage(open, { user: slack.workspace.bot.userId, text: 'hello' }).ts;
    await expect(slack.runMessageShortcut({ user: alice, channel: open, messageTs: ts, callbackId: 'add_to_timeline' })).resolves.toMatchObject({
      status: 200,
    });
  });

  it('refuses a callback id that is not a message shortcut, a hidden channel, and a missing message', async () => {
    const run = (input: { channel?: string; messageTs?: string; callbackId?: string }) =>
      slack.runMessageShortcut({ user: alice, channel: incidents, messageTs, callbackId: 'add_to_timeline', ...input });
    const before = app.requests.length; // the message event of the posted message
    await expect(run({ callbackId: 'nope' })).rejects.toThrow(/not a message shortcut/);
    await expect(run({ callbackId: 'declare_incident' })).rejects.toThrow(/not a message shortcut/);
    const secret = slack.addChannel({ name: 'secret', isPrivate: true, botIsMember: true }).id;
    const ts = slack.workspace.addMessage(secret, { user: slack.workspace.bot.userId, text: 'psst' }).ts;
    await expect(run({ channel: secret, messageTs: ts })).rejects.toThrow(/cannot see/);
    await expect(run({ messageTs: '1.000001' })).rejects.toThrow(/no message/);
    expect(app.requests).toHaveLength(before);
  });

  it('refuses every message shortcut when the manifest has none', async () => {
    const plain = await startFakeSlack({ manifestPath: noShortcutsPath, app: { requestUrl: app.requestUrl, signingSecret } });
    try {
      const general = plain.workspace.generalChannel()?.id ?? '';
      const bob = plain.addUser({ name: 'bob' }).id;
      const ts = plain.workspace.addMessage(general, { user: bob, text: 'hi' }).ts;
      await expect(plain.runMessageShortcut({ user: bob, channel: general, messageTs: ts, callbackId: 'add_to_timeline' })).rejects.toThrow(
        /not a message shortcut/,
      );
    } finally {
      await plain.close();
    }
  });
});
