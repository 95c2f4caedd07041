import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { commsChannels, communicationsConfigYaml } from '../support/communications-config.js';
import { defined, eventually } from '../support/eventually.js';
import type { Conversation, Message } from 'slack-emulator';
import { botMessages, declareIncident, ephemeralsFor, openModal, readable } from '../support/incident-flows.js';

let h: Harness;
let clock: FixedClock;
beforeEach(async () => {
  clock = fixedClock();
  h = await startHarness({ configYaml: communicationsConfigYaml, clock });
  for (const [name, id] of Object.entries(commsChannels)) h.slack.addChannel({ id, name });
});
afterEach(() => h.close());

const posted = (channelId: string): Message[] => botMessages(h, channelId);
const incidentIn = (channel: Conversation) => h.bot.deps.incidents.findByChannel(channel.id)!;

const postUpdate = async (channel: Conversation, card: Message, values: Record<string, string | string[] | null>) => {
  await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
  const view = await eventually(() => openModal(h, people.commander));
  const result = await h.slack.submitView({
    user: people.commander,
    viewId: view.id,
    values: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { [id]: value }])),
  });
  expect(result.status).toBe(200);
  return view;
};

describe('one update, every audience', () => {
  it('reaches the channel, the stakeholders and the executives, each in its own form', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Card auth timeouts at acquirer X', severity: 'SEV1', services: ['payments'], impact: 'Some card payments fail' });
    await eventually(() => expect(readable(posted(commsChannels.executives).at(-1))).toContain('New incident'));

    const view = await postUpdate(channel, card, {
      [inputIds.status]: 'identified',
      [inputIds.update]: 'Acquirer X TLS cert expired; failing over to acquirer Y',
      [inputIds.impact]: 'About 20% of EU card payments fail',
      [inputIds.nextSteps]: 'Shift traffic with flag payments.acquirer=Y',
      [inputIds.customerMessage]: 'Some card payments are failing. We have found the cause and are fixing it.',
    });
    // The configured template is shown beside the (empty) customer message, one tick away.
    expect(JSON.stringify(view.blocks)).toContain('We are looking into problems with Payments API. Next update by');

    const engineers = await eventually(() => {
      const message = posted(channel.id).find((m) => m.text.startsWith('Update on'));
      expect(message).toBeDefined();
      return readable(message);
    });
    expect(engineers).toContain('Shift traffic with flag payments.acquirer=Y');
    expect(engineers).toContain('Since the incident was declared: status Investigating → Identified');

    for (const stakeholderChannel of [commsChannels.stakeholders, commsChannels.payments]) {
      const stakeholders = await eventually(() => readable(defined(posted(stakeholderChannel).find((m) => m.text.includes('Identified')))));
      expect(stakeholders).toContain('About 20% of EU card payments fail');
      expect(stakeholders).not.toContain('payments.acquirer=Y');
    }
    const executive = await eventually(() => readable(defined(posted(commsChannels.executives).find((m) => m.text.includes('Identified')))));
    expect(executive).toContain('About 20% of EU card payments fail');
    expect(executive).toContain(`IC <@${people.commander}>`);
    expect(executive).not.toContain('acquirer');

    await eventually(() => expect(readable(h.slack.workspace.message(channel.id, card.ts))).toContain('Acquirer X TLS cert expired'));
    const updates = h.bot.deps.updates.listForIncident(incidentIn(channel).id);
    expect(updates.map((u) => [u.status, u.customerMessage])).toEqual([
      ['identified', 'Some card payments are failing. We have found the cause and are fixing it.'],
    ]);
    // The next update is due when the form said (15 minutes, the SEV1 cadence), not earlier.
    expect(h.bot.deps.jobs.pending(`update_due:${incidentIn(channel).id}`)?.dueAt).toBe(updates[0]!.postedAt + 15 * 60_000);
  });

  it('starts the customer message empty, so an update is public only when someone says so; the template is one tick away', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Checkout errors', severity: 'SEV2', services: ['payments'] });
    const internal = await postUpdate(channel, card, { [inputIds.update]: 'Looking at the logs' });
    const messageInput = (internal.blocks as { block_id?: string; element?: { initial_value?: string } }[]).find((block) => block.block_id === inputIds.customerMessage);
    expect(messageInput?.element?.initial_value).toBeUndefined();
    await eventually(() => expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)).toHaveLength(1));
    expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)[0]?.customerMessage).toBeNull();

    // Ticking the template publishes it, filled in for the status chosen in the form and its next update.
    await postUpdate(channel, card, { [inputIds.update]: 'Still looking', [inputIds.useTemplate]: ['use'] });
    await eventually(() => expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)).toHaveLength(2));
    // SEV2's cadence is 30 minutes; times are shown in the configured zone.
    const nextUpdate = DateTime.fromMillis(clock.now() + 30 * 60_000, { zone: 'Europe/London' }).toFormat('HH:mm ZZZZ');
    expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)[1]?.customerMessage).toBe(`We are looking into problems with Payments API. Next update by ${nextUpdate}.`);

    // A message and the template at once is ambiguous: the form says so and stays open.
    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
    const view = await eventually(() => openModal(h, people.commander));
    const both = await h.slack.submitView({
      user: people.commander,
      viewId: view.id,
      values: { [inputIds.update]: { [inputIds.update]: 'Found it' }, [inputIds.customerMessage]: { [inputIds.customerMessage]: 'Fixed soon.' }, [inputIds.useTemplate]: { [inputIds.useTemplate]: ['use'] } },
    });
    expect(both.body).toEqual({ response_action: 'errors', errors: { [inputIds.useTemplate]: expect.stringContaining('one or the other') } });
    expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)).toHaveLength(2);
  });

  it('says what changed since the previous update', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Search slow', severity: 'SEV2', services: ['search'] });
    await postUpdate(channel, card, { [inputIds.update]: 'Looking at the index cluster' });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'severity SEV1' });
    await eventually(() => expect(incidentIn(channel).severity).toBe('SEV1'));
    await postUpdate(channel, card, { [inputIds.status]: 'monitoring', [inputIds.update]: 'Rebuilt the index' });
    const second = await eventually(() => readable(defined(posted(commsChannels.stakeholders).filter((m) => m.text.includes('Monitoring')).at(-1))));
    expect(second).toContain('Since the last update: status Investigating → Monitoring; severity SEV2 → SEV1');
  });

  it('posts executive summaries on declare, severity change and resolve only for severities that warrant them', async () => {
    const { channel } = await declareIncident(h, { title: 'Minor glitch', severity: 'SEV3', services: ['search'] });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'severity SEV2' });
    await eventually(() => expect(readable(posted(commsChannels.executives).at(-1))).toContain('Severity changed (SEV3 → SEV2)'));
    expect(posted(commsChannels.executives)).toHaveLength(1);
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'resolve' });
    await eventually(() => expect(readable(posted(commsChannels.executives).at(-1))).toContain('Resolved'));
    expect(readable(posted(commsChannels.executives).at(-1))).toContain('Resolved after');
  });

  it('keeps a private incident in its channel: no stakeholders, no executives, nothing public', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Credential leak', severity: 'SEV1', services: ['payments'], private: true });
    const view = await postUpdate(channel, card, { [inputIds.update]: 'Rotated the keys' });
    expect(JSON.stringify(view.blocks)).not.toContain(inputIds.customerMessage);
    await eventually(() => expect(posted(channel.id).some((m) => m.text.startsWith('Update on'))).toBe(true));
    // Absence means something only once every post the update could have made has had its turn.
    await h.bot.idle();
    const due = h.bot.deps.jobs.listForIncident(incidentIn(channel).id).filter((job) => job.status === 'running' || (job.status === 'pending' && job.dueAt <= clock.now()));
    expect(due).toEqual([]);
    expect(posted(commsChannels.stakeholders)).toHaveLength(0);
    expect(posted(commsChannels.payments)).toHaveLength(0);
    expect(posted(commsChannels.executives)).toHaveLength(0);
    expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)[0]?.customerMessage).toBeNull();
  });

  it('posts the digest on its schedule with open and resolved incidents and response times', async () => {
    const { channel } = await declareIncident(h, { title: 'Checkout errors', severity: 'SEV2', services: ['payments'] });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'resolve' });
    await eventually(() => expect(incidentIn(channel).status).toBe('resolved'));
    await declareIncident(h, { title: 'Search slow', severity: 'SEV3', services: ['search'] });
    const digestJob = h.bot.deps.jobs.pending('digest')!;
    clock.set(digestJob.dueAt);
    await h.bot.scheduler.tick();
    const digest = readable(posted(commsChannels.executives).find((m) => m.text.startsWith('Incident digest')));
    expect(digest).toContain('1 open incident');
    expect(digest).toContain('Resolved since the last digest:* 1');
    expect(digest).toContain('Time to resolve:* median 0m, worst 0m (1)');
    expect(digest).toContain('Payments API 1');
    expect(h.bot.deps.jobs.pending('digest')!.dueAt).toBeGreaterThan(digestJob.dueAt);
  });
});

