import { incidentKey, type Incident } from '../domain/incident/incident.js';
import { transition, type IncidentCommand } from '../domain/incident/transition.js';
import type { UseCaseDeps } from './ports.js';
import { followUpChange } from './reminders.js';

/**
 * The one path every incident change takes: decide in the domain, store the result and its timeline
 * events together, then bring the card, topic and announcement in line.
 */
export const applyCommand = async (
  deps: UseCaseDeps,
  incident: Incident,
  command: IncidentCommand,
): Promise<Incident> => {
  const result = transition(incident, command, deps.clock.now());
  if (!result.ok) throw result.error;
  deps.incidents.save(result.incident, result.events);
  deps.log.info(
    { incidentId: incident.id, incident: incidentKey(incident), actorId: command.actorId, changes: result.events.map((event) => event.data) },
    `incident ${command.type.replace('_', ' ')}`,
  );
  await deps.notifier.refresh(result.incident);
  await followUpChange(deps, incident, result.incident);
  return result.incident;
};
