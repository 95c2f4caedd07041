import { describe, expect, it } from 'vitest';
import { acceptAlertBatches, incomingBatch } from '../../../src/app/alerts/accept-alerts.js';
import { foldWholeInbox } from '../../../src/app/alerts/fold-alert-inbox.js';
import { foldPagesFirst } from '../../../src/app/alerts/fold-pages-first.js';
import type { IncomingAlert } from '../../../src/domain/alerts/alert.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

const alert = (labels: Record<string, string>, endsAt: number | null = null): IncomingAlert => ({ fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: 0, endsAt, generatorUrl: null });
const disk = (host: number) => alert({ alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `logs-${host}` });
const slow = alert({ alertname: 'SearchSlowQueries', service: 'search', severity: 'warning', instance: 'search-3' });
const down = (endsAt: number | null = null) => alert({ alertname: 'SearchIndexUnavailable', service: 'search', severity: 'critical', instance: 'search-1' }, endsAt);

const setUp = () => {
  const clock = fixedClock(Date.UTC(2026, 11, 2, 3, 0));
  const world = useCaseWorld({ configYaml: alertsConfigYaml(), clock });
  const accept = (alerts: IncomingAlert[]) => acceptAlertBatches(world.deps, [incomingBatch('prometheus', alerts)])[0]!.id;
  return { world, deps: world.deps, clock, accept };
};

describe('paging alerts folded ahead of the backlog', () => {
  it('are decided before the batches that came before them, once, and the rest of their batch waits for its turn', () => {
    const { world, deps, accept } = setUp();
    for (let batch = 0; batch < 3; batch += 1) accept([disk(2 * batch), disk(2 * batch + 1)]);
    const mixed = accept([slow, down()]);

    expect(foldPagesFirst(deps, mixed)).toBe('folded');
    expect(deps.alerts.find(down().fingerprint)).toMatchObject({ disposition: 'paged', receivedCount: 1 });
    expect(deps.alerts.find(disk(0).fingerprint)).toBeUndefined();
    expect(deps.alertInbox.find(mixed)?.alerts.map((each) => each.labels.alertname)).toEqual(['SearchSlowQueries']);

    foldWholeInbox(deps);
    // Folded once: the critical is not seen a second time when its batch's turn comes.
    expect(deps.alerts.find(down().fingerprint)).toMatchObject({ disposition: 'paged', receivedCount: 1 });
    expect(deps.alerts.find(slow.fingerprint)?.disposition).toBe('attached');
    expect(deps.alerts.find(disk(5).fingerprint)?.disposition).toBe('grouped');
    expect(deps.alertInbox.oldestWaiting()).toBeUndefined();
    world.close();
  });

  it('leave a batch with nothing that pages for its turn', () => {
    const { world, deps, accept } = setUp();
    accept([disk(1)]);
    const warnings = accept([slow]);
    expect(foldPagesFirst(deps, warnings)).toBe('left');
    expect(deps.alerts.count()).toBe(0);
    world.close();
  });

  it('resolve a card ahead of the backlog, keeping the warnings resolved in the same batch attached until their turn', () => {
    const { world, deps, clock, accept } = setUp();
    accept([down(), slow]);
    foldWholeInbox(deps);
    expect(deps.alerts.find(slow.fingerprint)?.disposition).toBe('attached');

    clock.advance(60_000);
    accept([disk(1), disk(2)]);
    const resolving = accept([{ ...slow, endsAt: clock.now() - 1 }, down(clock.now() - 1)]);
    expect(foldPagesFirst(deps, resolving)).toBe('folded');
    expect(deps.alerts.find(down().fingerprint)?.status).toBe('resolved');
    // Not let go into a warning group of its own: its resolve, in the same batch, is still to come.
    expect(deps.alerts.find(slow.fingerprint)).toMatchObject({ status: 'firing', disposition: 'attached' });
    const warningGroup = { kind: 'warning' as const, team: 'search', service: 'search', alertname: 'SearchSlowQueries' };
    expect(deps.alerts.latestGroup(warningGroup)).toBeUndefined();

    foldWholeInbox(deps);
    expect(deps.alerts.find(slow.fingerprint)?.status).toBe('resolved');
    expect(deps.alerts.latestGroup(warningGroup)).toBeUndefined();
    world.close();
  });
});
