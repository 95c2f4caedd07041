import { DomainError } from '../../domain/errors.js';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type RetryChannelDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'incidents' | 'jobs'>;

/** The Retry button of an incident whose channel could not be created: the setup steps run again. */
export const retryChannel = async (deps: RetryChannelDeps, input: { incidentId: string; actorId: string; tellIn?: string }): Promise<Incident> =>
  deps.atomically(() => {
    const incident = incidentById(deps.incidents, input.incidentId);
    if (incident.channelId) throw new DomainError('SAME_VALUE', `${incidentKey(incident)} already has its channel: <#${incident.channelId}>.`);
    const retried = deps.incidents.setSlackRefs(incident.id, { setupError: null });
    enqueue(deps, effect.createChannel(incident.id, input.actorId, input.tellIn ?? input.actorId));
    return retried;
  });
