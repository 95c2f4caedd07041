import { describe, expect, it } from 'vitest';
import { holdSummaryKey } from '../../../src/app/alerts/apply-sighting.js';
import { receiveAlerts } from '../../../src/app/alerts/receive-alerts.js';
import type { OutboundMessage } from '../../../src/app/outbound.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml, alertTeams } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

// A change-management tool names the window; monitoring names the alerts: neither may ping a channel.
const window = `{ id: chg-9, title: "Patch night <!channel>", services: [db], starts_at: "2026-11-28T22:00:00Z", ends_at: "2026-11-28T23:00:00Z" }`;

describe('the summary when a maintenance window ends', () => {
  it('names what was held, as written, without a live @channel or @here', async () => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 22, 30));
    const world = useCaseWorld({ configYaml: alertsConfigYaml({ alertsExtra: `  maintenance_windows: [${window}]` }), clock });
    const labels = { alertname: 'Replication<!here>Lag', service: 'db', severity: 'warning' };
    receiveAlerts(world.deps, { sourceId: 'prometheus', alerts: [{ fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: 0, endsAt: null, generatorUrl: null }] });
    expect(world.deps.jobs.pending(holdSummaryKey('chg-9'))?.dueAt).toBe(Date.UTC(2026, 10, 28, 23, 0));
    await world.advance(30 * 60_000);

    const lines = world.callsTo('post').filter(([channel]) => channel === alertTeams.dba.channel).map((args) => (args[1] as OutboundMessage & { kind: 'line' }).text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Maintenance *Patch night @channel* ended. It held 1 alert(s)');
    expect(lines[0]).toContain('Most held: db · Replication@hereLag ×1');
    expect(lines[0]).not.toContain('<!');
    world.close();
  });

  it('is posted to each owning team on its own: a post Slack fails is retried alone, saying what was true when the window ended', async () => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 22, 30));
    const twoTeams = `{ id: chg-10, title: "Index rebuild", services: [db, search], starts_at: "2026-11-28T22:00:00Z", ends_at: "2026-11-28T23:00:00Z" }`;
    let failures = 1;
    const world = useCaseWorld({
      configYaml: alertsConfigYaml({ alertsExtra: `  maintenance_windows: [${twoTeams}]` }),
      clock,
      notifier: {
        post: (channel: string) => {
          if (channel === alertTeams.dba.channel && failures-- > 0) throw new Error('Slack answered 500');
          return '1700000000.000100';
        },
      },
    });
    const labels = { alertname: 'ReplicationLag', service: 'db', severity: 'warning' };
    receiveAlerts(world.deps, { sourceId: 'prometheus', alerts: [{ fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: 0, endsAt: null, generatorUrl: null }] });
    const linesTo = (channel: string) => world.callsTo('post').filter(([to]) => to === channel).map((args) => (args[1] as OutboundMessage & { kind: 'line' }).text);

    await world.advance(30 * 60_000);
    expect(linesTo(alertTeams.search.channel)).toEqual([expect.stringContaining('1 still firing')]);
    expect(linesTo(alertTeams.dba.channel)).toHaveLength(1);
    await world.advance(60_000);
    expect(linesTo(alertTeams.dba.channel)).toEqual([expect.stringContaining('1 still firing'), expect.stringContaining('1 still firing')]);
    expect(linesTo(alertTeams.search.channel)).toHaveLength(1);
    world.close();
  });
});
