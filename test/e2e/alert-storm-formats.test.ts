import { describe, expect, it } from 'vitest';
import { alertTeams } from '../support/alerts-config.js';
import { changeSteps, generateStorm } from '../support/alert-storm.js';
import { formatRequests } from '../support/alert-formats.js';
import { chunks, notifications, pagesTo, postJson, replay, stormHarnessPerTest } from '../support/alert-replay.js';

// The storm of alert-storm.test.ts, through each of the other four formats.
const storm = generateStorm();
const start = stormHarnessPerTest(storm);

describe('an alert storm during a database maintenance, through the other formats', () => {
  it.each(['alertmanager', 'grafana', 'pagerduty', 'generic'] as const)('through the %s format: the same three incidents paged, and nothing else', async (format) => {
    const { harness, clock } = await start();
    const url = harness.bot.url!;
    // This time the window comes from /incident maintenance's store, as the status page's windows do.
    const window = storm.maintenance;
    harness.bot.deps.maintenances.create({ title: window.title, message: window.title, services: window.services, startsAt: window.startsAt, endsAt: window.endsAt, createdBy: 'U0DBAONCAL', createdAt: clock.now() });
    const steps = changeSteps(storm);
    await replay(
      harness,
      clock,
      storm,
      steps.map((step) => ({
        at: step.at,
        deliver: async () => {
          const requests = formatRequests[format](step.events);
          // Senders that speak one event per request send several at once.
          for (const group of chunks(requests, 32)) await Promise.all(group.map((request) => postJson(`${url}${request.path}`, request.body, request.token)));
        },
        carries: (alertname) => step.events.some((event) => event.alert.labels.alertname === alertname && event.status === 'firing'),
      })),
      30_000,
    );
    for (const incident of storm.incidents) {
      const pages = pagesTo(harness, alertTeams[incident.team as keyof typeof alertTeams].user);
      expect(pages, incident.alertname).toHaveLength(1);
      expect(pages[0]!.text).toContain(`${incident.service} · ${incident.alertname}`);
    }
    for (const team of ['dba', 'checkout', 'platform'] as const) expect(pagesTo(harness, alertTeams[team].user), team).toHaveLength(0);
    const alerts = new Set(storm.alerts.map((alert) => alert.fingerprint)).size;
    expect(notifications(harness).length * 100).toBeLessThanOrEqual(alerts);
  }, 300_000);
});
