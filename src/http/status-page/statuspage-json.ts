import { componentStatusByImpact } from '../../domain/communication/public-incident.js';
import { isoTime } from './time-format.js';
import type {
  ComponentStatus,
  PublicImpact,
  PublicIncident,
  PublicMaintenance,
  PublicUpdate,
  StatusComponent,
  StatusPageSnapshot,
} from '../../domain/communication/types.js';

/**
 * Pure mappers from the snapshot to the documents of Atlassian Statuspage's public API v2
 * (`/api/v2/*.json`), so Statuspage widgets, status aggregators and scripts written for Statuspage
 * read this page unchanged. Field names, nesting and enum values follow Statuspage's responses.
 */

export { isoTime };

export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical';

/** Statuspage caps its lists at 50 (`incidents.json`, `scheduled-maintenances.json`). */
export const listLimit = 50;

const indicatorRank: Record<StatusIndicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const indicatorByComponentStatus: Record<ComponentStatus, StatusIndicator> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};
const indicatorByImpact: Record<PublicImpact, StatusIndicator> = { none: 'none', minor: 'minor', major: 'major', critical: 'critical' };
const indicatorDescriptions: Record<StatusIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

/**
 * The page's rolled-up status: the worse of the worst component and the highest impact among
 * unresolved incidents. Maintenance alone keeps the indicator `none` (Statuspage's documented
 * indicators are none, minor, major, critical) and only changes the description.
 */
export const overallStatus = (snapshot: StatusPageSnapshot): { indicator: StatusIndicator; description: string } => {
  const candidates: StatusIndicator[] = [
    ...snapshot.components.map((component) => indicatorByComponentStatus[component.status]),
    ...snapshot.incidents.filter((incident) => incident.status !== 'resolved').map((incident) => indicatorByImpact[incident.impact]),
  ];
  const indicator = candidates.reduce<StatusIndicator>((worst, next) => (indicatorRank[next] > indicatorRank[worst] ? next : worst), 'none');
  const underMaintenance = snapshot.components.some((component) => component.status === 'under_maintenance');
  const description = indicator === 'none' && underMaintenance ? 'Service Under Maintenance' : indicatorDescriptions[indicator];
  return { indicator, description };
};

/**
 * Components carry no creation time in the snapshot; the earliest instant the page knows about
 * stands in, so `created_at` is the same for every component and never after its `updated_at`.
 */
const epochs = new WeakMap<StatusPageSnapshot, number>();
const pageEpoch = (snapshot: StatusPageSnapshot): number => {
  const known = epochs.get(snapshot);
  if (known !== undefined) return known;
  // A loop, not Math.min(...spread): read for every component, over tens of thousands of incidents.
  let epoch = snapshot.page.updatedAt;
  for (const component of snapshot.components) epoch = Math.min(epoch, component.updatedAt);
  for (const item of [...snapshot.incidents, ...snapshot.maintenances]) epoch = Math.min(epoch, item.createdAt);
  epochs.set(snapshot, epoch);
  return epoch;
};

export const pageJson = (snapshot: StatusPageSnapshot) => ({
  id: snapshot.page.id,
  name: snapshot.page.name,
  url: snapshot.page.url,
  time_zone: snapshot.page.timeZone,
  updated_at: isoTime(snapshot.page.updatedAt, snapshot.page.timeZone),
});

export const componentJson = (snapshot: StatusPageSnapshot, component: StatusComponent) => ({
  id: component.id,
  name: component.name,
  status: component.status,
  created_at: isoTime(pageEpoch(snapshot), snapshot.page.timeZone),
  updated_at: isoTime(component.updatedAt, snapshot.page.timeZone),
  position: component.position,
  description: component.description,
  showcase: false,
  start_date: null,
  group_id: null,
  page_id: snapshot.page.id,
  group: false,
  only_show_if_degraded: false,
});

/** Shortlinks point at the incident on the HTML page. */
export const incidentLink = (snapshot: StatusPageSnapshot, id: string): string =>
  `${snapshot.page.url.replace(/#.*$/, '')}#${anchorId(id)}`;

