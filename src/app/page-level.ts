import { levelRecipients } from '../domain/escalation/escalation.js';
import type { EscalationPolicy } from '../domain/escalation/types.js';
import type { Incident } from '../domain/incident/incident.js';
import type { Escalation, UseCaseDeps } from './ports.js';
import { timerMs } from '../domain/incident/drills.js';

export const escalationJobKey = (escalationId: string) => `escalate:${escalationId}`;

export interface PageContext {
  about: string;
  runbook: string | null;
}

/**
 * Pages everyone at the escalation's current level by DM, records it on the timeline and in the
 * channel, and schedules the next step for when the level's wait runs out.
 */
export const pageLevel = async (
  deps: UseCaseDeps,
  incident: Incident,
  escalation: Escalation,
  policy: EscalationPolicy,
  context: PageContext,
): Promise<string[]> => {
  const now = deps.clock.now();
  const level = policy.levels[escalation.levelIndex];
  if (!level) throw new Error(`policy ${policy.id} has no level ${escalation.levelIndex}`);
  const recipients = levelRecipients(level, deps.config().schedules, now);
  const groupMembers = await Promise.all(recipients.usergroups.map((group) => deps.notifier.userGroupMembers(group)));
  const users = [...new Set([...recipients.users, ...groupMembers.flat()])];

  for (const userId of users) {
    const sent = await deps.notifier.sendPage(userId, incident, {
      escalationId: escalation.id,
      about: context.about,
      runbook: context.runbook,
      levelIndex: escalation.levelIndex,
      pass: escalation.pass,
      requestedBy: escalation.requestedBy,
    });
    deps.escalations.addNotification({
      escalationId: escalation.id,
      userId,
      levelIndex: escalation.levelIndex,
      pass: escalation.pass,
      channelId: sent.channelId,
      ts: sent.ts,
      sentAt: now,
    });
  }

  const where = `level ${escalation.levelIndex + 1}${escalation.pass > 0 ? ` (repeat ${escalation.pass})` : ''}`;
  deps.timeline.append(incident.id, {
    kind: 'paged',
    actorId: escalation.requestedBy,
    at: now,
    text: `Paged ${context.about}, ${where}`,
    data: { escalationId: escalation.id, levelIndex: escalation.levelIndex, pass: escalation.pass, users, emptySchedules: recipients.emptySchedules },
  });
  if (incident.channelId) {
    const who = users.length > 0 ? users.map((userId) => `<@${userId}>`).join(', ') : '_nobody: no one is on call there_';
    const empty = recipients.emptySchedules.length > 0 ? ` (nobody on call in ${recipients.emptySchedules.join(', ')})` : '';
    await deps.notifier.postToChannel(
      incident.channelId,
      `:pager: Paged ${who} for *${context.about}*, ${where}${empty}. Escalating in ${incident.isDrill ? `${Math.round(timerMs(incident, level.after.ms, deps.config().drills.speedup) / 1000)}s (drill time)` : level.after.text} without an acknowledgement.`,
    );
  }
  // Nobody to page at this level: move on at once rather than wait for an acknowledgement that cannot come.
  const dueAt = users.length > 0 ? now + timerMs(incident, level.after.ms, deps.config().drills.speedup) : now;
  deps.jobs.schedule({ kind: 'escalate', key: escalationJobKey(escalation.id), incidentId: incident.id, dueAt, payload: { escalationId: escalation.id } }, now);
  deps.log.info({ incidentId: incident.id, escalationId: escalation.id, users, level: escalation.levelIndex, pass: escalation.pass }, 'paged');
  return users;
};
