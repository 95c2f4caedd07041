import { afterEach, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import { onCallAt } from '../../src/domain/escalation/schedule.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { defined } from '../support/eventually.js';
import type { Conversation, Message } from 'slack-emulator';
import { botMessages, declareIncident, declareValues, ephemeralsFor, openModal } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';

let h: Harness;
let clock: FixedClock;
afterEach(() => h.close());

const start = async (yaml = pagingConfigYaml()) => {
  clock = fixedClock(Date.UTC(2026, 10, 26, 9, 0, 0));
  h = await startHarness({ configYaml: yaml, clock });
  for (const [name, id] of Object.entries(oncall)) h.slack.addUser({ id, name });
};
const advance = async (ms: number) => {
  clock.advance(ms);
  await h.bot.idle();
};
const incidentIn = (channel: Conversation) => h.bot.deps.incidents.findByChannel(channel.id)!;
const command = (channel: Conversation, text: string, user: string = people.commander) =>
  h.slack.runSlashCommand({ user, channel: channel.id, command: '/incident', text });
/** Page DMs sent to anyone, as chat.postMessage calls that Slack accepted. */
const pagesSent = () => h.slack.callsTo('chat.postMessage').filter((call) => call.ok && String(call.args.text).includes('You are paged'));
/** The page DM a person got, as it reads now (acknowledging rewrites it). */
const pageDm = (user: string): Message => {
  const dm = h.slack.workspace.dmWith(user).id;
  const sent = defined(pagesSent().find((call) => call.response.channel === dm));
  return defined(h.slack.workspace.message(dm, String(sent.response.ts)));
};
const primaryNow = () => onCallAt(h.bot.deps.config().schedules[0]!, clock.now())[0]!;
const buttonsOf = (message: Message) => JSON.stringify(message.blocks ?? []);
/** Postmortem drafts uploaded to Slack. */
const drafts = () => [...h.slack.workspace.files.values()].filter((file) => file.completed && file.name.endsWith('-postmortem.md'));
/** The bot started, an incident declared, and everything its declare set off done. */
const declaredAndSettled = async () => {
  await start();
  const { channel } = await declareIncident(h, { title: 'Payments down' });
  await h.bot.idle();
  return channel;
};

describe('a resolve whose executive summary cannot be posted', () => {
  it('still ends the pages, makes the other effects and reports the failure once', async () => {
    await start(`${pagingConfigYaml()}channels: { executives: C0NOSUCHCH }\n`);
    const { channel } = await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    expect(pagesSent()).toHaveLength(1);
    const reportsOf = () => botMessages(h, channel.id).filter((message) => message.text.includes('could not post the executive summary'));
    // The declare's own summary failed the same way, and was reported once.
    expect(reportsOf()).toHaveLength(1);

    await command(channel, 'resolve');
    const incident = incidentIn(channel);
    expect(incident.status).toBe('resolved');
    expect(h.bot.deps.escalations.listForIncident(incident.id).map((escalation) => escalation.status)).toEqual(['cancelled']);
    // Long past the level's wait, and again after every retry delay: nobody is paged for a resolved incident.
    for (let minute = 0; minute < 30; minute += 1) await advance(60_000);
    expect(pagesSent()).toHaveLength(1);

    // The other effects happened: the card says resolved, the page DM lost its buttons, the draft is posted.
    const card = h.slack.workspace.message(channel.id, incident.cardTs!)!;
    expect(JSON.stringify(card.blocks)).toContain('Resolved');
    expect(buttonsOf(pageDm(primaryNow()))).not.toContain(actionIds.acknowledgePage);
    expect(botMessages(h, channel.id).some((message) => message.text.includes('Postmortem draft'))).toBe(true);
    // The failure is said once in the channel, naming what and why.
    const reports = reportsOf();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.text).toContain('channel_not_found');
  });
});

