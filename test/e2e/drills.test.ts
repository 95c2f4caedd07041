import { afterEach, describe, expect, it } from 'vitest';
import { announcementsChannel, people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock } from '../support/clock.js';
import { defined, eventually } from '../support/eventually.js';
import { botMessages, declareIncident, ephemeralsFor, readable } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';

let h: Harness;
afterEach(() => h.close());

describe('drills', () => {
  it('run a marked practice incident whose escalation runs at the configured speed-up, left out of public outputs and metrics', async () => {
    const clock = fixedClock();
    h = await startHarness({ configYaml: `${pagingConfigYaml({ after: '5m' })}drills: { speedup: 60 }\n`, clock });
    for (const [name, id] of Object.entries(oncall)) h.slack.addUser({ id, name });

    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'drill payments' });
    const told = await eventually(() => defined(ephemeralsFor(h, people.reporter).find((e) => e.text.includes('Drill INC-1 started'))));
    expect(told.text).toContain('60× faster');
    const channel = defined([...h.slack.workspace.conversations.values()].find((c) => c.name.startsWith('drill-1-')));
    const incident = h.bot.deps.incidents.findByChannel(channel.id)!;
    expect(incident.isDrill).toBe(true);
    expect(channel.topic.value).toMatch(/^DRILL · SEV1/);
    const card = h.slack.workspace.message(channel.id, defined(h.slack.workspace.pinsIn(channel.id)[0]).ts);
    expect(readable(card)).toContain('This is a drill');
    expect(readable(botMessages(h, announcementsChannel)[0])).toContain('DRILL');

    const pages = (user: string) => botMessages(h, h.slack.workspace.dmWith(user).id).filter((m) => m.text.includes('DRILL · You are paged'));
    const primaryPaged = await eventually(() => {
      const count = pages(oncall.primary).length + pages(oncall.secondary).length;
      expect(count).toBe(1);
      return count;
    });
    expect(primaryPaged).toBe(1);
    // Level 1 waits 5 minutes in a real incident; in a 60× drill, 5 seconds.
    clock.advance(4_999);
    await h.bot.scheduler.tick();
    expect(pages(oncall.manager)).toHaveLength(0);
    clock.advance(1);
    await h.bot.scheduler.tick();
    expect(pages(oncall.manager)).toHaveLength(1);

    clock.advance(10_000);
    const status = await (await fetch(`${h.bot.url}/api/v2/incidents.json`)).json();
    expect(status.incidents).toEqual([]);
    expect((await (await fetch(`${h.bot.url}/status`)).text())).not.toContain('Card payments failing');
  });

  it('names the scenarios when asked for one that does not exist', async () => {
    h = await startHarness();
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'drill volcano' });
    await eventually(() => expect(ephemeralsFor(h, people.reporter).at(-1)?.text).toContain('No drill `volcano`. Scenarios: `payments`, `search`, `database`'));
  });

  it('stop reminding after drills.max_reminders, and a forgotten drill ends itself after drills.expire_after', async () => {
    const clock = fixedClock();
    h = await startHarness({ configYaml: 'drills: { speedup: 60, max_reminders: 2, expire_after: 30m }\n', clock });
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'drill payments' });
    const channel = await eventually(() => defined([...h.slack.workspace.conversations.values()].find((c) => c.name.startsWith('drill-1-'))));
    const incident = () => h.bot.deps.incidents.findByChannel(channel.id)!;
    await eventually(() => defined(ephemeralsFor(h, people.reporter).find((e) => e.text.includes('Drill INC-1 started'))));
    const overdue = () => botMessages(h, channel.id).filter((m) => m.text.includes('Status update overdue'));
    const dueDms = () => botMessages(h, h.slack.workspace.dmWith(people.reporter).id).filter((m) => m.text.startsWith('Status update due'));
    const stopped = () => botMessages(h, channel.id).filter((m) => m.text.includes('no more will come'));

    // A SEV1 drill at 60×: an update is due every 15 s, overdue 10 s later. 25 drill minutes pass
    // (25 hours of a real incident's reminders) and nobody posts an update.
    for (let second = 0; second < 25 * 60; second += 5) {
      clock.advance(5_000);
      await h.bot.scheduler.tick();
    }
    expect(dueDms()).toHaveLength(1);
    expect(overdue()).toHaveLength(1);
    expect(stopped()).toHaveLength(1);
    expect(stopped()[0]!.text).toContain('This drill has had 2 reminders; no more will come');
    expect(h.bot.deps.timeline.list(incident().id).filter((entry) => entry.kind === 'reminder')).toHaveLength(3);
    expect(h.bot.deps.jobs.pending(`update_due:${incident().id}`)).toBeUndefined();
    expect(h.bot.deps.jobs.pending(`update_overdue:${incident().id}`)).toBeUndefined();
    expect(incident().status).toBe('investigating');

    // expire_after is real time: 30 minutes after the declaration, the next housekeeping run ends it.
    for (let minute = 25; minute < 36; minute += 1) {
      clock.advance(60_000);
      await h.bot.scheduler.tick();
    }
    expect(incident().status).toBe('cancelled');
    const ended = h.bot.deps.timeline.list(incident().id).find((entry) => entry.kind === 'status_changed' && entry.data.to === 'cancelled');
    expect(ended?.text).toBe('drill expired');
    expect(ended!.at - incident().declaredAt).toBeGreaterThanOrEqual(30 * 60_000);
    expect(ended!.at - incident().declaredAt).toBeLessThanOrEqual(35 * 60_000);
    expect(botMessages(h, channel.id).filter((m) => m.text.includes('it has ended (cancelled: drill expired)'))).toHaveLength(1);
    const messagesWhenEnded = botMessages(h, channel.id).length;
    clock.advance(86_400_000);
    await h.bot.scheduler.tick();
    expect(botMessages(h, channel.id)).toHaveLength(messagesWhenEnded);
    expect(dueDms()).toHaveLength(1);
  });

  it('leave real incidents\' reminders unlimited and never expire them', async () => {
    const clock = fixedClock();
    h = await startHarness({ configYaml: 'drills: { speedup: 60, max_reminders: 1, expire_after: 10m }\n', clock });
    const { channel } = await declareIncident(h, { title: 'Search slow', severity: 'SEV3' });
    const incident = h.bot.deps.incidents.findByChannel(channel.id)!;
    await eventually(() => expect(h.bot.deps.jobs.pending(`update_due:${incident.id}`)).toBeDefined());
    for (let minute = 0; minute < 4 * 60; minute += 5) {
      clock.advance(5 * 60_000);
      await h.bot.scheduler.tick();
    }
    expect(h.bot.deps.incidents.findById(incident.id)!.status).toBe('investigating');
    // SEV3: an update is due every hour and overdue 10 minutes later; four hours without one.
    expect(botMessages(h, channel.id).filter((m) => m.text.includes('Status update overdue'))).toHaveLength(3);
  });
});
