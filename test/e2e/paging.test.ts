import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onCallAt } from '../../src/domain/escalation/schedule.js';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { defined, eventually } from '../support/eventually.js';
import type { Conversation, Message } from 'slack-emulator';
import { botMessages, declareIncident, ephemeralsFor, openModal, readable } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';

let h: Harness;
let clock: FixedClock;

const start = async (yaml = pagingConfigYaml()) => {
  clock = fixedClock();
  h = await startHarness({ configYaml: yaml, clock });
  for (const [name, id] of Object.entries(oncall)) h.slack.addUser({ id, name });
};
afterEach(() => h.close());

/** Page DMs a person has received, newest last (as posted: acknowledging later rewrites them). */
const pagesTo = (user: string): Message[] => {
  const dm = h.slack.workspace.dmWith(user).id;
  const posted = new Set(
    h.slack.callsTo('chat.postMessage').filter((call) => call.response.channel === dm && String(call.args.text).includes('You are paged')).map((call) => String(call.response.ts)),
  );
  return botMessages(h, dm).filter((message) => posted.has(message.ts));
};

const primaryNow = () => onCallAt(h.bot.deps.config().schedules[0]!, clock.now())[0]!;
const advance = async (ms: number) => {
  clock.advance(ms);
  await h.bot.scheduler.tick();
};
const incidentIn = (channel: Conversation) => h.bot.deps.incidents.findByChannel(channel.id)!;
const timelineKinds = (channel: Conversation) => h.bot.deps.timeline.list(incidentIn(channel).id).map((entry) => entry.kind);

// Who is paged when, repeats, exhaustion and severities that do not page: test/app/paging/escalation.test.ts.
describe('paging and escalation', () => {
  beforeEach(() => start());

  it('pages level 1 on a SEV1 declare, escalates to level 2 after the delay, and stops when acknowledged', async () => {
    // Two services of one team share its policy: its people are paged once, not once per service.
    const { channel } = await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments', 'checkout'] });
    const primary = primaryNow();
    const page = await eventually(() => {
      expect(pagesTo(primary)).toHaveLength(1);
      return pagesTo(primary)[0]!;
    });
    expect(readable(page)).toContain('https://runbooks.example.com/payments');
    expect(readable(page)).toContain(`"action_id":"${actionIds.acknowledgePage}"`);
    expect(readable(page)).toContain(`"action_id":"${actionIds.escalateNow}"`);
    expect(pagesTo(oncall.manager)).toHaveLength(0);

    await advance(29_000);
    expect(pagesTo(oncall.manager)).toHaveLength(0);
    await advance(1_000);
    expect(pagesTo(oncall.manager)).toHaveLength(1);

    const managerPage = pagesTo(oncall.manager)[0]!;
    const dm = h.slack.workspace.dmWith(oncall.manager).id;
    await h.slack.clickButton({ user: oncall.manager, channel: dm, messageTs: managerPage.ts, actionId: actionIds.acknowledgePage });
    await eventually(() => expect(channel.members.has(oncall.manager)).toBe(true));
    await eventually(() => expect(readable(h.slack.workspace.message(dm, managerPage.ts))).toContain(`Acknowledged by <@${oncall.manager}>`));
    expect(readable(h.slack.workspace.message(h.slack.workspace.dmWith(primary).id, page.ts))).not.toContain(actionIds.acknowledgePage);

    // repeat: 1 would page level 1 again after another 30 s; the acknowledgement stopped the chain.
    await advance(10 * 60_000);
    expect(pagesTo(primary)).toHaveLength(1);
    expect(pagesTo(oncall.manager)).toHaveLength(1);

    const escalation = h.bot.deps.escalations.listForIncident(incidentIn(channel).id)[0]!;
    expect(escalation).toMatchObject({ status: 'acknowledged', acknowledgedBy: oncall.manager, levelIndex: 1 });
    expect(escalation.acknowledgedAt! - escalation.startedAt).toBe(30_000);
    expect(timelineKinds(channel)).toEqual(expect.arrayContaining(['paged', 'page_acknowledged']));
    const lines = botMessages(h, channel.id).map((message) => message.text).join('\n');
    expect(lines).toContain(':pager: Paged');
    expect(lines).toContain(`<@${oncall.manager}> acknowledged the page (time to acknowledge 0m)`);
  });

  it('Escalate now pages the next level at once', async () => {
    await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    const primary = primaryNow();
    const page = await eventually(() => defined(pagesTo(primary)[0]));
    await h.slack.clickButton({ user: primary, channel: h.slack.workspace.dmWith(primary).id, messageTs: page.ts, actionId: actionIds.escalateNow });
    await eventually(() => expect(pagesTo(oncall.manager)).toHaveLength(1));
  });

  it('/incident page @person pages directly; resolving the incident ends the page', async () => {
    const { channel } = await declareIncident(h, { title: 'Queue stuck', severity: 'SEV3' });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: `page <@${oncall.secondary}|sec>` });
    const page = await eventually(() => defined(pagesTo(oncall.secondary)[0]));
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'resolve' });
    await eventually(() => expect(readable(h.slack.workspace.message(h.slack.workspace.dmWith(oncall.secondary).id, page.ts))).toContain('resolved'));
    await advance(10 * 60_000);
    expect(pagesTo(oncall.secondary)).toHaveLength(1);
  });

  it('the card Page button opens a modal that pages a service', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Queue stuck', severity: 'SEV3' });
    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.page });
    const view = await eventually(() => openModal(h, people.commander));
    await h.slack.submitView({ user: people.commander, viewId: view.id, values: { [inputIds.pageService]: { [inputIds.pageService]: 'payments' } } });
    await eventually(() => expect(pagesTo(primaryNow())).toHaveLength(1));
  });

  it('/incident oncall shows who is on call now and next for a service', async () => {
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'oncall payments' });
    const answer = await eventually(() => readable(defined(ephemeralsFor(h, people.reporter).at(-1))));
    expect(answer).toContain('Payments API');
    expect(answer).toContain(`now <@${primaryNow()}>`);
    expect(answer).toContain(`<@${oncall.manager}>`);
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'oncall nothing-here' });
    await eventually(() => expect(ephemeralsFor(h, people.reporter).at(-1)?.text).toContain('No service or team called `nothing-here`'));
  });

  it('App Home tells a person when they are next on call', async () => {
    await h.slack.openAppHome({ user: primaryNow() });
    const home = await eventually(() => defined(h.slack.workspace.homeView(primaryNow())));
    expect(JSON.stringify(home.blocks)).toContain('You are on call now');
  });
});