describe('scheduled maintenance', () => {
  it('is announced to stakeholders when scheduled, when it starts and when it ends', async () => {
    await h.slack.runSlashCommand({ user: people.ops, channel: h.general, command: '/incident', text: 'maintenance' });
    const view = await eventually(() => openModal(h, people.ops));
    const start = clock.now() + 2 * 3_600_000;
    const result = await h.slack.submitView({
      user: people.ops,
      viewId: view.id,
      values: {
        [inputIds.maintenanceTitle]: { [inputIds.maintenanceTitle]: 'Database upgrade' },
        [inputIds.maintenanceServices]: { [inputIds.maintenanceServices]: ['payments'] },
        [inputIds.startsAt]: { [inputIds.startsAt]: String(Math.floor(start / 1000)) },
        [inputIds.endsAt]: { [inputIds.endsAt]: String(Math.floor((start + 3_600_000) / 1000)) },
        [inputIds.maintenanceMessage]: { [inputIds.maintenanceMessage]: 'Payments may be slow for a few minutes.' },
      },
    });
    expect(result.body).toBe('');
    await eventually(() => expect(posted(commsChannels.payments).map((m) => m.text)).toEqual(['Maintenance scheduled: Database upgrade']));
    expect(posted(commsChannels.stakeholders)).toHaveLength(1);
    clock.set(start);
    await h.bot.scheduler.tick();
    clock.set(start + 3_600_000);
    await h.bot.scheduler.tick();
    expect(posted(commsChannels.payments).map((m) => m.text)).toEqual([
      'Maintenance scheduled: Database upgrade',
      'Maintenance starting now: Database upgrade',
      'Maintenance completed: Database upgrade',
    ]);
    await eventually(() => expect(ephemeralsFor(h, people.ops).at(-1)?.text).toContain('Database upgrade'));
  });

  it('can be listed and cancelled: stakeholders are told, nothing is announced at the start, the status page drops it', async () => {
    await h.slack.runSlashCommand({ user: people.ops, channel: h.general, command: '/incident', text: 'maintenance' });
    const view = await eventually(() => openModal(h, people.ops));
    const start = clock.now() + 2 * 3_600_000;
    await h.slack.submitView({
      user: people.ops,
      viewId: view.id,
      values: {
        [inputIds.maintenanceTitle]: { [inputIds.maintenanceTitle]: 'Network upgrade' },
        [inputIds.maintenanceServices]: { [inputIds.maintenanceServices]: ['payments'] },
        [inputIds.startsAt]: { [inputIds.startsAt]: String(Math.floor(start / 1000)) },
        [inputIds.endsAt]: { [inputIds.endsAt]: String(Math.floor((start + 3_600_000) / 1000)) },
        [inputIds.maintenanceMessage]: { [inputIds.maintenanceMessage]: 'Brief interruptions possible.' },
      },
    });
    await eventually(() => expect(posted(commsChannels.payments)).toHaveLength(1));
    await h.slack.runSlashCommand({ user: people.ops, channel: h.general, command: '/incident', text: 'maintenance list' });
    const list = await eventually(() => defined(ephemeralsFor(h, people.ops).find((e) => JSON.stringify(e.blocks ?? []).includes('Network upgrade'))));
    await h.slack.clickButton({ user: people.ops, channel: h.general, messageTs: list.ts, actionId: actionIds.cancelMaintenance });
    await eventually(() => expect(posted(commsChannels.payments).map((m) => m.text)).toEqual(['Maintenance scheduled: Network upgrade', 'Maintenance cancelled: Network upgrade']));
    clock.set(start);
    await h.bot.scheduler.tick();
    expect(posted(commsChannels.payments)).toHaveLength(2);
    const maintenances = await (await fetch(`${h.bot.url}/api/v2/scheduled-maintenances.json`)).json();
    expect(maintenances.scheduled_maintenances).toEqual([]);
  });

  it('refuses a window that ends before it starts, inline', async () => {
    await h.slack.runSlashCommand({ user: people.ops, channel: h.general, command: '/incident', text: 'maintenance' });
    const view = await eventually(() => openModal(h, people.ops));
    const start = Math.floor((clock.now() + 3_600_000) / 1000);
    const result = await h.slack.submitView({
      user: people.ops,
      viewId: view.id,
      values: {
        [inputIds.maintenanceTitle]: { [inputIds.maintenanceTitle]: 'Oops' },
        [inputIds.maintenanceServices]: { [inputIds.maintenanceServices]: ['payments'] },
        [inputIds.startsAt]: { [inputIds.startsAt]: String(start) },
        [inputIds.endsAt]: { [inputIds.endsAt]: String(start - 60) },
        [inputIds.maintenanceMessage]: { [inputIds.maintenanceMessage]: 'x' },
      },
    });
    expect(result.body).toEqual({ response_action: 'errors', errors: { [inputIds.endsAt]: 'The window must end after it starts.' } });
    expect(h.bot.deps.maintenances.listEndingAfter(0)).toEqual([]);
  });
});