describe('races between buttons', () => {
  it('Escalate now clicked twice escalates one level; after an acknowledgement it pages nobody', async () => {
    await start();
    await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    const primary = primaryNow();
    const primaryPage = pageDm(primary);
    const dm = h.slack.workspace.dmWith(primary).id;
    const click = () => h.slack.clickButton({ user: primary, channel: dm, messageTs: primaryPage.ts, actionId: actionIds.escalateNow });
    await Promise.all([click(), click()]);
    const [escalation] = h.bot.deps.escalations.listForIncident(h.bot.deps.incidents.findByNumber(1)!.id);
    expect(escalation).toMatchObject({ levelIndex: 1, pass: 0, status: 'active' });
    expect(pagesSent().map((call) => call.args.channel)).toEqual([primary, oncall.manager]);

    // Escalate now racing Acknowledge on the manager's page: at most one more level, never a page after the ack.
    const managerPage = pageDm(oncall.manager);
    const managerDm = h.slack.workspace.dmWith(oncall.manager).id;
    await Promise.all([
      h.slack.clickButton({ user: oncall.manager, channel: managerDm, messageTs: managerPage.ts, actionId: actionIds.acknowledgePage }),
      h.slack.clickButton({ user: oncall.manager, channel: managerDm, messageTs: managerPage.ts, actionId: actionIds.escalateNow }),
    ]);
    const after = h.bot.deps.escalations.findById(escalation!.id)!;
    const acknowledgedAt = defined(after.acknowledgedAt);
    expect(after.status).toBe('acknowledged');
    const pagesAfterAck = h.bot.deps.escalations.notifications(escalation!.id).filter((sent) => sent.sentAt > acknowledgedAt);
    expect(pagesAfterAck).toHaveLength(0);
    // Every page DM now matches its page: none still offers Acknowledge or Escalate now.
    for (const user of [primary, oncall.manager]) expect(buttonsOf(pageDm(user))).not.toContain(actionIds.escalateNow);
  });

  it('a late acknowledgement after the chain ran out is taken and recorded as late', async () => {
    await start(pagingConfigYaml({ repeat: 0 }));
    const { channel } = await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    await advance(31_000);
    await advance(31_000);
    const [escalation] = h.bot.deps.escalations.listForIncident(incidentIn(channel).id);
    expect(h.bot.deps.escalations.findById(escalation!.id)!.status).toBe('exhausted');
    // The DM still offers Acknowledge, and a click does what it shows.
    const primary = primaryNow();
    const page = pageDm(primary);
    expect(buttonsOf(page)).toContain(actionIds.acknowledgePage);
    await h.slack.clickButton({ user: primary, channel: h.slack.workspace.dmWith(primary).id, messageTs: page.ts, actionId: actionIds.acknowledgePage });
    expect(h.bot.deps.escalations.findById(escalation!.id)!.status).toBe('acknowledged');
    const ack = h.bot.deps.timeline.list(incidentIn(channel).id).find((entry) => entry.kind === 'page_acknowledged');
    expect(ack?.data.late).toBe(true);
    expect(ephemeralsFor(h, primary).filter((e) => e.text.includes('ended'))).toHaveLength(0);
  });
});

describe('concurrent changes', () => {
  it('an update that changes status racing a severity change: row, card and topic agree with the timeline', async () => {
    await start();
    const { channel } = await declareIncident(h, { title: 'Checkout slow', severity: 'SEV3' });
    const levels = ['SEV2', 'SEV1', 'SEV3', 'SEV2', 'SEV1', 'SEV3', 'SEV2', 'SEV1'];
    const statuses = ['identified', 'monitoring', 'investigating'];
    for (const [round, severity] of levels.entries()) {
      const status = statuses[round % statuses.length]!;
      const changes = [command(channel, `severity ${severity}`), command(channel, `status ${status} round ${round}`)];
      await Promise.all(round % 2 === 0 ? changes : changes.reverse());
      const incident = incidentIn(channel);
      const timeline = h.bot.deps.timeline.list(incident.id);
      const lastSeverity = timeline.filter((entry) => entry.kind === 'severity_changed').at(-1)?.data.to;
      const lastStatus = timeline.filter((entry) => entry.kind === 'status_changed').at(-1)?.data.to;
      expect({ severity: incident.severity, status: incident.status }).toEqual({ severity: lastSeverity, status: lastStatus });
      const card = JSON.stringify(h.slack.workspace.message(channel.id, incident.cardTs!)!.blocks);
      expect(card).toContain(severity);
      expect(h.slack.workspace.conversation(channel.id)!.topic?.value).toContain(severity);
    }
  });
});

