import type { IncomingAlert } from '../../domain/alerts/alert.js';
import { fingerprintOf } from '../../domain/alerts/fingerprint.js';
import { burnFinding, burnRangesOf, burnRules, rangesOf, thresholdOf, type BurnFinding } from '../../domain/slo/burn-alerts.js';
import { budgetNotice, burnRate, errorBudget, shownOf, type SliReading, type Slo, type SloStatus } from '../../domain/slo/error-budget.js';
import type { SightingDeps } from '../alerts/apply-sighting.js';
import { receiveAlerts } from '../alerts/receive-alerts.js';
import { scheduleAlertLine } from '../alerts/alert-line.js';
import { alertsChannelFor } from '../alerts/sync-alert-group.js';
import { findService } from '../../domain/escalation/escalation.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { jobKeys } from '../job-keys.js';
import { jobPriority, type Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { SliUnavailable } from './slo-ports.js';

/** The alert pipeline's source for burn-rate alerts: counted apart in /incident alerts. */
export const sloSourceId = 'slo';
export const burnAlertName = 'ErrorBudgetBurn';

type Deps = SightingDeps & Pick<UseCaseDeps, 'slis' | 'sloStatus'>;

/**
 * Keeps one pending evaluation while SLOs and a Prometheus are configured, and none otherwise (at
 * start-up and on reload).
 */
export const scheduleSloEvaluation = (deps: Pick<UseCaseDeps, 'clock' | 'jobs'>, config: Pick<ReturnType<UseCaseDeps['config']>, 'slos' | 'prometheus'>): void => {
  const now = deps.clock.now();
  if (config.slos.length === 0 || !config.prometheus) {
    deps.jobs.cancel(jobKeys.sloEvaluation, now);
    return;
  }
  if (deps.jobs.pending(jobKeys.sloEvaluation)) return;
  deps.jobs.schedule({ kind: 'slo_evaluation', key: jobKeys.sloEvaluation, dueAt: now, priority: jobPriority.urgent }, now);
};

/** A span in words: minutes under an hour, hours under two days, then days. */
const spoken = (ms: number) => {
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return ms < 48 * 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 86_400_000)} days`;
};

/** The two alerts an SLO can raise (paging and ticket), as labels: each its own fingerprint. */
const labelsOf = (deps: Deps, slo: Slo, kind: 'page' | 'ticket'): Record<string, string> => {
  const alerts = deps.config().alerts;
  return { alertname: burnAlertName, [alerts.serviceLabel]: slo.service, slo: slo.id, severity: kind === 'page' ? (alerts.pageSeverities[0] ?? 'critical') : 'warning' };
};

const firing = (deps: Deps, slo: Slo, finding: BurnFinding, now: number, everyMs: number): IncomingAlert => {
  const labels = labelsOf(deps, slo, finding.rule.kind);
  const share = Math.round(finding.rule.budgetShare * 100);
  return {
    fingerprint: fingerprintOf(labels),
    labels,
    annotations: {
      summary: `${slo.id}: error budget burning ${finding.rate.toFixed(1)}× over the last ${spoken(finding.longMs)} (a ${finding.rule.kind} from ${thresholdOf(finding.rule).toFixed(1)}×: ${share}% of the budget in ${spoken(finding.longMs)})`,
      description: `${slo.objective}% of events must be good over ${spoken(slo.windowMs)}; at this pace the error budget is gone in ${spoken(slo.windowMs / finding.rate)}. /incident slo ${slo.service} shows it.`,
    },
    startsAt: now,
    // Firing while it is evaluated; if evaluations stop (Prometheus gone), it resolves by itself.
    endsAt: now + 3 * everyMs,
    generatorUrl: null,
  };
};

/** The SLO's alerts that fire now but should not: resolved. */
const resolvedOthers = (deps: Deps, slo: Slo, keep: 'page' | 'ticket' | undefined, now: number): IncomingAlert[] =>
  (['page', 'ticket'] as const)
    .filter((kind) => kind !== keep)
    .flatMap((kind) => {
      const labels = labelsOf(deps, slo, kind);
      const fingerprint = fingerprintOf(labels);
      return deps.alerts.find(fingerprint)?.status === 'firing' ? [{ fingerprint, labels, annotations: {}, startsAt: now, endsAt: now, generatorUrl: null }] : [];
    });

const readingsOf = async (deps: Deps, slo: Slo, at: number): Promise<Map<number, SliReading>> => {
  // The burn-rate rules' ranges, and the window for the budget left (shown on incident cards).
  const ranges = [...new Set([...burnRangesOf(slo), slo.windowMs])];
  const readings = await Promise.all(ranges.map((range) => deps.slis.read(slo, range, at)));
  return new Map(ranges.map((range, index) => [range, readings[index]!]));
};

/** The SLOs that could not be read at the last evaluation, with why: each is logged when it starts and when it ends. */
type Unreadable = Record<string, string>;

const unreadableOf = (job: Pick<Job, 'payload'> | undefined): Unreadable => {
  const value = job?.payload.unreadable;
  return typeof value === 'object' && value !== null ? (value as Unreadable) : {};
};

/**
 * The periodic SLO evaluation: every SLO's burn read from Prometheus, and its burn-rate alerts sent
 * through the alert pipeline (source `slo`), which pages, groups, holds and silences them as any
 * other: a page for a sharp burn, a warning (ticket) for a slow one, a resolve once it stops. The next
 * evaluation is scheduled first. An SLO that cannot be read keeps its alerts as they are (they resolve
 * by themselves if it stays unreadable); that it cannot, and that it can again, are logged once each.
 */
export const evaluateSlos = async (deps: Deps, job?: Pick<Job, 'payload'>): Promise<void> => {
  const { slos, prometheus } = deps.config();
  if (slos.length === 0 || !prometheus) return;
  const now = deps.clock.now();
  const before = unreadableOf(job);
  // Ahead of cosmetic Slack work: what it finds may page.
  const next = (unreadable: Unreadable) =>
    deps.jobs.schedule({ kind: 'slo_evaluation', key: jobKeys.sloEvaluation, dueAt: now + prometheus.evaluateEveryMs, priority: jobPriority.urgent, payload: { unreadable } }, now);
  next(before);
  const unreadable: Unreadable = {};
  const statuses: SloStatus[] = [];
  const found = await Promise.all(
    slos.map(async (slo) => {
      const burnRangeMs = rangesOf(slo, burnRules[0]!).longMs;
      try {
        const readings = await readingsOf(deps, slo, now);
        const remaining = errorBudget(slo, readings.get(slo.windowMs)!).remaining;
        statuses.push({ sloId: slo.id, readAt: now, remaining, burnRate: burnRate(slo, readings.get(burnRangeMs)!), burnRangeMs, problem: null, exhaustedSince: null });
        return { slo, finding: burnFinding(slo, readings) };
      } catch (error) {
        if (!(error instanceof SliUnavailable)) throw error;
        unreadable[slo.id] = error.message;
        statuses.push({ sloId: slo.id, readAt: now, remaining: null, burnRate: null, burnRangeMs, problem: error.message, exhaustedSince: null });
        return undefined;
      }
    }),
  );
  for (const [slo, reason] of Object.entries(unreadable)) {
    if (before[slo] !== reason) deps.log.error({ slo, reason }, 'cannot read an SLO for its burn-rate alerts; its alerts stay as they are');
  }
  for (const slo of Object.keys(before)) if (!(slo in unreadable)) deps.log.info({ slo }, 'an SLO can be read again');
  if (JSON.stringify(before) !== JSON.stringify(unreadable)) next(unreadable);
  const alerts = found.flatMap((each) => {
    if (!each) return [];
    const { slo, finding } = each;
    return [...(finding ? [firing(deps, slo, finding, now, prometheus.evaluateEveryMs)] : []), ...resolvedOthers(deps, slo, finding?.rule.kind, now)];
  });
  if (alerts.length > 0) receiveAlerts(deps, { sourceId: sloSourceId, alerts, receivedAt: now });
  keepStatuses(deps, slos, statuses, now);
};

/**
 * The error budget policy, said where the service's team reads its alerts: once when the budget is
 * spent, once when a tenth of it is back. Written with the status, so it is said once.
 */
const tellBudget = (deps: Deps, slo: Slo, status: SloStatus, notice: 'spent' | 'recovered', now: number): void => {
  const channel = alertsChannelFor(deps, findService(deps.config(), slo.service)?.team ?? null);
  if (!channel) return;
  const text =
    notice === 'spent'
      ? `:warning: *${slo.id}* (${slo.service}) has spent its error budget: fewer than ${slo.objective}% of events were good over the last ${spoken(slo.windowMs)}. Reliability work comes before risky changes until it recovers. \`/incident slo ${slo.service}\` shows it.`
      : `:white_check_mark: *${slo.id}* (${slo.service}) has error budget again: ${Math.round((status.remaining ?? 0) * 100)}% of it is left.`;
  scheduleAlertLine(deps, channel, text, now);
};

