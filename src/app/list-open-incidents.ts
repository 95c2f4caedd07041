import type { Incident } from '../domain/incident/incident.js';
import type { UseCaseDeps } from './ports.js';

export interface OpenIncidentsPage {
  /** The first ones, most severe first, then oldest first. */
  shown: Incident[];
  /** How many open incidents the viewer may see in all. */
  total: number;
}

/**
 * Open incidents the viewer may see: a private (security) incident is shown only to the people in
 * it, its reporter and role holders. Sorted, filtered and limited in SQL, so the list costs the
 * same with ten open incidents or ten thousand.
 */
export const listOpenIncidents = (
  deps: Pick<UseCaseDeps, 'incidents'>,
  options: { viewerId: string; limit: number },
): OpenIncidentsPage => {
  const { incidents, total } = deps.incidents.listOpenVisible(options.viewerId, options.limit);
  return { shown: incidents, total };
};
