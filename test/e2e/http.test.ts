import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people, signingSecret, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { slackSignature } from 'slack-emulator';
import { declareIncident } from '../support/incident-flows.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const commandBody = new URLSearchParams({
  command: '/incident',
  text: 'list',
  user_id: people.reporter,
  channel_id: 'C0FAKE',
  team_id: 'T0FAKETEAM',
  response_url: 'http://127.0.0.1:9/none',
  trigger_id: '1.2.3',
}).toString();

describe('the HTTP receiver', () => {
  it('answers GET /healthz with 200 while the database answers', async () => {
    const response = await fetch(`${h.bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('refuses a forged signature with 401 and runs nothing', async () => {
    const response = await h.slack.sendSigned(commandBody, {
      contentType: 'application/x-www-form-urlencoded',
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(response.status).toBe(401);
    expect(h.slack.calls).toHaveLength(1); // auth.test at start-up, nothing since
  });

  it('refuses a correctly signed but stale request (older than 5 minutes) with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const signature = slackSignature(signingSecret, stale, commandBody);
    const response = await h.slack.sendSigned(commandBody, {
      contentType: 'application/x-www-form-urlencoded',
      timestampSeconds: stale,
      signature,
    });
    expect(response.status).toBe(401);
  });

  it('writes JSON logs that carry the incident id, and never a token or the signing secret', async () => {
    await declareIncident(h, { title: 'Secrets stay secret' });
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'nonsense' });
    await eventually(() => expect(h.logs.length).toBeGreaterThan(5));
    const declared = h.logs.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'incident declared');
    expect(declared).toMatchObject({ incidentId: expect.any(String), incident: 'INC-1', module: 'incidents' });
    const everything = h.logs.join('\n');
    expect(everything).not.toContain(h.slack.botToken);
    expect(everything).not.toContain(signingSecret);
  });
});
