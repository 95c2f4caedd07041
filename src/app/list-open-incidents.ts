import type { Incident } from '../domain/incident/incident.js';
import type { UseCaseDeps } from './ports.js';

/** A private (security) incident is shown only to the people in it: its reporter and role holders. */
const visibleTo = (incident: Incident, viewerId: string): boolean =>
  !incident.isPrivate || incident.reporterId === viewerId || Object.values(incident.roles).includes(viewerId);

/** Open incidents the viewer may see, most severe first, then oldest first. */
export const listOpenIncidents = (deps: Pick<UseCaseDeps, 'incidents'>, options: { viewerId: string }): Incident[] =>
  deps.incidents
    .listOpen()
    .filter((incident) => visibleTo(incident, options.viewerId))
    .sort((a, b) => a.severity.localeCompare(b.severity) || a.declaredAt - b.declaredAt);