/** The HTML id of an incident's or maintenance's section. */
export const anchorId = (id: string): string => `incident-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * What each update did to the components, in Statuspage's `{code, name, old_status, new_status}`
 * form, oldest update first. The snapshot knows which components an incident affects and at what
 * impact, not each update's component changes, so an update moves them to the impact's status, a
 * resolving update back to operational, and the rest leave them as they were. Maintenance updates
 * carry none (`null`), as Statuspage's own maintenance updates usually do.
 */
const affectedComponentsByUpdate = (snapshot: StatusPageSnapshot, incident: PublicIncident) => {
  const components = snapshot.components.filter((component) => incident.componentIds.includes(component.id));
  const down = componentStatusByImpact[incident.impact];
  let before: ComponentStatus = 'operational';
  return [...incident.updates].reverse().map((update) => {
    const after: ComponentStatus = update.status === 'resolved' ? 'operational' : down;
    const affected = components.map((component) => ({ code: component.id, name: component.name, old_status: before, new_status: after }));
    before = after;
    return components.length === 0 ? null : affected;
  }).reverse();
};

const updateJson = (
  snapshot: StatusPageSnapshot,
  incidentId: string,
  update: PublicUpdate,
  affected: ReturnType<typeof affectedComponentsByUpdate>[number],
) => {
  const at = isoTime(update.createdAt, snapshot.page.timeZone);
  return {
    id: update.id,
    status: update.status,
    body: update.body,
    incident_id: incidentId,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: affected,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
};

const componentsOf = (snapshot: StatusPageSnapshot, ids: readonly string[]) =>
  snapshot.components.filter((component) => ids.includes(component.id)).map((component) => componentJson(snapshot, component));

export const incidentJson = (snapshot: StatusPageSnapshot, incident: PublicIncident) => {
  const zone = snapshot.page.timeZone;
  const affected = affectedComponentsByUpdate(snapshot, incident);
  return {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    created_at: isoTime(incident.createdAt, zone),
    updated_at: isoTime(incident.updatedAt, zone),
    monitoring_at: incident.monitoringAt === null ? null : isoTime(incident.monitoringAt, zone),
    resolved_at: incident.resolvedAt === null ? null : isoTime(incident.resolvedAt, zone),
    impact: incident.impact,
    shortlink: incidentLink(snapshot, incident.id),
    started_at: isoTime(incident.startedAt, zone),
    page_id: snapshot.page.id,
    incident_updates: incident.updates.map((update, index) =>
      updateJson(snapshot, incident.id, update, affected[index] ?? null),
    ),
    components: componentsOf(snapshot, incident.componentIds),
  };
};

/**
 * Statuspage serves maintenance as incidents with impact `maintenance` plus the window. Its
 * `monitoring_at` is when a maintenance reached "verifying", which ours never does; `resolved_at`
 * is when it completed; `started_at` is when it was announced.
 */
export const maintenanceJson = (snapshot: StatusPageSnapshot, maintenance: PublicMaintenance) => {
  const zone = snapshot.page.timeZone;
  return {
    id: maintenance.id,
    name: maintenance.name,
    status: maintenance.status,
    created_at: isoTime(maintenance.createdAt, zone),
    updated_at: isoTime(maintenance.updatedAt, zone),
    monitoring_at: null,
    resolved_at: maintenance.status === 'completed' ? isoTime(maintenance.scheduledUntil, zone) : null,
    impact: 'maintenance' as const,
    shortlink: incidentLink(snapshot, maintenance.id),
    started_at: isoTime(maintenance.createdAt, zone),
    page_id: snapshot.page.id,
    incident_updates: maintenance.updates.map((update) => updateJson(snapshot, maintenance.id, update, null)),
    components: componentsOf(snapshot, maintenance.componentIds),
    scheduled_for: isoTime(maintenance.scheduledFor, zone),
    scheduled_until: isoTime(maintenance.scheduledUntil, zone),
  };
};

const unresolved = (snapshot: StatusPageSnapshot) => snapshot.incidents.filter((incident) => incident.status !== 'resolved');
const maintenancesIn = (snapshot: StatusPageSnapshot, statuses: readonly PublicMaintenance['status'][]) =>
  snapshot.maintenances.filter((maintenance) => statuses.includes(maintenance.status));

/** The documents, keyed by their path under `/api/v2/`. */
export const statuspageDocuments = {
  'summary.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    components: snapshot.components.map((component) => componentJson(snapshot, component)),
    incidents: unresolved(snapshot).map((incident) => incidentJson(snapshot, incident)),
    scheduled_maintenances: maintenancesIn(snapshot, ['scheduled', 'in_progress', 'verifying']).map((m) => maintenanceJson(snapshot, m)),
    status: overallStatus(snapshot),
  }),
  'status.json': (snapshot: StatusPageSnapshot) => ({ page: pageJson(snapshot), status: overallStatus(snapshot) }),
  'components.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    components: snapshot.components.map((component) => componentJson(snapshot, component)),
  }),
  'incidents.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    incidents: snapshot.incidents.slice(0, listLimit).map((incident) => incidentJson(snapshot, incident)),
  }),
  'incidents/unresolved.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    incidents: unresolved(snapshot).map((incident) => incidentJson(snapshot, incident)),
  }),
  /** The 50 most recent by window start, newest first (the snapshot lists them soonest first). */
  'scheduled-maintenances.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    scheduled_maintenances: [...snapshot.maintenances]
      .sort((a, b) => b.scheduledFor - a.scheduledFor)
      .slice(0, listLimit)
      .map((maintenance) => maintenanceJson(snapshot, maintenance)),
  }),
  'scheduled-maintenances/upcoming.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    scheduled_maintenances: maintenancesIn(snapshot, ['scheduled']).map((m) => maintenanceJson(snapshot, m)),
  }),
  'scheduled-maintenances/active.json': (snapshot: StatusPageSnapshot) => ({
    page: pageJson(snapshot),
    scheduled_maintenances: maintenancesIn(snapshot, ['in_progress', 'verifying']).map((m) => maintenanceJson(snapshot, m)),
  }),
} as const;

export type StatuspageDocumentPath = keyof typeof statuspageDocuments;
