import type { Incident } from '../domain/incident/incident.js';
import type { UseCaseDeps } from './ports.js';

/** Open incidents, most severe first, then oldest first. Private ones only for their members' eyes. */
export const listOpenIncidents = (deps: Pick<UseCaseDeps, 'incidents'>, options: { includePrivate: boolean }): Incident[] =>
  deps.incidents
    .listOpen()
    .filter((incident) => options.includePrivate || !incident.isPrivate)
    .sort((a, b) => a.severity.localeCompare(b.severity) || a.declaredAt - b.declaredAt);