describe('Slack trouble', () => {
  const effectMethods = ['conversations.create', 'conversations.setTopic', 'conversations.invite', 'chat.postMessage', 'chat.update', 'pins.add'];

  it('a pin that fails holds back neither the announcement nor anything else, and is retried', async () => {
    await start();
    // Two 500s: the client's one retry meets the second, so the pin job fails and waits for its retry.
    h.slack.failNext('pins.add', { status: 500 }, 2);
    await declareWithoutWaiting('Payments down');
    const incident = defined(h.bot.deps.incidents.findByNumber(1));
    expect(incident.cardTs).not.toBeNull();
    expect(incident.announcementTs).not.toBeNull();
    expect(h.slack.workspace.pinsIn(incident.channelId!)).toEqual([]);
    await advance(1_000);
    expect(h.slack.workspace.pinsIn(incident.channelId!).map((pin) => pin.ts)).toEqual([incident.cardTs]);
  });

  it('a note whose channel post fails is on the timeline at once, and is posted with its permalink after the retry', async () => {
    await start();
    const { channel } = await declareIncident(h, { title: 'Payments down' });
    await h.bot.idle();
    // A 503: a note's echo is posted without the client's own retry (it is marked, to be posted once), so it waits for its job's retry.
    h.slack.failNext('chat.postMessage', { status: 503 });
    await command(channel, 'note rolled back v2.3');
    await h.bot.idle();
    const note = () => defined(h.bot.deps.timeline.list(incidentIn(channel).id).find((entry) => entry.kind === 'note'));
    expect(note()).toMatchObject({ text: 'rolled back v2.3', actorId: people.commander, slackTs: null, permalink: null });
    const echoes = () => botMessages(h, channel.id).filter((message) => message.text.includes('rolled back v2.3'));
    expect(echoes()).toEqual([]);
    expect(ephemeralsFor(h, people.commander).some((e) => e.text.includes('could not post your note'))).toBe(true);

    await advance(1_000);
    const [echo] = echoes();
    expect(echoes()).toHaveLength(1);
    expect(note().slackTs).toBe(echo!.ts);
    expect(note().permalink).toBe(`https://acme.slack.com/archives/${channel.id}/p${echo!.ts.replace('.', '')}`);
  });

  it('a page DM whose answer is lost (Slack posted it, the connection dropped) is not sent again; its buttons still work', async () => {
    await start();
    const primary = primaryNow();
    // Carried out by Slack, then the connection is dropped: the bot cannot know the DM landed.
    h.slack.faults.failWhen('chat.postMessage', (args) => args.channel === primary, 'lose');
    await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    const dm = h.slack.workspace.dmWith(primary).id;
    const pagesInDm = () => h.slack.workspace.history(dm).filter((message) => message.text.includes('You are paged'));
    expect(pagesInDm()).toHaveLength(1);
    await advance(30_000);
    expect(pagesInDm()).toHaveLength(1);
    const escalation = defined(h.bot.deps.escalations.listForIncident(defined(h.bot.deps.incidents.findByNumber(1)).id)[0]);
    // The page is recorded as the DM that landed: acknowledging from it is taken.
    expect(h.bot.deps.escalations.notifications(escalation.id).filter((sent) => sent.userId === primary).map((sent) => sent.ts)).toEqual([pagesInDm()[0]!.ts]);
    await h.slack.clickButton({ user: primary, channel: dm, messageTs: pagesInDm()[0]!.ts, actionId: actionIds.acknowledgePage });
    expect(h.bot.deps.escalations.findById(escalation.id)?.status).toBe('acknowledged');
  });

  it('a page DM whose answer is lost is sent again at once when Slack will not let the bot look (rate limited): never held back', async () => {
    await start();
    const primary = primaryNow();
    h.slack.faults.failWhen('chat.postMessage', (args) => args.channel === primary, 'lose');
    h.slack.failNext('conversations.history', { rateLimit: 600 });
    await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    const dm = h.slack.workspace.dmWith(primary).id;
    const pagesInDm = () => h.slack.workspace.history(dm).filter((message) => message.text.includes('You are paged'));
    // The retry (1 s later) could not look: it pages again rather than wait out ten minutes.
    await advance(1_000);
    expect(pagesInDm()).toHaveLength(2);
    const escalation = defined(h.bot.deps.escalations.listForIncident(defined(h.bot.deps.incidents.findByNumber(1)).id)[0]);
    expect(h.bot.deps.escalations.notifications(escalation.id).filter((sent) => sent.userId === primary)).toHaveLength(1);
  });

  /** A SEV1's executive summary, its answer lost once: posted once all the same. */
  const executiveSummaryLostOnce = async (botIsMember: boolean) => {
    await start(`${pagingConfigYaml()}channels: { executives: C0EXECS }\n`);
    h.slack.addChannel({ id: 'C0EXECS', name: 'execs', botIsMember });
    h.slack.faults.failWhen('chat.postMessage', (args) => args.channel === 'C0EXECS', 'lose');
    await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    await advance(30_000);
    expect(h.slack.faults.hits).toBe(1);
    expect(botMessages(h, 'C0EXECS')).toHaveLength(1);
  };

  it('an executive summary whose answer is lost is posted once', async () => {
    await executiveSummaryLostOnce(true);
  });

  it('an executive summary whose answer is lost is posted once in a public channel the bot was never added to: it joins to look', async () => {
    // Posting there needs no membership (chat:write.public); reading its history does.
    await executiveSummaryLostOnce(false);
    expect(h.slack.callsTo('conversations.join').map((call) => call.args.channel)).toEqual(['C0EXECS']);
  });

  it('a status-update reminder whose DM Slack fails is sent after the retry, and is on the timeline once', async () => {
    await start();
    const { channel } = await declareIncident(h, { title: 'Latency', severity: 'SEV1' });
    const incident = incidentIn(channel);
    const due = defined(h.bot.deps.jobs.pending(`update_due:${incident.id}`)).dueAt;
    const reminders = () => botMessages(h, h.slack.workspace.dmWith(people.commander).id).filter((m) => m.text.includes('Status update due'));
    const recorded = () => h.bot.deps.timeline.list(incident.id).filter((entry) => entry.kind === 'reminder');

    // Two 503s: the client's one retry meets the second, so the reminder's DM waits for its job's retry.
    h.slack.failNext('chat.postMessage', { status: 503 }, 2);
    await advance(due - clock.now());
    expect(reminders()).toEqual([]);
    expect(recorded()).toHaveLength(1);
    await advance(1_000);
    expect(reminders()).toHaveLength(1);
    expect(recorded()).toHaveLength(1);
  });

  it('/incident postmortem whose canvas fails after the upload: the retry delivers the same draft, without a second file', async () => {
    const channel = await declaredAndSettled();
    h.slack.failNext('canvases.create', { status: 500 }, 2);
    await command(channel, 'postmortem');
    await h.bot.idle();
    expect(drafts()).toHaveLength(1);
    const stored = defined(h.bot.deps.postmortems.find(incidentIn(channel).id));
    expect(stored.fileId).toBe(drafts()[0]!.id);

    await advance(5_000);
    expect(drafts()).toHaveLength(1);
    expect(botMessages(h, channel.id).map((message) => message.text).filter((text) => text.startsWith('Postmortem draft for INC-1'))).toHaveLength(1);
    expect(defined(h.bot.deps.postmortems.find(incidentIn(channel).id))).toMatchObject({ token: stored.token, generatedAt: stored.generatedAt, fileId: stored.fileId });
  });

  it('/incident postmortem whose upload fails tells the asker, and the draft arrives once after the retry', async () => {
    const channel = await declaredAndSettled();
    // Two 500s: the client's one retry meets the second, so the draft's job fails and waits for its retry.
    h.slack.failNext('files.getUploadURLExternal', { status: 500 }, 2);
    await command(channel, 'postmortem');
    await h.bot.idle();
    expect(drafts()).toEqual([]);
    expect(ephemeralsFor(h, people.commander).some((e) => e.text.includes('could not draft the postmortem yet'))).toBe(true);

    await advance(1_000);
    expect(drafts()).toHaveLength(1);
    // The file's comment and the notice with its link, once each.
    expect(botMessages(h, channel.id).map((message) => message.text).filter((text) => text.includes('Postmortem draft for INC-1'))).toHaveLength(2);
  });

  it('50 declares under 20% faults (429, 500, hangs past the timeout, lost answers) all end whole or reported, with no ghost and no orphan', async () => {
    clock = fixedClock(Date.UTC(2026, 10, 26, 9, 0, 0));
    h = await startHarness({ clock, slackTimeout: { timeoutMs: 300 } });
    h.slack.faults.setRate({ rate: 0.2, seed: 7, methods: effectMethods, faults: [{ rateLimit: 1 }, { status: 500 }, { status: 503 }, 'hang', 'lose', 'reset'] });
    for (let n = 1; n <= 50; n += 1) await declareWithoutWaiting(`Outage number ${n}`);
    const incidents = () => Array.from({ length: 50 }, (_, index) => defined(h.bot.deps.incidents.findByNumber(index + 1)));
    const setupSteps = ['create_channel', 'post_card', 'pin_card', 'post_announcement', 'set_topic', 'invite'];
    const unfinished = () =>
      incidents().flatMap((incident) => h.bot.deps.jobs.listForIncident(incident.id)).filter((job) => setupSteps.includes(job.kind) && (job.status === 'pending' || job.status === 'running'));
    // Let retries come due: time moves on until no setup step is left.
    for (let round = 0; round < 30 && unfinished().length > 0; round += 1) await advance(60_000);
    expect(unfinished()).toEqual([]);
    h.slack.faults.setRate(undefined);

    for (const incident of incidents()) {
      if (incident.setupError) {
        expect(ephemeralsFor(h, people.reporter).some((e) => e.text.includes(`INC-${incident.number} is declared, but its channel`))).toBe(true);
        continue;
      }
      expect(incident.channelId, `INC-${incident.number} has a channel`).not.toBeNull();
      expect(h.slack.workspace.pinsIn(incident.channelId!).map((pin) => pin.ts)).toContain(incident.cardTs);
      expect(incident.announcementTs, `INC-${incident.number} was announced`).not.toBeNull();
    }
    const ours = new Set(incidents().map((incident) => incident.channelId));
    const created = [...h.slack.workspace.conversations.values()].filter((c) => c.kind === 'channel' && c.name.startsWith('inc-'));
    expect(created.filter((c) => !ours.has(c.id)).map((c) => c.name)).toEqual([]);
    // One card and one announcement each, however often a post was retried.
    for (const incident of incidents().filter((candidate) => candidate.channelId)) {
      const cards = botMessages(h, incident.channelId!).filter((message) => message.text.includes(`INC-${incident.number}`) && message.blocks?.length);
      expect(cards.length, `cards in INC-${incident.number}`).toBe(1);
    }
  }, 120_000);
});

