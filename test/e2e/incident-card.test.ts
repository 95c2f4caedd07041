import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { declareIncident, ephemeralsFor, readable } from '../support/incident-flows.js';

const configYaml = `
services:
  - { id: payments, name: Payments API }
  - { id: search, name: Search }
`;

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ configYaml });
});
afterEach(() => h.close());

const servicesField = (blocks: unknown[] | undefined): string | undefined =>
  JSON.stringify(blocks ?? []).match(/\*Services\*\\n([^"]*)"/)?.[1];

describe('the incident card', () => {
  it('names the affected services as configured, not by their ids, and keeps doing so after a change', async () => {
    const { channel, card } = await declareIncident(h, { severity: 'SEV3', services: ['payments', 'search'] });
    expect(servicesField(card.blocks)).toBe('Payments API, Search');
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'status identified' });
    await eventually(() => expect(readable(h.slack.workspace.message(channel.id, card.ts))).toContain('Identified'));
    expect(servicesField(h.slack.workspace.message(channel.id, card.ts)!.blocks)).toBe('Payments API, Search');
  });

  it('asks once before resolving from the card: cancelling sends nothing, confirming resolves', async () => {
    const { channel, card } = await declareIncident(h, { severity: 'SEV3' });
    const incident = () => h.bot.deps.incidents.findByChannel(channel.id)!;
    const resolve = { user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.resolve };
    const delivered = h.slack.deliveries.length;

    const cancelled = await h.slack.clickButton({ ...resolve, confirm: false });
    expect(cancelled.declined).toBe(true);
    expect(h.slack.deliveries).toHaveLength(delivered);
    expect(incident().status).toBe('investigating');

    const confirmed = await h.slack.clickButton({ ...resolve, confirm: true });
    expect(confirmed.status).toBe(200);
    await eventually(() => expect(incident().status).toBe('resolved'));
    expect(ephemeralsFor(h, people.commander).some((e) => e.text.includes('cannot'))).toBe(false);
  });
});
