import type { Incident } from '../../domain/incident/incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/**
 * Incidents not yet closed, in two groups: the ones still being worked on (`active`, most severe
 * first, then oldest first) and the resolved ones waiting to be closed (most recently resolved first),
 * so that "open incidents" never counts what is already fixed. Each group is filtered by who may see
 * it, sorted and limited in SQL, with its full count, so a list costs the same with ten open
 * incidents or ten thousand.
 */
export interface OpenIncidents {
  active: Incident[];
  resolved: Incident[];
  activeTotal: number;
  resolvedTotal: number;
}

/** Open incidents the viewer may see: a private (security) incident only for its reporter and role holders. */
export const listOpenIncidents = (deps: Pick<UseCaseDeps, 'incidents'>, options: { viewerId: string; limit: number }): OpenIncidents => {
  const active = deps.incidents.listOpenVisible(options.viewerId, options.limit, 'active');
  const resolved = deps.incidents.listOpenVisible(options.viewerId, Math.max(0, options.limit - active.incidents.length), 'resolved');
  return { active: active.incidents, resolved: resolved.incidents, activeTotal: active.total, resolvedTotal: resolved.total };
};
