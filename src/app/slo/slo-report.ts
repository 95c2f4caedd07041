import { budgetState, burnRate, errorBudget, incidentSpend, type ErrorBudget, type IncidentBudgetSpend, type Slo, type SloBudgetLine } from '../../domain/slo/error-budget.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { SliUnavailable } from './slo-ports.js';

const hour = 3_600_000;
/** The ranges burn rates are shown over: the last hour (is it burning now?) and six hours (for how long?). */
export const burnRanges = [hour, 6 * hour] as const;

export interface SloRow {
  slo: Slo;
  /** Undefined when its events could not be read: `problem` says why. */
  budget?: ErrorBudget;
  /** Over each of burnRanges no longer than the SLO's window (the window itself at least); null without events. */
  burnRates?: { rangeMs: number; rate: number | null }[];
  problem?: string;
}

export interface SloReport {
  rows: SloRow[];
  /** The service asked for, when no SLO is about it. */
  unknownService?: string;
}

type Deps = Pick<UseCaseDeps, 'clock' | 'config' | 'slis'>;

const rowOf = async (deps: Deps, slo: Slo, at: number, withBurns: boolean): Promise<SloRow> => {
  try {
    const ranges = withBurns ? [...new Set(burnRanges.map((range) => Math.min(range, slo.windowMs)))] : [];
    const [overWindow, ...recent] = await Promise.all([slo.windowMs, ...ranges].map((range) => deps.slis.read(slo, range, at)));
    return { slo, budget: errorBudget(slo, overWindow!), burnRates: recent.map((reading, index) => ({ rangeMs: ranges[index]!, rate: burnRate(slo, reading) })) };
  } catch (error) {
    if (error instanceof SliUnavailable) return { slo, problem: error.message };
    throw error;
  }
};

/**
 * Every SLO (or a service's), with its error budget and (unless `withBurns` is false) its recent
 * burn rates, read now, all at once.
 */
export const sloReport = async (deps: Deps, { service, withBurns = true }: { service?: string; withBurns?: boolean } = {}): Promise<SloReport> => {
  const slos = deps.config().slos.filter((slo) => service === undefined || slo.service === service);
  // Every reading as of one moment, so that they agree with each other.
  const at = deps.clock.now();
  const rows = await Promise.all(slos.map((slo) => rowOf(deps, slo, at, withBurns)));
  return service !== undefined && rows.length === 0 ? { rows, unknownService: service } : { rows };
};

/** Every SLO's budget (for the digest and App Home), read now, one query each; null when none is configured. */
export const sloBudgetLines = async (deps: Deps): Promise<SloBudgetLine[] | null> => {
  if (deps.config().slos.length === 0) return null;
  return (await sloReport(deps, { withBurns: false })).rows.map(({ slo, budget, problem }) => ({
    sloId: slo.id,
    service: slo.service,
    remaining: budget?.remaining ?? null,
    state: budget ? budgetState(budget) : 'no_events',
    problem: budget ? null : (problem ?? 'unknown'),
  }));
};

/** The shortest range read for an incident: Prometheus needs a few samples in it. */
const shortestIncidentRangeMs = 60_000;

/**
 * What the incident cost each SLO of its services, read over [from, to] (its start to its
 * resolution), for the postmortem; one that cannot be read says why.
 */
export const incidentBudgetSpends = async (deps: Pick<UseCaseDeps, 'config' | 'slis'>, services: readonly string[], from: number, to: number): Promise<IncidentBudgetSpend[]> => {
  const slos = deps.config().slos.filter((slo) => services.includes(slo.service));
  const durationMs = Math.max(shortestIncidentRangeMs, to - from);
  return Promise.all(
    slos.map(async (slo) => {
      try {
        return { ...incidentSpend(slo, await deps.slis.read(slo, durationMs, to), durationMs), problem: null };
      } catch (error) {
        if (!(error instanceof SliUnavailable)) throw error;
        return { sloId: slo.id, objective: slo.objective, windowMs: slo.windowMs, sli: null, burnRate: null, budgetShare: null, problem: error.message };
      }
    }),
  );
};