describe('nudges and reminders', () => {
  beforeEach(() => start());

  it('reminds the commander when an update is due, louder in the channel when overdue, and moves when an update is posted', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Latency', severity: 'SEV1' });
    const incident = incidentIn(channel);
    expect(h.bot.deps.jobs.pending(`update_due:${incident.id}`)?.dueAt).toBe(incident.declaredAt + 15 * 60_000);

    await advance(15 * 60_000);
    const reminders = () => botMessages(h, h.slack.workspace.dmWith(people.commander).id).filter((m) => m.text.includes('Status update due'));
    expect(reminders()).toHaveLength(1);

    await advance(10 * 60_000);
    expect(botMessages(h, channel.id).at(-1)?.text).toContain('Status update overdue');

    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
    const view = await eventually(() => openModal(h, people.commander));
    await h.slack.submitView({ user: people.commander, viewId: view.id, values: { [inputIds.update]: { [inputIds.update]: 'Mitigated by failover' } } });
    await eventually(() => expect(incidentIn(channel).latestUpdate?.text).toBe('Mitigated by failover'));
    const updatedAt = incidentIn(channel).latestUpdate!.at;
    await eventually(() => expect(h.bot.deps.jobs.pending(`update_due:${incident.id}`)?.dueAt).toBe(updatedAt + 15 * 60_000));
    expect(h.bot.deps.jobs.pending(`update_overdue:${incident.id}`)).toBeUndefined();
  });

  it('snoozes the update reminder from the reminder itself', async () => {
    const { channel } = await declareIncident(h, { title: 'Latency', severity: 'SEV1' });
    await advance(15 * 60_000);
    const dm = h.slack.workspace.dmWith(people.commander).id;
    const reminder = botMessages(h, dm).find((m) => m.text.includes('Status update due'))!;
    await h.slack.selectOption({ user: people.commander, channel: dm, messageTs: reminder.ts, actionId: actionIds.snoozeReminder, value: `${incidentIn(channel).id}:60` });
    await eventually(() => expect(h.bot.deps.jobs.pending(`update_due:${incidentIn(channel).id}`)?.dueAt).toBe(clock.now() + 60 * 60_000));
    expect(h.bot.deps.jobs.pending(`update_overdue:${incidentIn(channel).id}`)).toBeUndefined();
  });

  it('nudges the channel when nobody took command', async () => {
    const { channel } = await declareIncident(h, { title: 'No lead', severity: 'SEV2', commander: '' });
    await advance(5 * 60_000);
    expect(botMessages(h, channel.id).at(-1)?.text).toContain('has no commander yet');
  });

  it('reminds about the postmortem when resolved but not closed after three days', async () => {
    const { channel } = await declareIncident(h, { title: 'Old one', severity: 'SEV3' });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'resolve' });
    // The postmortem draft is posted beside the resolve line, in either order.
    await eventually(() => expect(botMessages(h, channel.id).some((message) => message.text.includes('resolved the incident'))).toBe(true));
    await advance(3 * 24 * 3_600_000 - 1000);
    expect(botMessages(h, channel.id).at(-1)?.text).not.toContain('postmortem');
    await advance(1000);
    expect(botMessages(h, channel.id).at(-1)?.text).toContain('write the blameless postmortem');
  });

  it('/incident handover moves command and posts a brief', async () => {
    const { channel } = await declareIncident(h, { title: 'Long night', severity: 'SEV2' });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: `handover <@${people.ops}|dave>` });
    await eventually(() => expect(botMessages(h, channel.id).at(-1)?.text).toContain('Handover brief'));
    const brief = botMessages(h, channel.id).at(-1)!.text;
    expect(brief).toContain(`<@${people.ops}> is now in command`);
    expect(brief).toContain('SEV2 · Investigating');
    expect(brief).toContain('Open roles: Communications Lead, Scribe, Operations Lead');
    expect(incidentIn(channel).roles.commander).toBe(people.ops);
  });
});
