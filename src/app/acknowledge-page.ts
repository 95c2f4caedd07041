import { DomainError } from '../domain/errors.js';
import { formatDuration } from '../domain/incident/incident.js';
import { incidentById } from './find-incident.js';
import { escalationJobKey } from './page-level.js';
import type { Escalation, UseCaseDeps } from './ports.js';

/**
 * Stops the chain: records who acknowledged and when (time to acknowledge), invites them to the
 * incident channel and updates every page DM of this escalation.
 */
export const acknowledgePage = async (deps: UseCaseDeps, input: { escalationId: string; userId: string }): Promise<Escalation> => {
  const escalation = deps.escalations.findById(input.escalationId);
  if (!escalation) throw new DomainError('INCIDENT_NOT_FOUND', 'That page no longer exists.');
  if (escalation.status === 'acknowledged') {
    throw new DomainError('SAME_VALUE', `<@${escalation.acknowledgedBy}> already acknowledged this page.`);
  }
  if (escalation.status !== 'active') throw new DomainError('INCIDENT_FINISHED', `This page has ended (${escalation.status}).`);
  const now = deps.clock.now();
  const acknowledged: Escalation = { ...escalation, status: 'acknowledged', acknowledgedBy: input.userId, acknowledgedAt: now, endedAt: now };
  deps.escalations.update(acknowledged);
  deps.jobs.cancel(escalationJobKey(escalation.id), now);
  const incident = incidentById(deps.incidents, escalation.incidentId);
  const timeToAcknowledge = now - escalation.startedAt;
  deps.timeline.append(incident.id, {
    kind: 'page_acknowledged',
    actorId: input.userId,
    at: now,
    text: '',
    data: { escalationId: escalation.id, timeToAcknowledgeMs: timeToAcknowledge, levelIndex: escalation.levelIndex, pass: escalation.pass },
  });
  deps.log.info({ incidentId: incident.id, escalationId: escalation.id, timeToAcknowledgeMs: timeToAcknowledge }, 'page acknowledged');

  if (incident.channelId) {
    await deps.notifier.inviteUsers(incident.channelId, [input.userId]);
    await deps.notifier.postToChannel(
      incident.channelId,
      `:white_check_mark: <@${input.userId}> acknowledged the page (time to acknowledge ${formatDuration(timeToAcknowledge)}).`,
    );
  }
  for (const notification of deps.escalations.notifications(escalation.id)) {
    await deps.notifier.closePage(notification, incident, `Acknowledged by <@${input.userId}>`);
  }
  return acknowledged;
};
