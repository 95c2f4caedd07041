import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import type { Conversation } from 'slack-emulator';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { defined, eventually } from '../support/eventually.js';
import { declareIncident, ephemeralsFor, openModal } from '../support/incident-flows.js';

/**
 * Closing while a blocking follow-up is open asks first, whatever the way in: `/incident close` (see
 * postmortem.test.ts), `/incident status closed`, and the status form.
 */

let h: Harness;
let channel: Conversation;
const incident = () => h.bot.deps.incidents.findByChannel(channel.id)!;
const command = (text: string) => h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text });

beforeEach(async () => {
  h = await startHarness();
  ({ channel } = await declareIncident(h, { title: 'Cert expiry' }));
  await command('followup Alert on cert expiry 14 days ahead blocking');
  await eventually(() => expect(h.bot.deps.followUps.listForIncident(incident().id)).toHaveLength(1));
  await command('resolve');
  await eventually(() => expect(incident().status).toBe('resolved'));
});
afterEach(() => h.close());

/** The private answer offering Close anyway: it names the follow-up, and its button closes. */
const closeAnyway = async () => {
  const confirm = await eventually(() =>
    defined(ephemeralsFor(h, people.commander).find((e) => JSON.stringify(e.blocks ?? []).includes(actionIds.confirmClose))),
  );
  expect(JSON.stringify(confirm.blocks)).toContain('Alert on cert expiry 14 days ahead');
  expect(JSON.stringify(confirm.blocks)).toContain('Close INC-1 anyway?');
  expect(incident().status).toBe('resolved');
  await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: confirm.ts, actionId: actionIds.confirmClose });
  await eventually(() => expect(incident().status).toBe('closed'));
};

describe('closing with a blocking follow-up open', () => {
  it('/incident status closed offers Close anyway, which closes', async () => {
    await command('status closed');
    await closeAnyway();
  });

  it('the status form offers Close anyway, which closes', async () => {
    await command('status');
    const view = await eventually(() => openModal(h, people.commander));
    const submitted = await h.slack.submitView({ user: people.commander, viewId: view.id, values: { [inputIds.status]: { [inputIds.status]: 'closed' } } });
    expect(submitted.status).toBe(200);
    await closeAnyway();
  });
});
