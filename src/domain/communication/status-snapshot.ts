import type { Incident } from '../incident/incident.js';
import { componentStatusByImpact } from './public-incident.js';
import { toPublicIncident } from './public-incident.js';
import { toPublicMaintenance } from './public-maintenance.js';
import type { PublicService } from './public-services.js';
import type {
  ComponentStatus,
  IncidentUpdate,
  Maintenance,
  PublicIncident,
  PublicMaintenance,
  StatusComponent,
  StatusPageSnapshot,
} from './types.js';

export const dayMs = 24 * 60 * 60 * 1000;
/** How far back the page shows resolved incidents and finished maintenance. */
export const historyDays = 90;

export interface StatusSnapshotInput {
  now: number;
  page: {
    id: string;
    name: string;
    /** Public URL of the HTML status page (`https://status.example.com/status`); links are built from it. */
    url: string;
    /** IANA zone the page shows times in, e.g. `Europe/Berlin`. */
    timeZone: string;
  };
  /** The configured services, in the order the page lists them. */
  services: PublicService[];
  incidents: Incident[];
  /** Updates of any incidents; only those with a customer message are public. */
  updates: IncidentUpdate[];
  maintenances: Maintenance[];
}

/** Worst first; an incident's status beats maintenance, which beats operational. */
const statusRank: Record<ComponentStatus, number> = {
  major_outage: 4,
  partial_outage: 3,
  degraded_performance: 2,
  under_maintenance: 1,
  operational: 0,
};

const worstOf = (statuses: readonly ComponentStatus[]): ComponentStatus =>
  statuses.reduce<ComponentStatus>((worst, status) => (statusRank[status] > statusRank[worst] ? status : worst), 'operational');

/** A period during which something held a component at a status: [from, until). */
interface StatusSpan {
  componentIds: readonly string[];
  status: ComponentStatus;
  from: number;
  until: number;
}

/**
 * The spans each public incident and maintenance window holds components at. An incident holds its
 * components from its first public update until it was publicly resolved (or for good while it is
 * not); a severity change is not tracked over time, so the current severity is used throughout.
 */
const statusSpans = (incidents: readonly PublicIncident[], maintenances: readonly PublicMaintenance[]): StatusSpan[] => [
  ...incidents.map((incident) => ({
    componentIds: incident.componentIds,
    status: componentStatusByImpact[incident.impact],
    from: Math.min(...incident.updates.map((update) => update.createdAt)),
    until: incident.status === 'resolved' ? (incident.resolvedAt ?? incident.updatedAt) : Number.POSITIVE_INFINITY,
  })),
  ...maintenances.map((maintenance) => ({
    componentIds: maintenance.componentIds,
    status: 'under_maintenance' as const,
    from: maintenance.scheduledFor,
    until: maintenance.scheduledUntil,
  })),
];

const componentStatusAt = (spans: readonly StatusSpan[], componentId: string, at: number): ComponentStatus =>
  worstOf(spans.filter((span) => span.componentIds.includes(componentId) && span.from <= at && at < span.until).map((span) => span.status));

/**
 * When the component's status last changed: the latest span boundary at or before `now` where the
 * status before and after differ. With no change inside what we know, `since` (the start of the
 * history window) stands for "unchanged at least since the oldest history shown".
 */
const lastChange = (spans: readonly StatusSpan[], componentId: string, now: number, since: number): number => {
  const boundaries = spans
    .filter((span) => span.componentIds.includes(componentId))
    .flatMap((span) => [span.from, span.until])
    .filter((at) => at <= now && at > since)
    .sort((a, b) => b - a);
  const changed = boundaries.find((at) => componentStatusAt(spans, componentId, at) !== componentStatusAt(spans, componentId, at - 1));
  return changed ?? since;
};

const newestFirst = (a: PublicIncident, b: PublicIncident): number => b.createdAt - a.createdAt || a.id.localeCompare(b.id);
const soonestFirst = (a: PublicMaintenance, b: PublicMaintenance): number =>
  a.scheduledFor - b.scheduledFor || a.id.localeCompare(b.id);

/**
 * Everything the public status page shows at `now`. Pure: the same input gives the same snapshot.
 *
 * Private incidents, and incidents without a customer message yet, are left out entirely and do not
 * change any component. Resolved incidents older than the history window drop out; unresolved ones
 * stay however old they are. Components are the configured services in order; each shows the worst
 * status among the unresolved public incidents affecting it, else `under_maintenance` while a
 * maintenance window covering it runs, else `operational`.
 *
 * `updatedAt` of a component is when its status last changed, reconstructed from the incidents and
 * maintenance known here; when nothing changed within the history window it is the window's start
 * (UTC midnight 90 days ago), so the value is stable for a day rather than moving with every request.
 * The page's `updatedAt` is the latest of all component, incident and maintenance changes.
 */
export const buildStatusSnapshot = (input: StatusSnapshotInput): StatusPageSnapshot => {
  const { now, services } = input;
  const historyStart = Math.floor((now - historyDays * dayMs) / dayMs) * dayMs;

  const allPublicIncidents = input.incidents
    .map((incident) => toPublicIncident(incident, input.updates, services, now))
    .filter((incident): incident is PublicIncident => incident !== null);
  const incidents = allPublicIncidents
    .filter((incident) => incident.status !== 'resolved' || incident.createdAt >= now - historyDays * dayMs)
    .sort(newestFirst);

  const allMaintenances = input.maintenances
    .map((maintenance) => toPublicMaintenance(maintenance, services, now))
    .filter((maintenance): maintenance is PublicMaintenance => maintenance !== null);
  const maintenances = allMaintenances
    .filter((maintenance) => maintenance.scheduledUntil >= now - historyDays * dayMs)
    .sort(soonestFirst);

  const spans = statusSpans(allPublicIncidents, allMaintenances);
  const components: StatusComponent[] = services.map((service, index) => ({
    id: service.id,
    name: service.name,
    description: service.description ?? null,
    status: componentStatusAt(spans, service.id, now),
    position: index + 1,
    updatedAt: lastChange(spans, service.id, now, historyStart),
  }));

  const changes = [
    ...components.map((component) => component.updatedAt),
    ...incidents.map((incident) => incident.updatedAt),
    ...maintenances.map((maintenance) => maintenance.updatedAt),
  ].filter((at) => at <= now);

  return {
    page: { ...input.page, updatedAt: Math.max(historyStart, ...changes) },
    components,
    incidents,
    maintenances,
  };
};
