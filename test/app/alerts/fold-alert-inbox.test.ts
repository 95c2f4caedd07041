import { describe, expect, it } from 'vitest';
import { acceptAlertBatches, incomingBatch } from '../../../src/app/alerts/accept-alerts.js';
import { foldAlertInbox, foldWholeInbox } from '../../../src/app/alerts/fold-alert-inbox.js';
import type { IncomingAlert } from '../../../src/domain/alerts/alert.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

const setUp = () => {
  const clock = fixedClock(Date.UTC(2026, 10, 28, 22, 0));
  const world = useCaseWorld({ configYaml: alertsConfigYaml(), clock });
  return { database: world, deps: world.deps, clock };
};

const alert = (instance: string, endsAt: number | null = null): IncomingAlert => {
  const labels = { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance };
  return { fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: 0, endsAt, generatorUrl: null };
};

describe('the alert inbox', () => {
  it('keeps accepted batches unfolded until the fold, then folds them in arrival order, as of their arrival', () => {
    const { database, deps, clock } = setUp();
    const firstArrival = clock.now();
    acceptAlertBatches(deps, [incomingBatch('prometheus', [alert('a'), alert('b')])]);
    clock.advance(60_000);
    // The same alert resolved a minute later, in a later request: folded after its firing.
    acceptAlertBatches(deps, [incomingBatch('prometheus', [alert('a', clock.now() - 1_000)])]);
    expect(deps.alerts.count()).toBe(0);
    expect(deps.alertInbox.oldestWaiting()).toBe(firstArrival);

    clock.advance(3_600_000);
    expect(foldAlertInbox(deps)).toBeUndefined();
    expect(deps.alertInbox.oldestWaiting()).toBeUndefined();
    expect(deps.alerts.find(alert('a').fingerprint)).toMatchObject({ status: 'resolved', receivedCount: 2, firstSeenAt: firstArrival, lastSeenAt: firstArrival + 60_000 });
    expect(deps.alerts.find(alert('b').fingerprint)).toMatchObject({ status: 'firing', receivedCount: 1, lastSeenAt: firstArrival });
    database.close();
  });

  it('folds a chunk at a time, each batch once, and says since when the rest waits', () => {
    const { database, deps, clock } = setUp();
    for (let i = 0; i < 5; i += 1) {
      acceptAlertBatches(deps, [incomingBatch('prometheus', [alert(`host-${i}-1`), alert(`host-${i}-2`)])]);
      clock.advance(1_000);
    }
    // Two batches folded (at least 3 alerts, whole batches): the third, accepted 2 s after the first, is the oldest left.
    expect(foldAlertInbox(deps, 3)).toBe(clock.now() - 3_000);
    expect(deps.alerts.count()).toBe(4);
    foldWholeInbox(deps);
    expect(deps.alerts.count()).toBe(10);
    expect(foldAlertInbox(deps)).toBeUndefined();
    expect(deps.alerts.find(alert('host-0-1').fingerprint)?.receivedCount).toBe(1);
    database.close();
  });

  it('folds batches that straddle midnight together, each counted on the day it arrived', () => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 23, 59, 59));
    const world = useCaseWorld({ configYaml: alertsConfigYaml(), clock });
    const { deps } = world;
    acceptAlertBatches(deps, [incomingBatch('prometheus', [alert('before-midnight')])]);
    clock.advance(2_000);
    acceptAlertBatches(deps, [incomingBatch('prometheus', [alert('after-midnight')])]);
    expect(foldAlertInbox(deps)).toBeUndefined();
    const received = (since: number) => deps.noise.totals('source', { since }, 5)[0]?.counts.received;
    expect(received(Date.UTC(2026, 10, 29))).toBe(1);
    expect(received(Date.UTC(2026, 10, 28))).toBe(2);
    world.close();
  });
});
