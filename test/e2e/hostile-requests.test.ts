import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, slackSignature, type FakeSlack } from 'slack-emulator';
import { people, signingSecret, startHarness, type Harness } from '../support/bot-harness.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { eventually } from '../support/eventually.js';
import { botMessages, declareIncident } from '../support/incident-flows.js';

const form = 'application/x-www-form-urlencoded';
const interactive = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const user = { id: people.reporter, username: 'alice', team_id: 'T0FAKETEAM' };
const team = { id: 'T0FAKETEAM', domain: 'fake' };

/** Correctly signed bodies that are not what Slack sends; Bolt's receiver used to crash or answer 500. */
const hostileBodies: Array<{ name: string; body: string; contentType: string }> = [
  { name: 'payload=null', body: 'payload=null', contentType: form },
  { name: 'JSON null', body: 'null', contentType: 'application/json' },
  { name: 'a JSON array', body: '[1,2]', contentType: 'application/json' },
  { name: 'a JSON number', body: '42', contentType: 'application/json' },
  { name: 'payload that is not JSON', body: 'payload=%7Bnope', contentType: form },
  { name: 'block_actions without actions', body: interactive({ type: 'block_actions', user, team }), contentType: form },
  { name: 'an event_callback without its event', body: JSON.stringify({ type: 'event_callback', event_id: 'Ev1', team_id: 'T0FAKETEAM' }), contentType: 'application/json' },
  { name: 'a view_submission without a view', body: interactive({ type: 'view_submission', user, team }), contentType: form },
];

describe('hostile but correctly signed requests to the real bot process', () => {
  let slack: FakeSlack | undefined;
  let bot: BotProcess | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    bot?.child.kill('SIGTERM');
    await bot?.exited;
    await slack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 400 to each, logs why, and keeps serving', async () => {
    slack = await startFakeSlack();
    slack.addUser({ id: people.reporter, name: 'alice' });
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-hostile-'));
    const secret = 'hostile-requests-secret';
    bot = startBotProcess({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bot.sqlite'),
    });
    const url = await bot.started;
    slack.configureApp({ requestUrl: `${url}/slack/events`, signingSecret: secret });

    for (const hostile of hostileBodies) {
      const response = await slack.sendSigned(hostile.body, { contentType: hostile.contentType });
      expect({ name: hostile.name, status: response.status }).toEqual({ name: hostile.name, status: 400 });
    }
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const general = slack.workspace.channelByName('general')!.id;
    const help = await slack.runSlashCommand({ user: people.reporter, channel: general, command: '/incident', text: 'help' });
    expect(help.status).toBe(200);
    await eventually(() => expect(slack!.workspace.ephemerals.some((e) => e.text.includes('/incident` commands'))).toBe(true));
    const refusals = bot.output.stdout.split('\n').filter((line) => line.includes('refused a malformed Slack request'));
    expect(refusals).toHaveLength(hostileBodies.length);
    expect(bot.output.stdout).not.toContain(secret);
  }, 60_000);
});

describe('requests Slack may legitimately send', () => {
  let h: Harness;
  afterEach(() => h.close());

  const commandBody = (text: string, channel: string, triggerId: string) =>
    new URLSearchParams({
      command: '/incident',
      text,
      user_id: people.reporter,
      user_name: 'alice',
      channel_id: channel,
      team_id: 'T0FAKETEAM',
      response_url: 'http://127.0.0.1:9/none',
      trigger_id: triggerId,
    }).toString();

  it('a replayed slash command acts once', async () => {
    h = await startHarness();
    const { channel } = await declareIncident(h);
    const command = await h.slack.runSlashCommand({ user: people.reporter, channel: channel.id, command: '/incident', text: 'note database failover started' });
    expect(command.status).toBe(200);
    const notes = () => botMessages(h, channel.id).filter((message) => message.text.includes('database failover started'));
    await eventually(() => expect(notes()).toHaveLength(1));
    const delivered = h.slack.deliveries.find((delivery) => delivery.kind === 'slash_command' && delivery.rawBody.includes('failover'))!;
    const replayed = await h.slack.sendSigned(delivered.rawBody, { contentType: delivered.contentType });
    expect(replayed.status).toBe(200);
    await eventually(() => expect(h.logs.some((line) => line.includes('ignored a repeated command'))).toBe(true));
    expect(notes()).toHaveLength(1);
    expect(h.bot.deps.timeline.list(h.bot.deps.incidents.findByChannel(channel.id)!.id).filter((entry) => entry.kind === 'note')).toHaveLength(1);
  });

  it('acknowledges an unknown action, a block_suggestion and a view_closed at once with 200', async () => {
    h = await startHarness();
    const view = { id: 'V0CLOSED01', callback_id: 'incident_status_modal', type: 'modal', team_id: 'T0FAKETEAM', state: { values: {} }, private_metadata: '' };
    const unknownAction = await h.slack.sendSigned(
      interactive({
        type: 'block_actions',
        user,
        team,
        trigger_id: '1.2.3',
        container: { type: 'message', channel_id: h.general, message_ts: '1.1' },
        actions: [{ type: 'button', action_id: 'open_runbook_link', block_id: 'b', value: 'x', action_ts: '1.2' }],
      }),
      { contentType: form },
    );
    expect(unknownAction.status).toBe(200);
    const suggestion = await h.slack.sendSigned(
      interactive({ type: 'block_suggestion', user, team, action_id: 'service_search', block_id: 'b', value: 'pay', container: { type: 'view', view_id: 'V1' } }),
      { contentType: form },
    );
    expect(suggestion.status).toBe(200);
    expect(suggestion.body).toEqual({ options: [] });
    const closed = await h.slack.sendSigned(interactive({ type: 'view_closed', user, team, view, is_cleared: false }), { contentType: form });
    expect(closed.status).toBe(200);
  });

  it('refuses a signed request timestamped more than 5 minutes ahead, and accepts one within the skew', async () => {
    h = await startHarness();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const send = (offsetSeconds: number, triggerId: string) => {
      const body = commandBody('help', h.general, triggerId);
      const timestampSeconds = nowSeconds + offsetSeconds;
      return h.slack.sendSigned(body, { contentType: form, timestampSeconds, signature: slackSignature(signingSecret, timestampSeconds, body) });
    };
    expect((await send(6 * 60, '9.9.1')).status).toBe(401);
    expect((await send(60, '9.9.2')).status).toBe(200);
  });
});
