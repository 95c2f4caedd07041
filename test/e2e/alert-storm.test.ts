import { describe, expect, it } from 'vitest';
import { alertTeams, alertTokens } from '../support/alerts-config.js';
import { apiDeliveries, countEpisodes, generateStorm } from '../support/alert-storm.js';
import { chunks, notifications, pagesTo, postJson, replay, stormHarnessPerTest } from '../support/alert-replay.js';

// The same storm through the other four formats: alert-storm-formats.test.ts (its own file, so both run side by side).
const storm = generateStorm();
const start = stormHarnessPerTest(storm);

describe('an alert storm during a database maintenance', () => {
  it('through POST /api/v2/alerts: 99% fewer notifications than alerts, the three incidents paged, the buried one within 5 s, nothing the maintenance explains paged', async () => {
    const { harness, clock } = await start();
    const url = harness.bot.url!;
    const window = storm.maintenance;
    const created = await fetch(`${url}/api/maintenance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alertTokens.INCIDENT_API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: window.id, title: window.title, services: window.services, starts_at: new Date(window.startsAt).toISOString(), ends_at: new Date(window.endsAt).toISOString(), public: false }),
    });
    expect(created.status).toBe(201);

    const deliveries = apiDeliveries(storm);
    const record = await replay(
      harness,
      clock,
      storm,
      deliveries.map((delivery) => ({
        at: delivery.at,
        deliver: async () => {
          for (const batch of chunks(delivery.alerts, 256)) await postJson(`${url}/api/v2/alerts`, batch, alertTokens.PROMETHEUS_ALERTS_TOKEN);
        },
        carries: (alertname) => delivery.alerts.some((alert) => alert.labels.alertname === alertname),
      })),
      30_000,
    );

    const alerts = new Set(storm.alerts.map((alert) => alert.fingerprint)).size;
    const sent = notifications(harness);
    const deliveredAlerts = deliveries.reduce((sum, delivery) => sum + delivery.alerts.length, 0);
    console.info(`storm: ${alerts} alerts (${countEpisodes(storm)} firing episodes, ${deliveredAlerts} deliveries); ${sent.length} Slack notifications`);
    expect(alerts).toBeGreaterThanOrEqual(2000);
    expect(harness.bot.deps.alerts.count()).toBe(alerts);
    expect(sent.length * 100).toBeLessThanOrEqual(alerts);

    for (const incident of storm.incidents) {
      const user = alertTeams[incident.team as keyof typeof alertTeams].user;
      const pages = pagesTo(harness, user);
      expect(pages, incident.alertname).toHaveLength(1);
      expect(pages[0]!.text).toContain(`${incident.service} · ${incident.alertname}`);
      const arrived = record.arrivals.get(incident.alertname)!;
      expect(record.pagedAt.get(incident.alertname)! - arrived, incident.alertname).toBeLessThanOrEqual(5_000);
    }
    // Nothing the maintenance explains paged anyone: not the database, not the timeouts that name it.
    for (const team of ['dba', 'checkout', 'platform'] as const) expect(pagesTo(harness, alertTeams[team].user), team).toHaveLength(0);
    // The owning team heard once, at the end, what was held.
    const summary = harness.slack.workspace.history(alertTeams.dba.channel);
    expect(summary.map((message) => message.text)).toEqual([expect.stringContaining('Maintenance *MySQL primary upgrade* ended')]);
  }, 300_000);
});
