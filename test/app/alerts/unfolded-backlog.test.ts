import { describe, expect, it } from 'vitest';
import { acceptAlertBatches, incomingBatch } from '../../../src/app/alerts/accept-alerts.js';
import { heartbeatJobKey } from '../../../src/app/alerts/apply-sighting.js';
import { foldWholeInbox } from '../../../src/app/alerts/fold-alert-inbox.js';
import { receiveAlerts } from '../../../src/app/alerts/receive-alerts.js';
import { createSilence } from '../../../src/app/alerts/silence-alerts.js';
import type { OutboundMessage } from '../../../src/app/outbound.js';
import type { IncomingAlert } from '../../../src/domain/alerts/alert.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml, alertTeams } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

const minute = 60_000;

const sighting = (labels: Record<string, string>): IncomingAlert => ({ fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: 0, endsAt: null, generatorUrl: null });
const heartbeat = sighting({ alertname: 'Watchdog', severity: 'none' });
const disk = sighting({ alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: 'log-1' });

/** A world where `alert` was folded at the start; then, 10 s before `dueInMinutes`, sent again but only accepted (a backlog). */
const sentAgainUnfolded = async (alert: IncomingAlert, dueInMinutes: number) => {
  const clock = fixedClock(Date.UTC(2026, 10, 28, 10, 0));
  const world = useCaseWorld({ configYaml: alertsConfigYaml(), clock });
  receiveAlerts(world.deps, { sourceId: 'prometheus', alerts: [alert] });
  await world.advance(dueInMinutes * minute - 10_000);
  acceptAlertBatches(world.deps, [incomingBatch('prometheus', [alert])]);
  return world;
};

describe('absence is judged on what has been folded', () => {
  it('a heartbeat accepted before its deadline but not folded yet pages nobody; folded, it moves the deadline', async () => {
    const world = await sentAgainUnfolded(heartbeat, 10);
    await world.advance(20_000);
    expect(world.callsTo('sendDm')).toEqual([]);
    // The job looks again a second later.
    expect(world.deps.jobs.pending(heartbeatJobKey)?.dueAt).toBe(world.clock.now() + 1_000);
    foldWholeInbox(world.deps);
    expect(world.deps.jobs.pending(heartbeatJobKey)?.dueAt).toBe(world.clock.now() - 20_000 + 10 * minute);
    await world.advance(5 * minute);
    expect(world.callsTo('sendDm')).toEqual([]);
    world.close();
  });

  it('pages all the same when folding stays stuck for a minute past the deadline', async () => {
    const world = await sentAgainUnfolded(heartbeat, 10);
    for (let second = 0; second < 60; second += 1) await world.advance(1_000);
    expect(world.callsTo('sendDm')).toEqual([]);
    for (let second = 0; second < 15; second += 1) await world.advance(1_000);
    expect(world.callsTo('sendDm').length).toBeGreaterThan(0);
    world.close();
  });

  it('an alert resent before its resolve_timeout but not folded yet stays firing; folded, it goes on firing', async () => {
    const world = await sentAgainUnfolded(disk, 5);
    await world.advance(20_000);
    expect(world.deps.alerts.find(disk.fingerprint)?.status).toBe('firing');
    foldWholeInbox(world.deps);
    await world.advance(2 * minute);
    expect(world.deps.alerts.find(disk.fingerprint)?.status).toBe('firing');
    world.close();
  });

  it('an alert whose resend stays unfolded resolves all the same a minute late', async () => {
    const world = await sentAgainUnfolded(disk, 5);
    // Due at 5 min: still firing 50 s later, resolved a minute after its time.
    for (let second = 0; second < 60; second += 1) await world.advance(1_000);
    expect(world.deps.alerts.find(disk.fingerprint)?.status).toBe('firing');
    for (let second = 0; second < 15; second += 1) await world.advance(1_000);
    expect(world.deps.alerts.find(disk.fingerprint)?.status).toBe('resolved');
    world.close();
  });

  /**
   * A critical of the platform team held from 10:00 to 10:10 (`hold` sets that up), resolved by its
   * sender at 10:09:50 but only accepted, not folded, when the hold ends: once it is folded, the end
   * finds nothing still firing, and nobody is paged.
   */
  const resolvedBeforeTheEnd = async (configYaml: string, hold: (world: ReturnType<typeof useCaseWorld>) => void) => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 10, 0));
    const world = useCaseWorld({ configYaml, clock });
    hold(world);
    // Sent with an end an hour away, as Prometheus does, so that it does not time out meanwhile.
    const down = { ...sighting({ alertname: 'LogPipelineDown', service: 'log-pipeline', severity: 'critical' }), endsAt: clock.now() + 60 * minute };
    receiveAlerts(world.deps, { sourceId: 'prometheus', alerts: [down] });
    await world.advance(10 * minute - 10_000);
    acceptAlertBatches(world.deps, [incomingBatch('prometheus', [{ ...down, endsAt: clock.now() }])]);
    await world.advance(20_000);
    expect(world.deps.alerts.find(down.fingerprint)?.status).toBe('firing');
    foldWholeInbox(world.deps);
    await world.advance(1_000);
    expect(world.deps.alerts.find(down.fingerprint)?.status).toBe('resolved');
    expect(world.callsTo('sendDm')).toEqual([]);
    return world;
  };

  it('a silence that runs out waits for a resolve accepted before its end: nothing is released to page', async () => {
    const world = await resolvedBeforeTheEnd(alertsConfigYaml(), (each) =>
      createSilence(each.deps, { matchers: [{ name: 'service', op: '=', value: 'log-pipeline' }], reason: 'pipeline rebuild', durationMs: 10 * minute, createdBy: 'U0PLATFORM', holdsPages: true }),
    );
    world.close();
  });

  it('a maintenance window that ends waits for a resolve accepted before its end: the summary says nothing still fires', async () => {
    const window = '{ id: chg-7, title: "Pipeline upgrade", services: [log-pipeline], starts_at: "2026-11-28T10:00:00Z", ends_at: "2026-11-28T10:10:00Z" }';
    const world = await resolvedBeforeTheEnd(alertsConfigYaml({ alertsExtra: `  maintenance_windows: [${window}]` }), () => undefined);
    const lines = world.callsTo('post').filter(([channel]) => channel === alertTeams.platform.channel).map((args) => (args[1] as OutboundMessage & { kind: 'line' }).text);
    expect(lines).toEqual([expect.stringContaining('0 still firing')]);
    world.close();
  });
});
