import { componentHistories, type StatusSpan } from './component-history.js';
import { componentStatusByImpact, groupUpdatesByIncident, toPublicIncident, type PublicIncidentSource } from './public-incident.js';
import { toPublicMaintenance } from './public-maintenance.js';
import type { PublicService } from './public-services.js';
import type {
  IncidentUpdate,
  Maintenance,
  PublicIncident,
  PublicMaintenance,
  StatusComponent,
  StatusPageSnapshot,
} from './types.js';

export const dayMs = 24 * 60 * 60 * 1000;
const noUpdates: readonly IncidentUpdate[] = [];
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
  incidents: readonly PublicIncidentSource[];
  /**
   * Updates of any incidents, or the same already grouped by incident id (in posting order); only
   * those with a customer message are public.
   */
  updates: readonly IncidentUpdate[] | ReadonlyMap<string, readonly IncidentUpdate[]>;
  /** Makes an incident's public face; a remembering one (`rememberingToPublicIncident`) saves rebuilds. */
  publicIncident?: typeof toPublicIncident;
  maintenances: readonly Maintenance[];
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
    // Updates are newest first: the last one is the first public update.
    from: incident.updates.at(-1)!.createdAt,
    until: incident.status === 'resolved' ? (incident.resolvedAt ?? incident.updatedAt) : Number.POSITIVE_INFINITY,
  })),
  ...maintenances.map((maintenance) => ({
    componentIds: maintenance.componentIds,
    status: 'under_maintenance' as const,
    from: maintenance.scheduledFor,
    until: maintenance.scheduledUntil,
  })),
];

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

  const updatesByIncident = input.updates instanceof Map ? input.updates : groupUpdatesByIncident(input.updates as readonly IncidentUpdate[]);
  const publicIncident = input.publicIncident ?? toPublicIncident;
  const allPublicIncidents = input.incidents
    .map((incident) => publicIncident(incident, updatesByIncident.get(incident.id) ?? noUpdates, services, now))
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

  const histories = componentHistories(
    services.map((service) => service.id),
    statusSpans(allPublicIncidents, allMaintenances),
    now,
    historyStart,
  );
  const components: StatusComponent[] = services.map((service, index) => ({
    id: service.id,
    name: service.name,
    description: service.description ?? null,
    status: histories.get(service.id)!.status,
    position: index + 1,
    updatedAt: histories.get(service.id)!.changedAt,
  }));

  // A loop, not Math.max(...spread): tens of thousands of arguments overflow the stack.
  let updatedAt = historyStart;
  for (const item of [components, incidents, maintenances]) {
    for (const { updatedAt: at } of item) if (at <= now && at > updatedAt) updatedAt = at;
  }

  return {
    page: { ...input.page, updatedAt },
    components,
    incidents,
    maintenances,
  };
};

/** Every UTC offset in use is a whole number of quarter hours, so every local midnight falls on one. */
const quarterHour = 15 * 60 * 1000;

/**
 * The first instant after `now` at which the same input could give a different snapshot or page:
 * a maintenance window starting or ending, an update's posting time arriving, an incident leaving
 * the 90-day window, or the next quarter hour (the day boundaries of the history, in UTC and in
 * the page's zone). A snapshot built at `now` may be served until then if the data did not change.
 */
export const snapshotExpiresAt = (input: Pick<StatusSnapshotInput, 'now' | 'incidents' | 'updates' | 'maintenances'>): number => {
  const { now } = input;
  let expires = (Math.floor(now / quarterHour) + 1) * quarterHour;
  const consider = (at: number) => {
    if (at > now && at < expires) expires = at;
  };
  for (const maintenance of input.maintenances) {
    consider(maintenance.startsAt);
    consider(maintenance.endsAt);
  }
  const updates = input.updates instanceof Map ? [...input.updates.values()].flat() : (input.updates as readonly IncidentUpdate[]);
  for (const update of updates) consider(update.postedAt);
  for (const incident of input.incidents) consider(incident.declaredAt + historyDays * dayMs);
  return expires;
};
