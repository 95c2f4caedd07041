/**
 * A service level objective: the share of good events (requests answered well, in time…) a service
 * promises over a rolling window, e.g. 99.9% over 28 days. Its error budget is the share it may get
 * wrong: 0.1% of the window's events, as much as 40 minutes of a full outage in 28 days.
 */
export interface Slo {
  id: string;
  service: string;
  /** Percent of events that must be good, above 0 and below 100 (99.9). */
  objective: number;
  windowMs: number;
  /** PromQL for the rate of good events and of all events, `$window` standing for the range. */
  good: string;
  total: string;
}

/** Good and all events over some range, as rates (or counts: only their ratio counts). */
export interface SliReading {
  good: number;
  total: number;
}

/** The share of events the objective lets go wrong. */
export const allowedBadShare = (slo: Pick<Slo, 'objective'>): number => 1 - slo.objective / 100;

/** The share of events that were good; null when there were none. */
export const sliOf = (reading: SliReading): number | null => (reading.total > 0 ? Math.min(1, Math.max(0, reading.good / reading.total)) : null);

/**
 * How fast the budget burns: the bad share over the range divided by the share allowed. 1 spends it
 * exactly by the window's end; 14.4 over an hour spends 2% of a 30-day budget in that hour. Null
 * without events.
 */
export const burnRate = (slo: Pick<Slo, 'objective'>, reading: SliReading): number | null => {
  const sli = sliOf(reading);
  return sli === null ? null : (1 - sli) / allowedBadShare(slo);
};

export interface ErrorBudget {
  /** The share of good events over the window; null without events. */
  sli: number | null;
  /** The share of the budget left: 1 untouched, 0 spent, below 0 overspent. Null without events. */
  remaining: number | null;
  /** The budget as time of full outage over the window, and what is left of it (may be below 0). */
  budgetMs: number;
  remainingMs: number | null;
}

export const errorBudget = (slo: Slo, overWindow: SliReading): ErrorBudget => {
  const budgetMs = slo.windowMs * allowedBadShare(slo);
  const burnt = burnRate(slo, overWindow);
  const remaining = burnt === null ? null : 1 - burnt;
  return { sli: sliOf(overWindow), remaining, budgetMs, remainingMs: remaining === null ? null : remaining * budgetMs };
};

export type BudgetState = 'healthy' | 'at_risk' | 'exhausted' | 'no_events';

/** Healthy above half the budget left, at risk down to none, exhausted once it is spent. */
export const budgetState = (budget: Pick<ErrorBudget, 'remaining'>): BudgetState => {
  if (budget.remaining === null) return 'no_events';
  if (budget.remaining <= 0) return 'exhausted';
  return budget.remaining < 0.5 ? 'at_risk' : 'healthy';
};

/** A PromQL range for `ms`, in whole seconds (Prometheus reads `2419200s` as 28 days). */
export const promqlRange = (ms: number): string => `${Math.max(1, Math.round(ms / 1000))}s`;

/** The query with its `$window` (every one) replaced by the range. */
export const queryOver = (query: string, ms: number): string => query.replaceAll('$window', promqlRange(ms));

/** One SLO as a digest shows it: how much of its budget is left, or why it could not be read. */
export interface SloBudgetLine {
  sloId: string;
  service: string;
  /** The share of the budget left (below 0 overspent); null without events or unread. */
  remaining: number | null;
  state: BudgetState;
  /** Why it could not be read; null when it was. */
  problem: string | null;
}

/** What an incident cost an SLO, from the share of good events while it lasted. */
export interface IncidentBudgetSpend {
  sloId: string;
  objective: number;
  windowMs: number;
  /** The share of good events while it lasted; null without events. */
  sli: number | null;
  burnRate: number | null;
  /**
   * The share of the window's error budget spent, had traffic been as usual: the burn rate times the
   * incident's share of the window. Null without events.
   */
  budgetShare: number | null;
  /** Why it could not be read; null when it was. */
  problem: string | null;
}

export const incidentSpend = (slo: Slo, reading: SliReading, durationMs: number): Omit<IncidentBudgetSpend, 'problem'> => {
  const rate = burnRate(slo, reading);
  return { sloId: slo.id, objective: slo.objective, windowMs: slo.windowMs, sli: sliOf(reading), burnRate: rate, budgetShare: rate === null ? null : (rate * durationMs) / slo.windowMs };
};

/** An SLO as its last evaluation read it, for the incident cards of its service. */
export interface SloStatus {
  sloId: string;
  readAt: number;
  /** The share of the budget left; null without events or unread. */
  remaining: number | null;
  /** Over `burnRangeMs` (the paging rule's long range); null without events or unread. */
  burnRate: number | null;
  burnRangeMs: number;
  /** Why it could not be read; null when it was. */
  problem: string | null;
  /** When the team was told its budget is spent; null while it has budget (again). */
  exhaustedSince: number | null;
}

/** The share of the budget that must be back before the team is told it has budget again. */
export const recoveredShare = 0.1;

/**
 * What the team is told after an evaluation: `spent` when the budget runs out, `recovered` once a
 * tenth of it is back (a budget hovering at zero is announced once, not at every evaluation);
 * nothing otherwise, or when the SLO could not be read.
 */
export const budgetNotice = (exhaustedSince: number | null, remaining: number | null): 'spent' | 'recovered' | null => {
  if (remaining === null) return null;
  if (exhaustedSince === null) return remaining <= 0 ? 'spent' : null;
  return remaining >= recoveredShare ? 'recovered' : null;
};

/** A burn rate as it is shown: to a tenth under 10×, whole above. */
export const shownBurn = (rate: number): string => rate.toFixed(rate < 10 ? 1 : 0);

/** What an incident card shows of a status, to tell whether a new evaluation changes it. */
export const shownOf = (status: Pick<SloStatus, 'remaining' | 'burnRate' | 'problem'>): string =>
  [status.remaining === null ? '' : Math.round(status.remaining * 100), status.burnRate === null ? '' : shownBurn(status.burnRate), status.problem ?? ''].join('|');
