import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import { announcementsChannel, people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { botMessages, declareIncident, declareValues, openModal, readable } from '../support/incident-flows.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('declaring an incident', () => {
  it('/incident declare <title> opens the declare modal with the title prefilled and the reporter as commander', async () => {
    const result = await h.slack.runSlashCommand({
      user: people.reporter,
      channel: h.general,
      command: '/incident',
      text: 'declare Payments API returning 500s',
    });
    expect(result.status).toBe(200);
    const view = await eventually(() => openModal(h, people.reporter));
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('"initial_value":"Payments API returning 500s"');
    expect(text).toContain(`"initial_user":"${people.reporter}"`);
    for (const severity of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) expect(text).toContain(`"value":"${severity}"`);
  });

  it('/incident declare <a title too long for one> says so in the form and keeps the text in the summary', async () => {
    const typed = `Checkout fails ${'for every card payment '.repeat(140)}`.trim();
    expect(typed.length).toBeGreaterThan(3000 - 100);
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: `declare ${typed}` });
    const view = await eventually(() => openModal(h, people.reporter));
    type Input = { block_id: string; hint?: { text: string }; element: { max_length?: number; initial_value?: string } };
    const input = (id: string) => (view.blocks as Input[]).find((block) => block.block_id === id)!;
    const title = input(inputIds.title);
    // Slack's client refuses a longer title itself (max_length), so the form never truncates in silence.
    expect(title.element.max_length).toBe(120);
    expect(title.element.initial_value!.length).toBeLessThanOrEqual(120);
    expect(typed.startsWith(title.element.initial_value!.replace(/…$/, ''))).toBe(true);
    expect(title.hint?.text).toBe(
      `What you typed has ${typed.length.toLocaleString('en-US')} characters and a title at most 120: the start is here, and the first 2,000 characters are in the summary.`,
    );
    expect(input(inputIds.summary).element.initial_value).toBe(typed.slice(0, 2000));
  });

  it('creates the channel, topic, members, pinned card, announcement and commander checklist', async () => {
    const { channel, card } = await declareIncident(h, {
      title: 'Checkout failing for card payments',
      severity: 'SEV1',
      summary: 'Card payments return 502',
      impact: 'EU customers cannot pay',
      services: 'payments, checkout',
    });
    expect(channel.name).toBe('inc-1-checkout-failing-for-card-payments');
    expect(channel.isPrivate).toBe(false);
    expect(channel.topic.value).toMatch(new RegExp(`^SEV1 · Investigating · IC: <@${people.commander}>`));
    expect([...channel.members]).toEqual(expect.arrayContaining([people.reporter, people.commander, h.slack.workspace.bot.userId]));

    const cardText = readable(card);
    for (const expected of ['INC-1', 'Checkout failing for card payments', 'SEV1', 'Investigating', 'Card payments return 502', 'EU customers cannot pay', 'payments, checkout']) {
      expect(cardText).toContain(expected);
    }
    for (const button of [actionIds.updateStatus, actionIds.changeSeverity, actionIds.assignRole, actionIds.postUpdate, actionIds.resolve]) {
      expect(cardText).toContain(`"action_id":"${button}"`);
    }

    const announcement = await eventually(() => {
      const posted = botMessages(h, announcementsChannel)[0];
      expect(posted).toBeDefined();
      return posted!;
    });
    expect(readable(announcement)).toContain('INC-1');
    expect(readable(announcement)).toContain(`"action_id":"${actionIds.join}"`);

    const dm = await eventually(() => {
      const channelWithCommander = h.slack.workspace.dmWith(people.commander);
      const checklist = botMessages(h, channelWithCommander.id)[0];
      expect(checklist).toBeDefined();
      return checklist!;
    });
    expect(readable(dm)).toContain('Incident Commander');

    await eventually(() => expect(h.slack.workspace.ephemerals.some((e) => e.user === people.reporter && e.text.includes('INC-1 declared'))).toBe(true));
  });

  it('shows invalid input inline and keeps the modal open with what was typed', async () => {
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: '' });
    const view = await eventually(() => openModal(h, people.reporter));
    const result = await h.slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues({ title: 'db' }) });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ response_action: 'errors', errors: { [inputIds.title]: expect.stringContaining('at least 3') } });
    expect(result.openView?.id).toBe(view.id);
    expect(h.slack.callsTo('conversations.create')).toHaveLength(0);
  });

  it('declares once when the same modal is submitted twice', async () => {
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'declare Disk full' });
    const view = await eventually(() => openModal(h, people.reporter));
    const values = declareValues({ title: 'Disk full' });
    // Slack's client closes the modal after the first answer; a retried delivery carries the same view.
    const payload = (await h.slack.submitView({ user: people.reporter, viewId: view.id, values })).status;
    expect(payload).toBe(200);
    const first = h.slack.deliveries.at(-1)!;
    const again = await h.slack.sendSigned(first.rawBody, { contentType: first.contentType });
    expect(again.status).toBe(200);
    await eventually(() => expect(h.logs.some((line) => line.includes('ignored a repeated submission'))).toBe(true));
    expect(h.slack.callsTo('conversations.create').filter((call) => call.ok)).toHaveLength(1);
  });

  it('retries with a suffix when the channel name is taken', async () => {
    h.slack.addChannel({ name: 'inc-1-checkout-failing', creator: people.bystander });
    const { channel } = await declareIncident(h, { title: 'Checkout failing' });
    expect(channel.name).toBe('inc-1-checkout-failing-2');
    expect(h.slack.callsTo('conversations.create').map((call) => call.ok ? 'ok' : call.error)).toEqual(['name_taken', 'ok']);
  });

  it('keeps a private (security) incident in a private channel and out of the announcements', async () => {
    const { channel } = await declareIncident(h, { title: 'Leaked credentials', private: true });
    expect(channel.isPrivate).toBe(true);
    await eventually(() => expect(h.slack.workspace.ephemerals.some((e) => e.text.includes('INC-1 declared'))).toBe(true));
    expect(botMessages(h, announcementsChannel)).toHaveLength(0);
  });
});
