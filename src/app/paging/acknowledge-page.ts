import { DomainError } from '../../domain/errors.js';
import { formatDuration } from '../../domain/incident/incident.js';
import { incidentById } from '../incident/find-incident.js';
import type { Escalation } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { jobKeys } from '../job-keys.js';

export type AcknowledgePageDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/**
 * Stops the chain: records who acknowledged and when (time to acknowledge), invites them to the
 * incident channel and updates every page DM of this escalation. A page whose chain ran out is still
 * taken: someone answering late is recorded as a late acknowledgement.
 */
export const acknowledgePage = async (deps: AcknowledgePageDeps, input: { escalationId: string; userId: string }): Promise<Escalation> =>
  deps.atomically(() => {
    const escalation = deps.escalations.findById(input.escalationId);
    if (!escalation) throw new DomainError('INCIDENT_NOT_FOUND', 'That page no longer exists.');
    if (escalation.status === 'acknowledged') {
      throw new DomainError('SAME_VALUE', `<@${escalation.acknowledgedBy}> already acknowledged this page.`);
    }
    if (escalation.status === 'cancelled') throw new DomainError('INCIDENT_FINISHED', 'This page has ended: the incident no longer needs it.');
    const late = escalation.status === 'exhausted';
    const now = deps.clock.now();
    const acknowledged: Escalation = { ...escalation, status: 'acknowledged', acknowledgedBy: input.userId, acknowledgedAt: now, endedAt: now };
    deps.escalations.update(acknowledged);
    deps.jobs.cancel(jobKeys.escalate(escalation.id), now);
    const incident = incidentById(deps.incidents, escalation.incidentId);
    const timeToAcknowledge = now - escalation.startedAt;
    deps.timeline.append(incident.id, {
      kind: 'page_acknowledged',
      actorId: input.userId,
      at: now,
      text: late ? 'after the escalation policy ran out' : '',
      data: { escalationId: escalation.id, timeToAcknowledgeMs: timeToAcknowledge, levelIndex: escalation.levelIndex, pass: escalation.pass, late },
    });
    deps.log.info({ incidentId: incident.id, escalationId: escalation.id, timeToAcknowledgeMs: timeToAcknowledge, late }, 'page acknowledged');
    enqueue(
      deps,
      effect.closePageDms(incident.id, escalation.id, `Acknowledged by <@${input.userId}>`),
      effect.invite(incident.id, [input.userId], input.userId),
      effect.postLine(
        incident.id,
        `:white_check_mark: <@${input.userId}> acknowledged the page${late ? ' late, after its escalation policy ran out' : ''} (time to acknowledge ${formatDuration(timeToAcknowledge)}).`,
      ),
    );
    return acknowledged;
  });
