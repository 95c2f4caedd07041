// The fake against the real Bolt HTTP receiver: if Bolt accepts the fake's requests and the WebClient
// Bolt hands to listeners works against the fake, the fake is signing and shaping requests like Slack.
import { App, LogLevel } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../src/index.js';

const signingSecret = 'bolt-signing-secret';
let slack: FakeSlack;
let bolt: App;
let submitted: unknown[];

/** Bolt handles the delivery after answering it: wait until `read` has something. */
/** Waits on the condition (vitest polls it), not on a sleep: under load an answer may take seconds. */
const waitFor = <T>(read: () => T | undefined): Promise<T> =>
  vi.waitFor(
    () => {
      const value = read();
      if (value === undefined) throw new Error('not yet');
      return value;
    },
    { timeout: 15_000, interval: 20 },
  );

beforeEach(async () => {
  slack = await startFakeSlack();
  submitted = [];
  bolt = new App({
    token: slack.botToken,
    signingSecret,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  bolt.command('/incident', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'declare',
        title: { type: 'plain_text', text: 'Declare' },
        submit: { type: 'plain_text', text: 'Go' },
        blocks: [{ type: 'input', block_id: 'title', label: { type: 'plain_text', text: 'Title' }, element: { type: 'plain_text_input', action_id: 'v' } }],
      },
    });
  });
  bolt.view('declare', async ({ ack, view }) => {
    submitted.push(view.state.values);
    await ack();
  });
  const server = (await bolt.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  slack.configureApp({ requestUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret });
});

afterEach(async () => {
  await bolt.stop();
  await slack.close();
});

it('runs a slash command, a views.open and a submission through Bolt', async () => {
  const alice = slack.addUser({ name: 'alice' }).id;
  const general = slack.workspace.generalChannel()?.id ?? '';
  const command = await slack.runSlashCommand({ user: alice, channel: general, command: '/incident', text: 'declare' });
  expect(command.status).toBe(200);
  const modal = await waitFor(() => slack.workspace.topModal(alice));
  const result = await slack.submitView({ user: alice, viewId: modal.id, values: { title: { v: 'DB down' } } });
  expect(result.status).toBe(200);
  expect(submitted).toEqual([{ title: { v: { type: 'plain_text_input', value: 'DB down' } } }]);
  expect(slack.workspace.topModal(alice)).toBeUndefined();
});

it('is refused by Bolt when the signature is stale or forged', async () => {
  const stale = await slack.sendSigned('{"type":"url_verification","challenge":"x"}', {
    timestampSeconds: Math.floor(Date.now() / 1000) - 10 * 60,
  });
  expect(stale.status).toBe(401);
  const forged = await slack.sendSigned('{"type":"url_verification","challenge":"x"}', { signature: 'v0=00' });
  expect(forged.status).toBe(401);
  const fine = await slack.verifyUrl('x');
  expect(fine).toMatchObject({ status: 200, body: { challenge: 'x' } });
});
