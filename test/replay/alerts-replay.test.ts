import { describe, expect, it } from 'vitest';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { parseReplayLine, replayAlerts } from '../../src/replay/alerts-replay.js';
import { alertsConfigYaml, alertTeams } from '../support/alerts-config.js';
import { apiDeliveries, generateStorm } from '../support/alert-storm.js';

describe('alerts:replay', () => {
  it('replays a recorded storm through the pipeline and reports the pages and messages it would send, sending nothing', async () => {
    const storm = generateStorm();
    const window = `{ id: chg, services: [db], starts_at: "${new Date(storm.maintenance.startsAt).toISOString()}", ends_at: "${new Date(storm.maintenance.endsAt).toISOString()}" }`;
    const config = parseIncidentConfig(alertsConfigYaml({ alertsExtra: `  maintenance_windows: [${window}]` }));
    // Only the last half hour, every alert once: the buried payments incident is in it.
    const deliveries = apiDeliveries(storm).filter((delivery) => delivery.at >= storm.startsAt + 95 * 60_000);
    const lines = deliveries.flatMap((delivery) => delivery.alerts.map((alert) => ({ offsetMs: delivery.at - storm.startsAt, alert })));
    const result = await replayAlerts(config, lines, { origin: storm.startsAt });
    const pages = result.events.filter((event) => event.kind === 'page').map((event) => event.text);
    expect(pages).toEqual([expect.stringContaining(`${alertTeams.payments.user}: payments · PaymentAuthorizationFailureRate`)]);
    expect(result.received).toBe(lines.length);
    expect((result.messages + result.pages) * 100).toBeLessThan(result.received);
  }, 300_000);

  it('shows the incident a policy would declare by itself, paged once', async () => {
    const config = parseIncidentConfig(alertsConfigYaml({ autoDeclare: { payments: '{ critical: SEV1 }' } }));
    const alert = { labels: { alertname: 'PaymentsDown', service: 'payments', severity: 'critical', instance: 'pay-1' }, annotations: { summary: 'Card payments fail' } };
    const origin = Date.UTC(2026, 11, 1, 9, 0);
    const result = await replayAlerts(config, [0, 30_000, 60_000].map((offsetMs) => ({ offsetMs, alert })), { origin });
    expect(result.events.filter((event) => event.kind === 'declare').map((event) => event.text)).toEqual(['#inc-1']);
    expect(result.pages).toBe(1);
  }, 60_000);

  it.each([
    ['{"labels":{}}', 'line 3: offset_ms must be a number of milliseconds, 0 or more'],
    ['[1]', 'line 3: must be a JSON object'],
    ['{oops', 'line 3: not JSON'],
  ])('refuses the line %s with where and why', (text, message) => {
    expect(() => parseReplayLine(text, 3)).toThrow(message);
  });
});
