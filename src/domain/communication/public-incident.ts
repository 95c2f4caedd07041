import type { Incident } from '../incident/incident.js';
import type { Severity } from '../incident/severity.js';
import type { Status } from '../incident/status.js';
import { matchServiceIds, type PublicService } from './public-services.js';
import type { ComponentStatus, IncidentUpdate, PublicImpact, PublicIncident, PublicIncidentStatus } from './types.js';

export const impactBySeverity: Record<Severity, PublicImpact> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'none',
};

/** What an unresolved incident of each impact does to the components it affects. */
export const componentStatusByImpact: Record<PublicImpact, ComponentStatus> = {
  critical: 'major_outage',
  major: 'partial_outage',
  minor: 'degraded_performance',
  none: 'degraded_performance',
};

/** The words the generated public name starts with; the internal title is never shown. */
const nameLabelByImpact: Record<PublicImpact, string> = {
  critical: 'Outage',
  major: 'Partial outage',
  minor: 'Degraded performance',
  none: 'Degraded performance',
};

/** Customers know resolved only: closing (paperwork) and cancelling (false alarm) both end the incident. */
export const publicStatusOf = (status: Status): PublicIncidentStatus =>
  status === 'closed' || status === 'cancelled' ? 'resolved' : status;

/** Names shown in an incident name before "and N more". */
const namedServicesLimit = 3;

export const publicIncidentName = (impact: PublicImpact, serviceNames: readonly string[]): string => {
  const label = nameLabelByImpact[impact];
  if (serviceNames.length === 0) return label;
  const shown = serviceNames.slice(0, namedServicesLimit).join(', ');
  const more = serviceNames.length - namedServicesLimit;
  return more > 0 ? `${label}: ${shown} and ${more} more` : `${label}: ${shown}`;
};

/** An update customers may read: one with a customer message that says something, posted by `now`. */
export const isPublicUpdate = (update: IncidentUpdate, now: number): boolean =>
  update.customerMessage !== null && update.customerMessage.trim() !== '' && update.postedAt <= now;

/** Stable: updates posted in the same millisecond keep the order they were stored in. */
const byPostedAt = (a: IncidentUpdate, b: IncidentUpdate): number => a.postedAt - b.postedAt;

/** What the public face of an incident is made of; nothing else of the incident is read. */
export type PublicIncidentSource = Pick<Incident, 'id' | 'isPrivate' | 'severity' | 'services' | 'declaredAt'>;

/** The updates of each incident, in the order given: one pass, so no incident scans every update. */
export const groupUpdatesByIncident = (updates: readonly IncidentUpdate[]): Map<string, IncidentUpdate[]> => {
  const byIncident = new Map<string, IncidentUpdate[]>();
  for (const update of updates) {
    const own = byIncident.get(update.incidentId);
    if (own) own.push(update);
    else byIncident.set(update.incidentId, [update]);
  }
  return byIncident;
};

/**
 * The public face of an incident, or null when customers must not see it: private incidents, and
 * incidents nobody has written a customer message for yet. Only the customer messages, the services'
 * public names and the severity-derived impact are used; title, summary, impact text and the
 * engineers' update fields never are.
 */
export const toPublicIncident = (
  incident: PublicIncidentSource,
  updates: readonly IncidentUpdate[],
  services: readonly PublicService[],
  now: number,
): PublicIncident | null => {
  if (incident.isPrivate) return null;
  const published = updates
    .filter((update) => update.incidentId === incident.id && isPublicUpdate(update, now))
    .sort(byPostedAt);
  const latest = published.at(-1);
  if (latest === undefined) return null;

  const status = publicStatusOf(latest.status);
  const impact = impactBySeverity[incident.severity];
  const componentIds = matchServiceIds(services, incident.services);
  const nameById = new Map(services.map((service) => [service.id, service.name]));
  const names = componentIds.map((id) => nameById.get(id) ?? id);
  // After a reopening, the incident is resolved from the first resolving update of its last run,
  // and not resolved at all while it is open again.
  let firstOfLastRun = published.length - 1;
  while (firstOfLastRun > 0 && publicStatusOf(published[firstOfLastRun - 1]!.status) === 'resolved') firstOfLastRun -= 1;
  const resolving = status === 'resolved' ? published[firstOfLastRun] : undefined;

  return {
    id: incident.id,
    name: publicIncidentName(impact, names),
    status,
    impact,
    createdAt: incident.declaredAt,
    updatedAt: latest.postedAt,
    startedAt: incident.declaredAt,
    monitoringAt: published.find((update) => update.status === 'monitoring')?.postedAt ?? null,
    resolvedAt: resolving?.postedAt ?? null,
    componentIds,
    updates: published
      .map((update) => ({
        id: update.id,
        status: publicStatusOf(update.status),
        body: update.customerMessage ?? '',
        createdAt: update.postedAt,
      }))
      .reverse(),
  };
};

/**
 * `toPublicIncident` remembering its last answer per incident object: while the incident object,
 * its updates array and the services array are the same ones, and no update's posting time was
 * still ahead, the answer is the same. Lets a rebuild after one change redo one incident.
 */
export const rememberingToPublicIncident = (): typeof toPublicIncident => {
  const remembered = new WeakMap<
    PublicIncidentSource,
    { updates: readonly IncidentUpdate[]; services: readonly PublicService[]; from: number; until: number; value: PublicIncident | null }
  >();
  return (incident, updates, services, now) => {
    const hit = remembered.get(incident);
    if (hit && hit.updates === updates && hit.services === services && now >= hit.from && now < hit.until) return hit.value;
    const value = toPublicIncident(incident, updates, services, now);
    let until = Number.POSITIVE_INFINITY;
    for (const update of updates) if (update.postedAt > now && update.postedAt < until) until = update.postedAt;
    remembered.set(incident, { updates, services, from: now, until, value });
    return value;
  };
};
