import { afterEach, describe, expect, it } from 'vitest';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { loadManifest } from 'slack-emulator';
import { declareIncident, declareValues, openModal, readable } from '../support/incident-flows.js';

let h: Harness | undefined;
afterEach(() => h?.close());

describe('when Slack refuses or slows down', () => {
  it('tells the reporter why the incident channel could not be created instead of failing silently', async () => {
    const scopes = loadManifest().botScopes.filter((scope) => !['channels:manage', 'groups:write', 'im:write'].includes(scope));
    h = await startHarness({ slack: { scopes } });
    const harness = h;
    await harness.slack.runSlashCommand({ user: people.reporter, channel: harness.general, command: '/incident', text: 'declare DNS down' });
    const view = await eventually(() => openModal(harness, people.reporter));
    await harness.slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues({ title: 'DNS down' }) });
    await eventually(() =>
      expect(harness.slack.workspace.ephemerals.find((e) => e.user === people.reporter)?.text).toContain('missing_scope'),
    );
    expect(harness.logs.some((line) => line.includes('job failed for good') && line.includes('missing_scope'))).toBe(true);
    // Not a ghost: the incident says why it has no channel.
    const incident = harness.bot.deps.incidents.findByNumber(1)!;
    expect(incident).toMatchObject({ channelId: null, setupError: 'missing_scope' });
  });

  it('waits out a 429 (Retry-After) and still brings the card up to date', async () => {
    h = await startHarness();
    const harness = h;
    const { channel, card } = await declareIncident(harness, { title: 'Slow API' });
    harness.slack.rateLimitNext('chat.update', 1);
    await harness.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'status identified' });
    await eventually(() => expect(readable(harness.slack.workspace.message(channel.id, card.ts))).toContain('Identified'), 60_000);
    expect(harness.slack.callsTo('chat.update').some((call) => call.error === 'ratelimited')).toBe(true);
  });
});
