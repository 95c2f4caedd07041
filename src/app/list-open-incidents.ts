import type { Incident } from '../domain/incident/incident.js';
import { canSeeIncident } from '../domain/incident/visibility.js';
import type { UseCaseDeps } from './ports.js';

/**
 * Incidents not yet closed, in two groups: the ones still being worked on (`active`, most severe
 * first, then oldest first) and the resolved ones waiting to be closed (most recently resolved first),
 * so that "open incidents" never counts what is already fixed.
 */
export interface OpenIncidents {
  active: Incident[];
  resolved: Incident[];
}

/** Open incidents the viewer may see. */
export const listOpenIncidents = (deps: Pick<UseCaseDeps, 'incidents'>, options: { viewerId: string }): OpenIncidents => {
  const visible = deps.incidents.listOpen().filter((incident) => canSeeIncident(incident, { userId: options.viewerId }));
  return {
    active: visible
      .filter((incident) => incident.status !== 'resolved')
      .sort((a, b) => a.severity.localeCompare(b.severity) || a.declaredAt - b.declaredAt),
    resolved: visible.filter((incident) => incident.status === 'resolved').sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0)),
  };
};
