import { DomainError } from '../../domain/errors.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type JoinIncidentDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'incidents' | 'jobs'>;

/**
 * The announcement's Join button: invites the person who clicked into the incident channel. The
 * invitation is a job, retried if Slack fails, and the clicker hears privately if it is delayed.
 */
export const joinIncident = async (deps: JoinIncidentDeps, input: { incidentId: string; userId: string }) =>
  deps.atomically(() => {
    const incident = incidentById(deps.incidents, input.incidentId);
    if (!incident.channelId) throw new DomainError('INCIDENT_NOT_FOUND', 'The incident has no channel yet.');
    if (incident.isPrivate) throw new DomainError('INVALID_INPUT', 'This incident is private; ask its commander to invite you.');
    enqueue(deps, effect.invite(incident.id, [input.userId], input.userId));
    return incident;
  });
