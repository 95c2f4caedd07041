import { burnRate, type SliReading, type Slo } from './error-budget.js';

/**
 * Multiwindow, multi-burn-rate alerting (the Google SRE workbook's): an SLO alerts when a share of its
 * error budget is being spent within a range of time, over that range and over a twelfth of it, so
 * that it fires fast on a sharp burn and stops soon after the burn does. For a 30-day window:
 * - page: 2% of the budget in 1 hour (burning 14.4×), or 5% in 6 hours (6×);
 * - ticket: 10% in 3 days (1×).
 * Ranges are shares of the SLO's window, so the thresholds hold for any window (28 days: 56 minutes…).
 */
export interface BurnRule {
  kind: 'page' | 'ticket';
  /** The share of the error budget spent within the long range. */
  budgetShare: number;
  /** The long range as a share of the SLO's window; the short range is a twelfth of it. */
  rangeShare: number;
}

export const burnRules: readonly BurnRule[] = [
  { kind: 'page', budgetShare: 0.02, rangeShare: 1 / 720 },
  { kind: 'page', budgetShare: 0.05, rangeShare: 1 / 120 },
  { kind: 'ticket', budgetShare: 0.1, rangeShare: 1 / 10 },
];

/** The burn rate above which a rule fires: its share of the budget spent within its range. */
export const thresholdOf = (rule: BurnRule): number => rule.budgetShare / rule.rangeShare;

export const rangesOf = (slo: Pick<Slo, 'windowMs'>, rule: BurnRule): { longMs: number; shortMs: number } => {
  const longMs = Math.round(slo.windowMs * rule.rangeShare);
  return { longMs, shortMs: Math.round(longMs / 12) };
};

/** Every range the rules read for this SLO. */
export const burnRangesOf = (slo: Pick<Slo, 'windowMs'>): number[] => [...new Set(burnRules.flatMap((rule) => Object.values(rangesOf(slo, rule))))];

export interface BurnFinding {
  rule: BurnRule;
  /** The burn rate over the rule's long range. */
  rate: number;
  longMs: number;
}

/**
 * The rule an SLO's burn meets, the pages before the tickets; undefined when none. `readings` are by
 * range (burnRangesOf); a range without events burns nothing.
 */
export const burnFinding = (slo: Slo, readings: ReadonlyMap<number, SliReading>): BurnFinding | undefined => {
  const rateOver = (ms: number) => {
    const reading = readings.get(ms);
    return reading ? (burnRate(slo, reading) ?? 0) : 0;
  };
  for (const rule of burnRules) {
    const { longMs, shortMs } = rangesOf(slo, rule);
    const rate = rateOver(longMs);
    if (rate > thresholdOf(rule) && rateOver(shortMs) > thresholdOf(rule)) return { rule, rate, longMs };
  }
  return undefined;
};
