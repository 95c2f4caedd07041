import { afterEach, describe, expect, it } from 'vitest';
import { announcementsChannel, people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock } from '../support/clock.js';
import { defined, eventually } from '../support/eventually.js';
import { botMessages, ephemeralsFor, readable } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';

let h: Harness;
afterEach(() => h.close());

describe('drills', () => {
  it('run a marked practice incident whose escalation runs at the configured speed-up, left out of public outputs and metrics', async () => {
    const clock = fixedClock(Date.now());
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
});
