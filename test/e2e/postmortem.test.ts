import { afterEach, describe, expect, it } from 'vitest';
import { actionIds, inputIds, shortcutIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { defined, eventually } from '../support/eventually.js';
import { fixedClock } from '../support/clock.js';
import type { Conversation, Message } from 'slack-emulator';
import { botMessages, declareIncident, ephemeralsFor, openModal } from '../support/incident-flows.js';

let h: Harness;
afterEach(() => h.close());

const incidentIn = (channel: Conversation) => h.bot.deps.incidents.findByChannel(channel.id)!;
const permalinkOf = (channel: Conversation, ts: string) => `https://acme.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`;
const command = (channel: Conversation, text: string, user: string = people.commander) =>
  h.slack.runSlashCommand({ user, channel: channel.id, command: '/incident', text });
/** People join the incident channel themselves, as they would in Slack. */
const join = (channel: Conversation) => {
  for (const user of Object.values(people)) channel.members.add(user);
};
const uploadedDraft = () => {
  const file = [...h.slack.workspace.files.values()].find((candidate) => candidate.completed && candidate.name.endsWith('-postmortem.md'));
  return file?.upload?.bytes.toString('utf8');
};

const postUpdate = async (channel: Conversation, card: Message, whatChanged: string, status: string) => {
  await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
  const view = await eventually(() => openModal(h, people.commander));
  await h.slack.submitView({
    user: people.commander,
    viewId: view.id,
    values: { [inputIds.status]: { [inputIds.status]: status }, [inputIds.update]: { [inputIds.update]: whatChanged } },
  });
  await eventually(() => expect(incidentIn(channel).latestUpdate?.text).toBe(whatChanged));
};

describe('the postmortem draft', () => {
  it('is assembled on resolve from a 200-message channel: key events in order with permalinks and durations, uploaded to Slack', async () => {
    h = await startHarness();
    const { channel, card } = await declareIncident(h, { title: 'Checkout failing for card payments', severity: 'SEV1', summary: 'Card payments return 502' });
    join(channel);

    const posted: { ts: string; text: string }[] = [];
    for (let i = 0; i < 200; i += 1) {
      const user = [people.commander, people.ops, people.scribe, people.reporter][i % 4]!;
      const text = i === 40 ? 'Error rate jumped right after deploy 4711' : i === 80 ? 'Maybe the connection pool is exhausted?' : i === 120 ? 'Rolling back deploy 4711 now' : i === 160 ? 'Decision: keep the old acquirer until Monday' : `chatter ${i}`;
      posted.push({ ts: (await h.slack.postMessage({ user, channel: channel.id, text })).ts, text });
      if (i === 60) await command(channel, `role ops <@${people.ops}|dave>`);
      if (i === 100) await postUpdate(channel, card, 'Rollback in progress', 'identified');
      if (i === 140) await command(channel, `role commander <@${people.scribe}|carol>`);
      if (i === 170) await postUpdate(channel, card, 'Error rate back to normal', 'monitoring');
    }
    await eventually(() => expect(h.bot.deps.timeline.list(incidentIn(channel).id).filter((e) => e.kind === 'message')).toHaveLength(200));

    // Five curated messages: a pin, the key reaction, and three typed reactions.
    await h.slack.pinMessage({ user: people.scribe, channel: channel.id, ts: posted[40]!.ts });
    await h.slack.addReaction({ user: people.scribe, channel: channel.id, ts: posted[80]!.ts, name: 'thinking_face' });
    await h.slack.addReaction({ user: people.scribe, channel: channel.id, ts: posted[120]!.ts, name: 'white_check_mark' });
    await h.slack.addReaction({ user: people.scribe, channel: channel.id, ts: posted[160]!.ts, name: 'scales' });
    await h.slack.addReaction({ user: people.scribe, channel: channel.id, ts: posted[10]!.ts, name: 'pushpin' });
    await eventually(() => expect(h.bot.deps.timeline.list(incidentIn(channel).id).filter((e) => e.kind === 'reaction_added' || e.kind === 'pin_added')).toHaveLength(5));

    // Channel reads, that is: looking up people's names (users.*) is allowed.
    const channelReads = () => h.slack.calls.filter((call) => /\.(history|replies|info|list)$/.test(call.method) && !call.method.startsWith('users.'));
    const readsBefore = channelReads().length;
    await command(channel, 'resolve');
    const markdown = await eventually(() => defined(uploadedDraft()), 60_000);
    expect(channelReads()).toHaveLength(readsBefore);
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.args.channel_id).toBe(channel.id);

    const keyLines = [
      'Error rate jumped right after deploy 4711',
      'Operations Lead',
      'Maybe the connection pool is exhausted?',
      'Rollback in progress',
      'Rolling back deploy 4711 now',
      'Decision: keep the old acquirer until Monday',
      'Error rate back to normal',
    ];
    const timeline = markdown.slice(markdown.indexOf('## Timeline'));
    const positions = keyLines.map((text) => timeline.indexOf(text));
    expect(positions.every((position) => position >= 0), `missing: ${keyLines.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const index of [10, 40, 80, 120, 160]) expect(timeline).toContain(permalinkOf(channel, posted[index]!.ts));
    expect(timeline).not.toContain('chatter 7');
    for (const heading of ['## Key decisions', '## Hypotheses tried', '## Actions taken', '## Contributing factors', '## Follow-up actions']) {
      expect(markdown).toContain(heading);
    }
    expect(markdown.slice(markdown.indexOf('## Key decisions'))).toContain('Decision: keep the old acquirer until Monday');
    expect(markdown).toMatch(/Time to resolve/);
    expect(markdown).toMatch(/Time to mitigate/);

    // Served over HTTP at the URL posted in the channel, and a canvas where the workspace allows it.
    const notice = await eventually(() => defined(botMessages(h, channel.id).find((m) => m.text.startsWith('Postmortem draft'))));
    const url = defined(JSON.stringify(notice.blocks).match(/<(http[^|>]+\.md)\|/)?.[1]);
    const served = await fetch(url.replace(/^http:\/\/[^/]+/, h.bot.url!));
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(markdown);
    expect((await fetch(`${h.bot.url}/postmortems/${incidentIn(channel).id}/wrong-token.md`)).status).toBe(404);
    expect([...h.slack.workspace.canvases.values()][0]?.markdown).toBe(markdown);
  }, 60_000);

  it('falls back to the Markdown file when the workspace does not allow canvases', async () => {
    h = await startHarness({ slack: { canvases: 'disabled' } });
    const { channel } = await declareIncident(h, { title: 'Queue stuck' });
    join(channel);
    await command(channel, 'postmortem');
    await eventually(() => defined(uploadedDraft()));
    expect(h.slack.workspace.canvases.size).toBe(0);
    await eventually(() => expect(botMessages(h, channel.id).some((m) => m.text.startsWith('Postmortem draft'))).toBe(true));
  });
});

describe('milestones set by hand', () => {
  it('/incident milestone started 09:30 moves the start: the draft derives time to detect from it', async () => {
    h = await startHarness({ clock: fixedClock(Date.UTC(2026, 10, 26, 10, 0, 0)) });
    const { channel } = await declareIncident(h, { title: 'Slow checkout' });
    await command(channel, 'milestone started 09:30');
    await eventually(() => expect(botMessages(h, channel.id).at(-1)?.text).toContain('set *started*'));
    await command(channel, 'milestone started 25:99');
    await eventually(() => expect(ephemeralsFor(h, people.commander).at(-1)?.text).toContain('`25:99` is not a time'));
    await command(channel, 'postmortem');
    const markdown = await eventually(() => defined(uploadedDraft()));
    expect(markdown).toContain('| Started | 2026-11-26 09:30 |');
    expect(markdown).toContain('| Time to detect | Time to acknowledge | Time to mitigate | Time to resolve |\n| --- | --- | --- | --- |\n| 30m |');
  });
});

describe('curating the timeline', () => {
  it('the message shortcut adds a message with a comment; /incident timeline shows the curated timeline', async () => {
    h = await startHarness();
    const { channel } = await declareIncident(h, { title: 'DNS flapping' });
    join(channel);
    const message = await h.slack.postMessage({ user: people.ops, channel: channel.id, text: 'TTL was set to 5s in the last change' });
    const result = await h.slack.runMessageShortcut({ user: people.scribe, channel: channel.id, messageTs: message.ts, callbackId: shortcutIds.addToTimeline });
    expect(result.status).toBe(200);
    const view = await eventually(() => openModal(h, people.scribe));
    await h.slack.submitView({ user: people.scribe, viewId: view.id, values: { [inputIds.comment]: { [inputIds.comment]: 'Likely trigger' } } });
    await eventually(() => expect(h.bot.deps.timeline.list(incidentIn(channel).id).some((e) => e.kind === 'curated')).toBe(true));

    await command(channel, 'timeline', people.scribe);
    const shown = await eventually(() => JSON.stringify(defined(ephemeralsFor(h, people.scribe).find((e) => e.text.startsWith('Timeline of')))));
    expect(shown).toContain('TTL was set to 5s in the last change');
    expect(shown).toContain('Likely trigger');
    expect(shown).toContain(permalinkOf(channel, message.ts));
  });
});

describe('blameless language', () => {
  it('suggests a rewording privately to the writer in the postmortem discussion, never publicly', async () => {
    h = await startHarness();
    const { channel } = await declareIncident(h, { title: 'Bad deploy' });
    join(channel);
    await h.slack.postMessage({ user: people.ops, channel: channel.id, text: 'Carol should have checked the config' });
    await command(channel, 'resolve');
    await eventually(() => expect(incidentIn(channel).status).toBe('resolved'));
    await h.slack.postMessage({ user: people.ops, channel: channel.id, text: 'Honestly it was human error, Carol should have checked the config' });
    const neutral = await h.slack.postMessage({ user: people.reporter, channel: channel.id, text: 'The deploy pipeline lets config changes skip review' });
    const hint = await eventually(() => defined(ephemeralsFor(h, people.ops).find((e) => e.text.includes('Only you can see this'))));
    expect(hint.text).toContain('human error');
    expect(hint.text).toContain('should have');
    expect(ephemeralsFor(h, people.ops).filter((e) => e.text.includes('Only you can see this'))).toHaveLength(1);
    expect(ephemeralsFor(h, people.reporter).some((e) => e.text.includes('Only you can see this'))).toBe(false);
    expect(botMessages(h, channel.id).some((m) => m.text.includes('human error'))).toBe(false);

    // An edit that turns to blame is checked too, and its author (not the editor of record) is told.
    await h.slack.editMessage({ user: people.reporter, channel: channel.id, ts: neutral.ts, text: 'The pipeline is fine, Carol was careless' });
    const edited = await eventually(() => defined(ephemeralsFor(h, people.reporter).find((e) => e.text.includes('Only you can see this'))));
    expect(edited.text).toContain('careless');
  });
});

describe('follow-ups', () => {
  it('are recorded, listed, reminded when due, and block closing until confirmed', async () => {
    // The due date below lies ahead of the injected clock, whatever today's date is.
    h = await startHarness({ clock: fixedClock() });
    const { channel } = await declareIncident(h, { title: 'Cert expiry' });
    join(channel);
    await command(channel, `followup Alert on cert expiry 14 days ahead <@${people.ops}|dave> 2026-12-01 blocking`);
    await command(channel, 'followup Write the cert rotation runbook');
    await eventually(() => expect(h.bot.deps.followUps.listForIncident(incidentIn(channel).id)).toHaveLength(2));
    const [blocking] = h.bot.deps.followUps.listForIncident(incidentIn(channel).id);
    expect(blocking).toMatchObject({ ownerId: people.ops, blocking: true, status: 'open', text: 'Alert on cert expiry 14 days ahead' });
    expect(h.bot.deps.jobs.pending(`follow_up_due:${blocking!.id}`)?.dueAt).toBe(blocking!.dueAt);

    await command(channel, 'followups mine', people.ops);
    const mine = await eventually(() => JSON.stringify(defined(ephemeralsFor(h, people.ops).find((e) => e.text.startsWith('Your open follow-ups')))));
    expect(mine).toContain('Alert on cert expiry');
    expect(mine).not.toContain('runbook');

    await command(channel, 'resolve');
    await eventually(() => expect(incidentIn(channel).status).toBe('resolved'));
    await command(channel, 'close');
    const confirm = await eventually(() => defined(ephemeralsFor(h, people.commander).find((e) => e.text.includes('blocking follow-up'))));
    expect(incidentIn(channel).status).toBe('resolved');
    expect(JSON.stringify(confirm.blocks)).toContain(actionIds.confirmClose);
    await command(channel, 'followup bad date 2026-13-45');
    await eventually(() => expect(ephemeralsFor(h, people.commander).some((e) => e.text.includes('`2026-13-45` is not a date'))).toBe(true));

    // Done from the reminder DM, then closing goes through.
    const job = defined(h.bot.deps.jobs.pending(`follow_up_due:${blocking!.id}`));
    await h.bot.deps.notifier.sendDm(people.ops, { kind: 'follow_up_reminder', followUp: blocking!, incident: incidentIn(channel) });
    const dm = h.slack.workspace.dmWith(people.ops).id;
    const reminder = defined(botMessages(h, dm).find((m) => m.text.startsWith('Follow-up due')));
    await h.slack.clickButton({ user: people.ops, channel: dm, messageTs: reminder.ts, actionId: actionIds.completeFollowUp });
    await eventually(() => expect(h.bot.deps.followUps.findById(blocking!.id)?.status).toBe('done'));
    expect(h.bot.deps.jobs.pending(job.key!)).toBeUndefined();
    await command(channel, 'close');
    await eventually(() => expect(incidentIn(channel).status).toBe('closed'));
  });
});

describe('history that teaches', () => {
  it('/incident search finds past incidents; declaring suggests similar ones', async () => {
    h = await startHarness();
    const first = await declareIncident(h, { title: 'Redis cluster failover storm' });
    join(first.channel);
    await h.slack.postMessage({ user: people.ops, channel: first.channel.id, text: 'sentinel quorum lost on eu-west' });
    await command(first.channel, 'resolve');
    await eventually(() => defined(uploadedDraft()));
    await declareIncident(h, { title: 'Payments latency' });

    await h.slack.runSlashCommand({ user: people.bystander, channel: h.general, command: '/incident', text: 'search sentinel quorum' });
    const found = await eventually(() => defined(ephemeralsFor(h, people.bystander).find((e) => e.text.includes('match'))));
    expect(JSON.stringify(found.blocks)).toContain('Redis cluster failover storm');
    expect(JSON.stringify(found.blocks)).toContain('postmortem');
    expect(JSON.stringify(found.blocks)).not.toContain('Payments latency');

    const third = await declareIncident(h, { title: 'Redis failover again' });
    join(third.channel);
    const suggestion = await eventually(() => defined(botMessages(h, third.channel.id).find((m) => m.text.startsWith('Similar past incidents'))));
    expect(JSON.stringify(suggestion.blocks)).toContain('INC-1');
    expect(JSON.stringify(suggestion.blocks)).not.toContain('INC-2');
  });
});
