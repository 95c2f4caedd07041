import { levelRecipients } from '../../domain/escalation/escalation.js';
import type { EscalationPolicy } from '../../domain/escalation/types.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { Escalation } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { timerMs } from '../../domain/incident/drills.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { jobKeys } from '../job-keys.js';


export interface PageContext {
  about: string;
  runbook: string | null;
}

export type PageLevelDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'jobs' | 'log' | 'timeline'>;

/**
 * Pages everyone at the escalation's current level, records it on the timeline and schedules the
 * next step for when the level's wait runs out. Runs inside the caller's transaction: the level, its
 * page jobs and the next escalation are stored together, so a crash can repeat a page but never skip one.
 */
export const pageLevel = (deps: PageLevelDeps, incident: Incident, escalation: Escalation, policy: EscalationPolicy, context: PageContext): string[] => {
  const now = deps.clock.now();
  const config = deps.config();
  const level = policy.levels[escalation.levelIndex];
  if (!level) throw new Error(`policy ${policy.id} has no level ${escalation.levelIndex}`);
  const recipients = levelRecipients(level, config.schedules, now);
  const users = [...new Set(recipients.users)];
  const page = (to: { userId: string } | { usergroupId: string }) => effect.page(incident.id, escalation.id, escalation.levelIndex, escalation.pass, to);
  enqueue(deps, ...users.map((userId) => page({ userId })), ...recipients.usergroups.map((usergroupId) => page({ usergroupId })));

  const where = `level ${escalation.levelIndex + 1}${escalation.pass > 0 ? ` (repeat ${escalation.pass})` : ''}`;
  deps.timeline.append(incident.id, {
    kind: 'paged',
    actorId: escalation.requestedBy,
    at: now,
    text: `Paged ${context.about}, ${where}`,
    data: { escalationId: escalation.id, levelIndex: escalation.levelIndex, pass: escalation.pass, users, usergroups: recipients.usergroups, emptySchedules: recipients.emptySchedules },
  });
  const nobody = users.length === 0 && recipients.usergroups.length === 0;
  const who = nobody ? '_nobody: no one is on call there_' : [...users.map((userId) => `<@${userId}>`), ...recipients.usergroups.map((group) => `the members of user group \`${group}\``)].join(', ');
  const empty = recipients.emptySchedules.length > 0 ? ` (nobody on call in ${recipients.emptySchedules.join(', ')})` : '';
  const wait = timerMs(incident, level.after.ms, config.drills.speedup);
  enqueue(
    deps,
    effect.postLine(
      incident.id,
      `:pager: Paged ${who} for *${context.about}*, ${where}${empty}. Escalating in ${incident.isDrill ? `${Math.round(wait / 1000)}s (drill time)` : level.after.text} without an acknowledgement.`,
    ),
  );
  // Nobody to page at this level: move on at once rather than wait for an acknowledgement that cannot come.
  const dueAt = nobody ? now : now + wait;
  deps.jobs.schedule({ kind: 'escalate', key: jobKeys.escalate(escalation.id), incidentId: incident.id, dueAt, priority: 0, payload: { escalationId: escalation.id } }, now);
  deps.log.info({ incidentId: incident.id, escalationId: escalation.id, users, level: escalation.levelIndex, pass: escalation.pass }, 'paged');
  return users;
};
