import { describe, expect, it } from 'vitest';
import { budgetState, burnRate, errorBudget, queryOver, sliOf, type Slo } from '../../../src/domain/slo/error-budget.js';

const day = 86_400_000;
const slo: Slo = { id: 'checkout-availability', service: 'checkout-api', objective: 99.9, windowMs: 28 * day, good: 'g', total: 't' };

describe('error budgets', () => {
  it('is 0.1% of 28 days for 99.9%: about 40 minutes of full outage', () => {
    expect(errorBudget(slo, { good: 1000, total: 1000 }).budgetMs / 60_000).toBeCloseTo(40.32, 2);
  });

  it('is untouched with no bad events, half spent at half the allowed bad share, overspent past it', () => {
    expect(errorBudget(slo, { good: 100_000, total: 100_000 })).toMatchObject({ sli: 1, remaining: 1 });
    const half = errorBudget(slo, { good: 99_950, total: 100_000 });
    expect(half.sli).toBeCloseTo(0.9995, 6);
    expect(half.remaining).toBeCloseTo(0.5, 6);
    expect(half.remainingMs! / 60_000).toBeCloseTo(20.16, 2);
    expect(errorBudget(slo, { good: 99_700, total: 100_000 }).remaining).toBeCloseTo(-2, 6);
  });

  it('has no SLI and no budget figure without events, rather than a division by zero', () => {
    expect(errorBudget(slo, { good: 0, total: 0 })).toMatchObject({ sli: null, remaining: null, remainingMs: null });
    expect(burnRate(slo, { good: 0, total: 0 })).toBeNull();
    expect(budgetState({ remaining: null })).toBe('no_events');
  });

  it('keeps an SLI between 0 and 1 when the good query counts more than the total (scrapes seconds apart)', () => {
    expect(sliOf({ good: 1001, total: 1000 })).toBe(1);
    expect(sliOf({ good: -1, total: 1000 })).toBe(0);
  });

  it('burns at 1 when the bad share is the allowed one, and 14.4 at 1.44% bad for 99.9%', () => {
    expect(burnRate(slo, { good: 999, total: 1000 })).toBeCloseTo(1, 6);
    expect(burnRate(slo, { good: 98.56, total: 100 })).toBeCloseTo(14.4, 6);
  });

  it('says healthy above half the budget, at risk below, exhausted once spent', () => {
    expect(budgetState({ remaining: 0.51 })).toBe('healthy');
    expect(budgetState({ remaining: 0.49 })).toBe('at_risk');
    expect(budgetState({ remaining: 0 })).toBe('exhausted');
    expect(budgetState({ remaining: -3 })).toBe('exhausted');
  });

  it('puts the range, in seconds, for every $window of a query', () => {
    expect(queryOver('sum(rate(x{code!~"5.."}[$window])) / sum(rate(x[$window]))', 28 * day)).toBe('sum(rate(x{code!~"5.."}[2419200s])) / sum(rate(x[2419200s]))');
    expect(queryOver('rate(x[$window])', 300)).toBe('rate(x[1s])');
  });
});
