import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { transition, type IncidentCommand } from '../../domain/incident/transition.js';
import { afterChange } from '../effects/incident-changes.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type ApplyCommandDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log'>;

/**
 * The one path every incident change takes: read the incident as stored now, decide in the domain,
 * then store the result, its timeline events and everything it triggers (afterChange). Call it inside
 * `deps.atomically`; nothing here awaits, so no other change can slip in between read and write.
 */
export const applyCommand = (deps: ApplyCommandDeps, incidentId: string, command: IncidentCommand): { before: Incident; incident: Incident } => {
  const before = incidentById(deps.incidents, incidentId);
  const result = transition(before, command, deps.clock.now());
  if (!result.ok) throw result.error;
  deps.incidents.save(result.incident, result.events, before);
  afterChange(deps, before, result.incident);
  deps.log.info(
    { incidentId: before.id, incident: incidentKey(before), actorId: command.actorId, changes: result.events.map((event) => event.data) },
    `incident ${command.type.replace('_', ' ')}`,
  );
  return { before, incident: result.incident };
};