describe('the public status page', () => {
  it('shows the incident and its public update; a private incident appears in no public output', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Card auth timeouts at acquirer X', severity: 'SEV1', services: ['payments'] });
    await postUpdate(channel, card, {
      [inputIds.status]: 'identified',
      [inputIds.update]: 'Acquirer X TLS cert expired',
      [inputIds.customerMessage]: 'Some card payments are failing. We are fixing it.',
    });
    const secret = await declareIncident(h, { title: 'Credential leak in vault-7', severity: 'SEV1', services: ['search'], private: true });
    await postUpdate(secret.channel, secret.card, { [inputIds.update]: 'Rotated vault-7 keys' });
    await eventually(() => expect(h.bot.deps.updates.listForIncident(incidentIn(secret.channel).id)).toHaveLength(1));
    clock.advance(10_000); // past the page cache

    const html = await (await fetch(`${h.bot.url}/status`)).text();
    expect(html).toContain('Some card payments are failing. We are fixing it.');
    expect(html).toContain('Payments API');
    const summary = await (await fetch(`${h.bot.url}/api/v2/summary.json`)).json();
    expect(summary.incidents).toHaveLength(1);
    expect(summary.incidents[0]).toMatchObject({ status: 'identified', impact: 'critical' });
    expect(summary.components.find((c: { name: string }) => c.name === 'Payments API').status).toBe('major_outage');
    expect(summary.components.find((c: { name: string }) => c.name === 'Search').status).toBe('operational');

    const everything = await Promise.all(
      ['/status', '/history.atom', ...['summary', 'status', 'components', 'incidents', 'incidents/unresolved', 'scheduled-maintenances'].map((name) => `/api/v2/${name}.json`)].map(
        async (path) => (await fetch(`${h.bot.url}${path}`)).text(),
      ),
    );
    for (const body of everything) {
      expect(body).not.toContain('vault-7');
      expect(body).not.toContain('Credential leak');
      expect(body).not.toContain('Acquirer X TLS cert expired'); // internal detail of the public incident
      expect(body).not.toContain('Card auth timeouts'); // its internal title
    }
  });

  it('resolving by button publishes the resolved template on the status page', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Checkout errors', severity: 'SEV2', services: ['payments'] });
    await postUpdate(channel, card, { [inputIds.update]: 'Investigating', [inputIds.customerMessage]: 'Checkout is failing for some customers.' });
    await eventually(() => expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)).toHaveLength(1));
    clock.advance(60_000);
    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.resolve, confirm: true });
    await eventually(() => expect(h.bot.deps.updates.listForIncident(incidentIn(channel).id)).toHaveLength(2));
    clock.advance(10_000);
    const unresolved = await (await fetch(`${h.bot.url}/api/v2/incidents/unresolved.json`)).json();
    expect(unresolved.incidents).toEqual([]);
    const incidents = await (await fetch(`${h.bot.url}/api/v2/incidents.json`)).json();
    expect(incidents.incidents[0].status).toBe('resolved');
    expect(incidents.incidents[0].incident_updates[0].body).toMatch(/^The problems with Payments API were resolved at \d\d:\d\d/);
  });
});