/**
 * Stores what this evaluation read, and refreshes the card of every open incident of a service
 * whose SLO now shows otherwise (its budget left, its burn, or why it cannot be read).
 */
const keepStatuses = (deps: Deps, slos: Slo[], read: SloStatus[], now: number): void =>
  deps.atomically(() => {
    const previous = new Map(deps.sloStatus.list().map((status) => [status.sloId, status]));
    const before = new Map([...previous].map(([sloId, status]) => [sloId, shownOf(status)]));
    const sloOf = (status: SloStatus) => slos.find((slo) => slo.id === status.sloId)!;
    const statuses = read.map((status) => {
      const since = previous.get(status.sloId)?.exhaustedSince ?? null;
      const notice = budgetNotice(since, status.remaining);
      if (notice) tellBudget(deps, sloOf(status), status, notice, now);
      return { ...status, exhaustedSince: notice === 'spent' ? now : notice === 'recovered' ? null : since };
    });
    const changed = new Set(statuses.filter((status) => before.get(status.sloId) !== shownOf(status)).map((status) => sloOf(status).service));
    for (const status of statuses) deps.sloStatus.save(status);
    const cards = deps.incidents.listOpen().filter((incident) => incident.cardTs && incident.services.some((service) => changed.has(service)));
    enqueue(deps, ...cards.map((incident) => effect.refresh(incident.id)));
  });
