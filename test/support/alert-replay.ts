import { afterEach, expect } from 'vitest';
import { startHarness, type Harness } from './bot-harness.js';
import { fixedClock, type FixedClock } from './clock.js';
import { eventually } from './eventually.js';
import { addAlertWorkspace, alertsConfigYaml, alertTeams, alertTokens } from './alerts-config.js';
import type { Storm } from './alert-storm.js';

/**
 * For a storm test file: `start()` starts the bot with the storm's teams, on a clock a minute before
 * the storm; each test's bot is closed after it.
 */
export const stormHarnessPerTest = (storm: Storm) => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async () => {
    const clock = fixedClock(storm.startsAt - 60_000);
    harness = await startHarness({ clock, configYaml: alertsConfigYaml(), env: { ...alertTokens } });
    addAlertWorkspace(harness.slack);
    return { harness, clock };
  };
};

/** Folds what was accepted and runs every job due now, however many ticks that takes. */
export const drainJobs = (harness: Harness): Promise<void> => harness.bot.idle();

export const pagesTo = (harness: Harness, userId: string) =>
  harness.slack.workspace.history(harness.slack.workspace.dmWith(userId).id).filter((message) => message.text.includes('You are paged'));

/** Waits until `userId` has been paged, and checks it was exactly once: that page. */
export const onePageTo = async (harness: Harness, userId: string) =>
  (
    await eventually(() => {
      const found = pagesTo(harness, userId);
      expect(found).toHaveLength(1);
      return found;
    }, 30_000)
  )[0]!;

/** Slack notifications: every new message the bot posted (pages are DMs); edits are not counted. */
export const notifications = (harness: Harness) => harness.slack.callsTo('chat.postMessage').filter((call) => call.ok);

export interface ReplayRecord {
  /** When each incident's alert was first delivered and when its page was first seen (clock ms). */
  arrivals: Map<string, number>;
  pagedAt: Map<string, number>;
}

/**
 * Steps the injected clock through the storm: deliver what is due at each step, run the jobs due,
 * then let group_wait pass and run those too. Records when each incident arrived and was paged.
 */
export const replay = async (
  harness: Harness,
  clock: FixedClock,
  storm: Storm,
  steps: { at: number; deliver: () => Promise<void>; carries: (alertname: string) => boolean }[],
  groupWaitMs: number,
): Promise<ReplayRecord> => {
  const record: ReplayRecord = { arrivals: new Map(), pagedAt: new Map() };
  const lookForPages = () => {
    for (const incident of storm.incidents) {
      if (record.pagedAt.has(incident.alertname)) continue;
      const subject = `${incident.service} · ${incident.alertname}`;
      if (pagesTo(harness, alertTeams[incident.team as keyof typeof alertTeams].user).some((page) => page.text.includes(subject))) {
        record.pagedAt.set(incident.alertname, clock.now());
      }
    }
  };
  for (const step of steps) {
    clock.set(step.at);
    await drainJobs(harness);
    await step.deliver();
    for (const incident of storm.incidents) {
      if (!record.arrivals.has(incident.alertname) && step.carries(incident.alertname)) record.arrivals.set(incident.alertname, step.at);
    }
    // A page is a job due the moment its alert is stored: one second on, it must be out.
    clock.set(step.at + 1_000);
    await drainJobs(harness);
    lookForPages();
    clock.set(step.at + groupWaitMs);
    await drainJobs(harness);
    lookForPages();
  }
  // The window closes: what it held is summarised.
  clock.set(storm.maintenance.endsAt + 1_000);
  await drainJobs(harness);
  lookForPages();
  return record;
};

export const postJson = async (url: string, body: unknown, token?: string): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  await response.arrayBuffer();
};

export const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
