/** Claims the README makes that no other test walked through end to end: each one here, through the emulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { defined, eventually } from '../support/eventually.js';
import type { Conversation, Message } from 'slack-emulator';
import { botMessages, declareIncident, ephemeralsFor, readable } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';
import { jobKeys } from '../../src/app/job-keys.js';

const group = { id: 'S0ONCALLGR', handle: 'payments-oncall', members: ['U0GROUPAA1', 'U0GROUPBB2'] } as const;
const executives = 'C0EXECSDIG';

/** A policy whose first level is a user group; the digest goes to an executives channel on weekdays at 09:00. */
const groupConfigYaml = `
timezone: Europe/London
channels: { executives: ${executives} }
services:
  - { id: payments, name: Payments API, tier: 1, escalation_policy: group-first }
escalation_policies:
  - id: group-first
    levels:
      - { targets: ["usergroup:${group.id}"], after: 5m }
severities:
  - { id: SEV1, page: true, update_every: off }
digest: { cron: "0 9 * * 1-5", timezone: Europe/London }
`;

let h: Harness;
let clock: FixedClock;
afterEach(() => h.close());

const start = async (configYaml: string) => {
  // Thursday 2026-11-26 09:00 UTC: the next weekday digest is Friday 09:00 London.
  clock = fixedClock();
  h = await startHarness({ configYaml, clock });
  for (const [name, id] of Object.entries(oncall)) h.slack.addUser({ id, name });
  group.members.forEach((id, index) => h.slack.addUser({ id, name: `groupie${index + 1}` }));
  h.slack.addUserGroup({ id: group.id, handle: group.handle, users: [...group.members] });
  h.slack.addChannel({ id: executives, name: 'executives' });
};
const advance = async (ms: number) => {
  clock.advance(ms);
  await h.bot.scheduler.tick();
};
const command = (channel: Conversation | string, text: string, user: string = people.commander) =>
  h.slack.runSlashCommand({ user, channel: typeof channel === 'string' ? channel : channel.id, command: '/incident', text });
const pagesTo = (user: string): Message[] => botMessages(h, h.slack.workspace.dmWith(user).id).filter((m) => m.text.includes('You are paged'));

describe('README: paging', () => {
  it('a direct /incident page @person is re-paged twice, 5 minutes apart, and then no more', async () => {
    await start(pagingConfigYaml());
    const { channel } = await declareIncident(h, { title: 'Queue stuck', severity: 'SEV3' });
    await command(channel, `page <@${oncall.secondary}|sec>`);
    const incidentId = h.bot.deps.incidents.findByChannel(channel.id)!.id;
    /** The page's next re-page, once the bot has scheduled it (it does so just after sending the DM). */
    const nextRepage = (after: number) =>
      eventually(() => {
        const escalation = defined(h.bot.deps.escalations.listForIncident(incidentId)[0]);
        const job = defined(h.bot.deps.jobs.pending(jobKeys.escalate(escalation.id)));
        expect(job.dueAt).toBeGreaterThan(after);
        return job.dueAt;
      });
    const paged = clock.now();
    await eventually(() => expect(pagesTo(oncall.secondary)).toHaveLength(1));
    expect(await nextRepage(paged)).toBe(paged + 5 * 60_000);
    await advance(5 * 60_000 - 1);
    expect(pagesTo(oncall.secondary)).toHaveLength(1);
    await advance(1);
    await eventually(() => expect(pagesTo(oncall.secondary)).toHaveLength(2));
    expect(await nextRepage(clock.now())).toBe(clock.now() + 5 * 60_000);
    await advance(5 * 60_000);
    await eventually(() => expect(pagesTo(oncall.secondary)).toHaveLength(3));
    await nextRepage(clock.now());
    await advance(30 * 60_000);
    await eventually(() => expect(h.bot.deps.escalations.listForIncident(incidentId)[0]?.status).toBe('exhausted'));
    expect(pagesTo(oncall.secondary)).toHaveLength(3);
  });

  it('a policy level that names a user group pages each of its members (usergroups.users.list)', async () => {
    await start(groupConfigYaml);
    const { channel } = await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    for (const member of group.members) await eventually(() => expect(pagesTo(member)).toHaveLength(1));
    expect(h.slack.callsTo('usergroups.users.list').map((call) => call.args.usergroup)).toContain(group.id);
    const paged = h.bot.deps.timeline.list(h.bot.deps.incidents.findByChannel(channel.id)!.id).find((entry) => entry.kind === 'paged');
    // The timeline names the group; its members are looked up when the page goes out (Slack's list of the moment).
    expect(paged?.data.usergroups).toEqual([group.id]);
  });
});

