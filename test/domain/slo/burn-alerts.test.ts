import { describe, expect, it } from 'vitest';
import { burnFinding, burnRangesOf, burnRules, rangesOf, thresholdOf } from '../../../src/domain/slo/burn-alerts.js';
import type { Slo } from '../../../src/domain/slo/error-budget.js';

const hour = 3_600_000;
const slo: Slo = { id: 'checkout-availability', service: 'checkout-api', objective: 99.9, windowMs: 30 * 24 * hour, good: 'g', total: 't' };

/** Readings with this share of bad events over each range, and none elsewhere. */
const bad = (shares: Record<number, number>) => new Map(Object.entries(shares).map(([ms, share]) => [Number(ms), { good: 1000 * (1 - share), total: 1000 }]));

describe('burn-rate alerts', () => {
  it('are the workbook rules for a 30-day window: 14.4× over 1 h and 5 min, 6× over 6 h and 30 min, 1× over 3 days and 6 h', () => {
    expect(burnRules.map((rule) => ({ kind: rule.kind, threshold: Number(thresholdOf(rule).toFixed(2)), ...rangesOf(slo, rule) }))).toEqual([
      { kind: 'page', threshold: 14.4, longMs: hour, shortMs: 5 * 60_000 },
      { kind: 'page', threshold: 6, longMs: 6 * hour, shortMs: 30 * 60_000 },
      { kind: 'ticket', threshold: 1, longMs: 72 * hour, shortMs: 6 * hour },
    ]);
    expect(burnRangesOf(slo)).toEqual([hour, 5 * 60_000, 6 * hour, 30 * 60_000, 72 * hour]);
  });

  it('pages for a sharp burn over the hour that is still going on over the last 5 minutes', () => {
    const finding = burnFinding(slo, bad({ [hour]: 0.02, [5 * 60_000]: 0.03 }));
    expect(finding?.rule.kind).toBe('page');
    expect(finding?.rate).toBeCloseTo(20, 6);
  });

  it('does not page once the burn has stopped, however bad the hour was', () => {
    expect(burnFinding(slo, bad({ [hour]: 0.5, [5 * 60_000]: 0 }))).toBeUndefined();
  });

  it('opens a ticket for a slow burn over three days, and nothing below the sustainable pace', () => {
    expect(burnFinding(slo, bad({ [72 * hour]: 0.0015, [6 * hour]: 0.0015 }))?.rule.kind).toBe('ticket');
    expect(burnFinding(slo, bad({ [72 * hour]: 0.0009, [6 * hour]: 0.0009 }))).toBeUndefined();
  });

  it('scales its ranges with the window: 56 minutes and about 4.7 for 28 days, same thresholds', () => {
    expect(rangesOf({ windowMs: 28 * 24 * hour }, burnRules[0]!)).toEqual({ longMs: 56 * 60_000, shortMs: 280_000 });
  });
});
