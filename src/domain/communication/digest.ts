import type { AlertNoiseDigest } from '../alerts/noise.js';
import type { Incident } from '../incident/incident.js';
import type { SloBudgetLine } from '../slo/error-budget.js';
import type { Severity } from '../incident/severity.js';
import { activeStatuses } from '../incident/status.js';

/** The numbers an executive digest shows, for incidents seen in one period. */
export interface Digest {
  periodStart: number;
  periodEnd: number;
  open: Incident[];
  resolved: Incident[];
  /** Over incidents acknowledged in the period: first page → acknowledgement. */
  timeToAcknowledge: { median: number; worst: number; count: number } | null;
  /** Over incidents resolved in the period: declared → resolved. */
  timeToResolve: { median: number; worst: number; count: number } | null;
  bySeverity: Record<Severity, number>;
  /** Service name → incidents (open or resolved in the period). */
  byService: [string, number][];
  /** Filled in once follow-ups are tracked; null = not tracked. */
  overdueFollowUps: number | null;
  /** The noisiest alerts and who was paged; null = no alert source configured. */
  alertNoise: AlertNoiseDigest | null;
  /** Each SLO's error budget left; null = no SLO configured. */
  sloBudgets: SloBudgetLine[] | null;
}

const stats = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  return { median, worst: sorted.at(-1)!, count: sorted.length };
};

/**
 * Pure: what happened between `periodStart` and `periodEnd`. `acknowledgements` gives, per incident,
 * how long its first acknowledged page took.
 */
export const buildDigest = (input: {
  incidents: Incident[];
  acknowledgements: Map<string, { at: number; tookMs: number }>;
  periodStart: number;
  periodEnd: number;
  serviceName: (idOrName: string) => string;
}): Digest => {
  const { periodStart, periodEnd } = input;
  const inPeriod = (at: number | null) => at !== null && at >= periodStart && at < periodEnd;
  const open = input.incidents.filter((incident) => activeStatuses.includes(incident.status));
  const resolved = input.incidents.filter((incident) => inPeriod(incident.resolvedAt) && incident.status !== 'cancelled');
  const seen = [...new Map([...open, ...resolved].map((incident) => [incident.id, incident])).values()];
  const bySeverity: Record<Severity, number> = { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 };
  const byService = new Map<string, number>();
  for (const incident of seen) {
    bySeverity[incident.severity] += 1;
    for (const service of incident.services) {
      const name = input.serviceName(service);
      byService.set(name, (byService.get(name) ?? 0) + 1);
    }
  }
  const acknowledged = [...input.acknowledgements.values()].filter((ack) => inPeriod(ack.at)).map((ack) => ack.tookMs);
  return {
    periodStart,
    periodEnd,
    open,
    resolved,
    timeToAcknowledge: stats(acknowledged),
    timeToResolve: stats(resolved.map((incident) => incident.resolvedAt! - incident.declaredAt)),
    bySeverity,
    byService: [...byService.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    overdueFollowUps: null,
    alertNoise: null,
    sloBudgets: null,
  };
};
