import type { Incident } from '../domain/incident/incident.js';
import { canSeeIncident } from '../domain/incident/visibility.js';
import type { UseCaseDeps } from './ports.js';

/** Open incidents the viewer may see, most severe first, then oldest first. */
export const listOpenIncidents = (deps: Pick<UseCaseDeps, 'incidents'>, options: { viewerId: string }): Incident[] =>
  deps.incidents
    .listOpen()
    .filter((incident) => canSeeIncident(incident, { userId: options.viewerId }))
    .sort((a, b) => a.severity.localeCompare(b.severity) || a.declaredAt - b.declaredAt);
