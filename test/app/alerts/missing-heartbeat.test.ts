import { describe, expect, it } from 'vitest';
import { heartbeatJobKey } from '../../../src/app/alerts/apply-sighting.js';
import { receiveAlerts } from '../../../src/app/alerts/receive-alerts.js';
import { reportMissingHeartbeat } from '../../../src/app/alerts/report-missing-heartbeat.js';
import type { OutboundMessage } from '../../../src/app/outbound.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml, alertTeams } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

describe('a missing heartbeat of a team with no escalation policy', () => {
  it('is said once in the team\'s alerts channel, posted again after Slack failed', async () => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 10, 0));
    const configYaml = alertsConfigYaml().replace('{ id: platform, escalation_policy: platform-oncall,', '{ id: platform,');
    let failures = 1;
    const world = useCaseWorld({
      configYaml,
      clock,
      notifier: {
        post: () => {
          if (failures-- > 0) throw new Error('Slack answered 500');
          return '1700000000.000100';
        },
      },
    });
    const labels = { alertname: 'Watchdog', severity: 'none' };
    receiveAlerts(world.deps, { sourceId: 'prometheus', alerts: [{ fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: clock.now(), endsAt: null, generatorUrl: null }] });
    const heartbeat = world.deps.jobs.pending(heartbeatJobKey)!;
    const lines = () => world.callsTo('post').filter(([channel]) => channel === alertTeams.platform.channel).map((args) => (args[1] as OutboundMessage & { kind: 'line' }).text);

    // Due 10 minutes after the heartbeat; Slack fails the line's first post.
    await world.advance(11 * 60_000);
    expect(lines()).toEqual([expect.stringContaining('No Watchdog heartbeat for 11 min')]);
    await world.advance(60_000);
    expect(lines()).toEqual([expect.stringContaining('No Watchdog heartbeat for 11 min'), expect.stringContaining('No Watchdog heartbeat for 11 min')]);
    // The heartbeat job run again (a crash before it was marked done) says nothing twice; nobody is paged.
    reportMissingHeartbeat(world.deps, heartbeat);
    await world.runDueJobs();
    expect(lines()).toHaveLength(2);
    expect(world.callsTo('sendDm')).toEqual([]);
    world.close();
  });
});