/** Submits the declare form and returns once the bot has answered (not once the channel exists). */
const declareWithoutWaiting = async (title: string, form: Omit<Parameters<typeof declareValues>[0], 'title'> = {}) => {
  await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'declare' });
  const view = openModal(h, people.reporter);
  const submitted = await h.slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues({ title, ...form }) });
  expect(submitted.status).toBe(200);
};

describe('a Slack outage', () => {
  it('tells the reporter at once that the channel is delayed, and completes everything after recovery', async () => {
    await start();
    h.slack.faults.startOutage(['conversations.create', 'conversations.setTopic', 'conversations.invite', 'pins.add', 'chat.update']);
    await declareWithoutWaiting('Checkout down during the outage', { severity: 'SEV1', services: ['payments'] });
    const incident = defined(h.bot.deps.incidents.findByNumber(1));
    // The page does not wait for the channel.
    expect(pagesSent()).toHaveLength(1);
    expect(ephemeralsFor(h, people.reporter).some((e) => e.text.includes('could not create the incident channel yet'))).toBe(true);
    for (let second = 0; second < 60; second += 5) await advance(5_000);
    expect(h.bot.deps.incidents.findById(incident.id)!.channelId).toBeNull();
    h.slack.faults.endOutage();
    for (let round = 0; round < 20 && !h.bot.deps.incidents.findById(incident.id)!.announcementTs; round += 1) await advance(30_000);
    const done = h.bot.deps.incidents.findById(incident.id)!;
    expect(done.channelId).not.toBeNull();
    expect(h.slack.workspace.pinsIn(done.channelId!).map((pin) => pin.ts)).toEqual([done.cardTs]);
    expect(ephemeralsFor(h, people.reporter).some((e) => e.text.includes(`INC-1 declared: <#${done.channelId}>`))).toBe(true);
  });

  it('abandons a call that never answers after the timeout and retries it; a creation whose answer was lost is reused', async () => {
    clock = fixedClock(Date.UTC(2026, 10, 26, 9, 0, 0));
    h = await startHarness({ clock, slackTimeout: { timeoutMs: 300 } });
    h.slack.failNext('conversations.create', 'hang', 2);
    await declareWithoutWaiting('Hung create');
    expect(h.bot.deps.incidents.findByNumber(1)!.channelId).toBeNull();
    await advance(1_000);
    expect(h.bot.deps.incidents.findByNumber(1)!.channelId).not.toBeNull();

    h.slack.failNext('conversations.create', 'lose');
    await declareWithoutWaiting('Lost answer');
    await advance(1_000);
    const lost = h.bot.deps.incidents.findByNumber(2)!;
    const channels = [...h.slack.workspace.conversations.values()].filter((c) => c.kind === 'channel' && c.name.startsWith('inc-2-'));
    expect(channels.map((c) => c.id)).toEqual([lost.channelId]);
  });
});

describe('a declare whose channel could not be created', () => {
  it('is listed as such with a Retry button, never as a ghost; Retry creates the channel', async () => {
    await start();
    h.slack.failNext('conversations.create', { error: 'restricted_action' });
    await declareWithoutWaiting('No channel for me');
    expect(h.bot.deps.incidents.findByNumber(1)).toMatchObject({ channelId: null, setupError: 'restricted_action' });
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'list' });
    const listed = defined(ephemeralsFor(h, people.reporter).find((e) => (JSON.stringify(e.blocks) ?? '').includes(actionIds.retryChannel)));
    expect(JSON.stringify(listed.blocks)).toContain('could not be created');

    await h.slack.clickButton({ user: people.reporter, channel: h.general, messageTs: listed.ts, actionId: actionIds.retryChannel });
    const incident = h.bot.deps.incidents.findByNumber(1)!;
    expect(incident.setupError).toBeNull();
    expect(incident.channelId).not.toBeNull();
  });
});