describe('README: the digest', () => {
  it('reports the time to acknowledge and counts overdue follow-ups', async () => {
    await start(groupConfigYaml);
    const { channel } = await declareIncident(h, { title: 'Payments down', severity: 'SEV1', services: ['payments'] });
    const [first] = group.members;
    const page = await eventually(() => defined(pagesTo(first)[0]));
    clock.advance(3 * 60_000);
    await h.slack.clickButton({ user: first, channel: h.slack.workspace.dmWith(first).id, messageTs: page.ts, actionId: actionIds.acknowledgePage });
    await eventually(() => expect(h.bot.deps.escalations.listForIncident(h.bot.deps.incidents.findByChannel(channel.id)!.id)[0]?.status).toBe('acknowledged'));
    // Due at 17:00 London today: overdue by the time of tomorrow's 09:00 digest. The other is not due yet.
    await command(channel, `followup Add a saturation alert <@${people.ops}|dave> 2026-11-26`);
    await command(channel, `followup Write the runbook <@${people.ops}|dave> 2026-12-10`);
    await eventually(() => expect(h.bot.deps.followUps.listOpen()).toHaveLength(2));

    const digestJob = defined(h.bot.deps.jobs.pending('digest'));
    expect(new Date(digestJob.dueAt).toISOString()).toBe('2026-11-27T09:00:00.000Z');
    clock.set(digestJob.dueAt);
    await h.bot.scheduler.tick();
    const digest = await eventually(() => readable(defined(botMessages(h, executives).find((m) => m.text.startsWith('Incident digest')))));
    expect(digest).toContain('Time to acknowledge:* median 3m, worst 3m (1)');
    expect(digest).toContain('Overdue follow-ups:* 1');
  });
});

describe('README: follow-ups', () => {
  it("the owner's reminder is sent by the follow-up's own job when it falls due, with a Mark done button", async () => {
    await start(pagingConfigYaml());
    const { channel } = await declareIncident(h, { title: 'Cert expiry', severity: 'SEV3' });
    await command(channel, `followup Automate cert rotation <@${people.ops}|dave> 2026-11-27`);
    const followUp = await eventually(() => defined(h.bot.deps.followUps.listOpen()[0]));
    expect(new Date(followUp.dueAt!).toISOString()).toBe('2026-11-27T17:00:00.000Z');
    const reminders = () => botMessages(h, h.slack.workspace.dmWith(people.ops).id).filter((m) => m.text.startsWith('Follow-up due'));

    clock.set(followUp.dueAt! - 1);
    await h.bot.scheduler.tick();
    expect(reminders()).toHaveLength(0);
    await advance(1);
    const reminder = await eventually(() => defined(reminders()[0]));
    expect(readable(reminder)).toContain('Automate cert rotation');
    expect(readable(reminder)).toContain(actionIds.completeFollowUp);
    expect(h.bot.deps.jobs.pending(`follow_up_due:${followUp.id}`)).toBeUndefined();
    await advance(24 * 60 * 60_000);
    expect(reminders()).toHaveLength(1);
  });
});

describe('README: private incidents', () => {
  it('never appear in search or in the suggestions of similar incidents, not even to their own members', async () => {
    await start(pagingConfigYaml());
    const secret = await declareIncident(h, { title: 'Redis credentials leaked', severity: 'SEV3', private: true });
    await h.slack.postMessage({ user: people.commander, channel: secret.channel.id, text: 'rotated the sentinel password' });
    await eventually(() => expect(h.bot.deps.timeline.list(h.bot.deps.incidents.findByChannel(secret.channel.id)!.id).some((e) => e.kind === 'message')).toBe(true));
    clock.advance(60_000);
    const open = await declareIncident(h, { title: 'Redis latency', severity: 'SEV3' });
    await command(open.channel, 'resolve');

    for (const [user, words] of [[people.bystander, 'redis'], [people.commander, 'sentinel password'], [people.reporter, 'credentials']] as const) {
      const before = ephemeralsFor(h, user).length;
      await command(h.general, `search ${words}`, user);
      const answer = await eventually(() => readable(defined(ephemeralsFor(h, user)[before])));
      expect(answer).not.toContain('credentials leaked');
      expect(answer).not.toContain('INC-1 ');
    }

    clock.advance(60_000); // suggestions come from incidents declared before
    const again = await declareIncident(h, { title: 'Redis credentials again', severity: 'SEV3' });
    const suggestion = defined(botMessages(h, again.channel.id).find((m) => m.text.startsWith('Similar past incidents')));
    expect(readable(suggestion)).toContain('INC-2');
    expect(readable(suggestion)).not.toContain('INC-1');
  });
});
