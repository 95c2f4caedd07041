import { describe, expect, it } from 'vitest';
import { componentHistories, type StatusSpan } from '../../../src/domain/communication/component-history.js';
import type { ComponentStatus } from '../../../src/domain/communication/types.js';

const rank: Record<ComponentStatus, number> = { major_outage: 4, partial_outage: 3, degraded_performance: 2, under_maintenance: 1, operational: 0 };

/** The definition, spelled out slowly: the status at an instant, and the latest boundary where it differs from 1 ms before. */
const statusAt = (spans: readonly StatusSpan[], id: string, at: number): ComponentStatus =>
  spans
    .filter((span) => span.componentIds.includes(id) && span.from <= at && at < span.until)
    .reduce<ComponentStatus>((worst, span) => (rank[span.status] > rank[worst] ? span.status : worst), 'operational');
const lastChange = (spans: readonly StatusSpan[], id: string, now: number, since: number): number =>
  spans
    .filter((span) => span.componentIds.includes(id))
    .flatMap((span) => [span.from, span.until])
    .filter((at) => at <= now && at > since)
    .sort((a, b) => b - a)
    .find((at) => statusAt(spans, id, at) !== statusAt(spans, id, at - 1)) ?? since;

/** A small deterministic generator, so a failure names its seed. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const statuses: ComponentStatus[] = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance'];
const ids = ['api', 'web', 'db'];

describe('componentHistories', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))('agrees with the definition on random spans (seed %i)', (seed) => {
    const next = random(seed + 1);
    const spans: StatusSpan[] = Array.from({ length: 1 + Math.floor(next() * 25) }, () => {
      const from = Math.floor(next() * 100);
      const length = Math.floor(next() * 40) - 5;
      return {
        componentIds: ids.filter(() => next() < 0.5),
        status: statuses[Math.floor(next() * statuses.length)]!,
        from,
        until: next() < 0.2 ? Number.POSITIVE_INFINITY : from + length,
      };
    });
    const now = 20 + Math.floor(next() * 100);
    const since = Math.floor(next() * 30);
    const histories = componentHistories(ids, spans, now, since);
    for (const id of ids) {
      expect(histories.get(id), id).toEqual({ status: statusAt(spans, id, now), changedAt: lastChange(spans, id, now, since) });
    }
  });

  it('counts a span ending where another of the same status starts as no change', () => {
    const spans: StatusSpan[] = [
      { componentIds: ['api'], status: 'major_outage', from: 10, until: 20 },
      { componentIds: ['api'], status: 'major_outage', from: 20, until: 30 },
    ];
    expect(componentHistories(['api'], spans, 25, 0).get('api')).toEqual({ status: 'major_outage', changedAt: 10 });
    expect(componentHistories(['api'], spans, 30, 0).get('api')).toEqual({ status: 'operational', changedAt: 30 });
  });

  it('answers for configured components only, operational since the window when nothing touched them', () => {
    const histories = componentHistories(['web'], [{ componentIds: ['gone'], status: 'major_outage', from: 1, until: 5 }], 10, 0);
    expect([...histories.entries()]).toEqual([['web', { status: 'operational', changedAt: 0 }]]);
  });
});
