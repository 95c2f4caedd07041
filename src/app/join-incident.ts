import { DomainError } from '../domain/errors.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from './ports.js';

/** The announcement's Join button: invites the person who clicked into the incident channel. */
export const joinIncident = async (deps: UseCaseDeps, input: { incidentId: string; userId: string }) => {
  const incident = incidentById(deps.incidents, input.incidentId);
  if (!incident.channelId) throw new DomainError('INCIDENT_NOT_FOUND', 'The incident has no channel yet.');
  if (incident.isPrivate) throw new DomainError('INVALID_INPUT', 'This incident is private; ask its commander to invite you.');
  await deps.notifier.inviteUsers(incident.channelId, [input.userId]);
  return incident;
};
