import { formatDuration, type Incident } from '../../domain/incident/incident.js';
import { activeStatuses } from '../../domain/incident/status.js';
import { scheduleUpdateReminder } from './reminders.js';
import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { drillExpiresAt, drillReminderAllowance, timerMs } from '../../domain/incident/drills.js';
import { formatLocalTime } from './audiences.js';
import { jobKeys } from '../job-keys.js';

const incidentOf = (deps: Pick<UseCaseDeps, 'incidents'>, job: Job): Incident | undefined =>
  job.incidentId ? deps.incidents.findById(job.incidentId) : undefined;

const recordReminder = (deps: Pick<UseCaseDeps, 'clock' | 'timeline'>, incident: Incident, text: string, data: Record<string, unknown>) =>
  deps.timeline.append(incident.id, { kind: 'reminder', actorId: 'bot', at: deps.clock.now(), text, data });

type MayRemindDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'notifier' | 'timeline'>;

/**
 * Whether this reminder may go out. A drill gets `drills.max_reminders` of them; the next one is
 * replaced by a single notice that reminders have stopped (recorded like a reminder, so it is said
 * once), and after that the drill's reminders are silent and schedule nothing more.
 */
const mayRemind = async (deps: MayRemindDeps, incident: Incident): Promise<boolean> => {
  if (!incident.isDrill) return true;
  const { drills, timezone } = deps.config();
  const sent = deps.timeline.list(incident.id).filter((entry) => entry.kind === 'reminder').length;
  const allowance = drillReminderAllowance(incident, sent, drills.maxReminders);
  if (allowance === 'remind') return true;
  if (allowance === 'announce_stop') {
    recordReminder(deps, incident, 'Drill reminders stopped', { reminder: 'drill_reminders_stopped', sent });
    if (incident.channelId) {
      const endsAt = formatLocalTime(drillExpiresAt(incident, drills.expireAfter.ms), timezone);
      await deps.notifier.post(
        incident.channelId,
        { kind: 'line', text: `:zzz: This drill has had ${sent} reminder${sent === 1 ? '' : 's'}; no more will come. Unless it is resolved first, it ends by itself at ${endsAt} (\`drills.expire_after\`).` },
      );
    }
  }
  return false;
};

export type RemindCommanderMissingDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'incidents' | 'notifier' | 'timeline'>;

/** No commander some minutes after declaration: nudge the channel. */
export const remindCommanderMissing = async (deps: RemindCommanderMissingDeps, job: Job): Promise<void> => {
  const incident = incidentOf(deps, job);
  if (!incident?.channelId || incident.roles.commander || !activeStatuses.includes(incident.status)) return;
  if (!(await mayRemind(deps, incident))) return;
  recordReminder(deps, incident, 'No incident commander', { reminder: 'commander_missing' });
  await deps.notifier.post(
    incident.channelId,
    { kind: 'line', text: ':wave: <!here> This incident has no commander yet. Someone take it: `/incident role commander @you`, or use *Assign role* on the card.' },
  );
};

export type RemindUpdateDueDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'incidents' | 'jobs' | 'notifier' | 'timeline'>;

/** The status update is due: DM the commander and comms lead, and arm the louder reminder. */
export const remindUpdateDue = async (deps: RemindUpdateDueDeps, job: Job): Promise<void> => {
  const incident = incidentOf(deps, job);
  if (!incident || !activeStatuses.includes(incident.status)) return;
  if (!(await mayRemind(deps, incident))) return;
  const now = deps.clock.now();
  const lastUpdate = incident.latestUpdate?.at ?? incident.declaredAt;
  const owners = [...new Set([incident.roles.commander, incident.roles.comms].filter((userId): userId is string => Boolean(userId)))];
  recordReminder(deps, incident, 'Status update due', { reminder: 'update_due', notified: owners });
  for (const userId of owners) await deps.notifier.sendDm(userId, { kind: 'update_reminder', incident, overdueForMs: now - lastUpdate });
  deps.jobs.schedule(
    {
      kind: 'update_overdue',
      key: jobKeys.updateOverdue(incident.id),
      incidentId: incident.id,
      dueAt: now + timerMs(incident, deps.config().nudges.updateOverdueAfter.ms, deps.config().drills.speedup),
      payload: { lastUpdateAt: lastUpdate },
    },
    now,
  );
};

export type RemindUpdateOverdueDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'incidents' | 'jobs' | 'notifier' | 'timeline'>;

/** Still no update after the reminder: say so in the channel, to the owners by name, and keep nudging. */
export const remindUpdateOverdue = async (deps: RemindUpdateOverdueDeps, job: Job): Promise<void> => {
  const incident = incidentOf(deps, job);
  if (!incident?.channelId || !activeStatuses.includes(incident.status)) return;
  const lastUpdate = incident.latestUpdate?.at ?? incident.declaredAt;
  if (lastUpdate !== job.payload.lastUpdateAt) return;
  if (!(await mayRemind(deps, incident))) return;
  const now = deps.clock.now();
  const owners = [incident.roles.commander, incident.roles.comms].filter(Boolean).map((userId) => `<@${userId}>`);
  recordReminder(deps, incident, 'Status update overdue', { reminder: 'update_overdue' });
  await deps.notifier.post(
    incident.channelId,
    { kind: 'line', text: `:alarm_clock: *Status update overdue*: the last one was ${formatDuration(now - lastUpdate)} ago. ${owners.join(' ')} please post one with \`/incident update\` or *Post update* on the card.` },
  );
  scheduleUpdateReminder(deps, incident, now);
};

export type RemindPostmortemDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'incidents' | 'notifier' | 'timeline'>;

/** Resolved for days but not closed: the postmortem is waiting. */
export const remindPostmortem = async (deps: RemindPostmortemDeps, job: Job): Promise<void> => {
  const incident = incidentOf(deps, job);
  if (!incident?.channelId || incident.status !== 'resolved') return;
  if (!(await mayRemind(deps, incident))) return;
  recordReminder(deps, incident, 'Postmortem reminder', { reminder: 'postmortem_due' });
  await deps.notifier.post(
    incident.channelId,
    { kind: 'line', text: `:memo: This incident was resolved ${formatDuration(deps.clock.now() - (incident.resolvedAt ?? incident.updatedAt))} ago and is still open. ${incident.roles.commander ? `<@${incident.roles.commander}> ` : ''}write the blameless postmortem, then \`/incident close\`.` },
  );
};

/** Snooze from the reminder itself: the next reminder comes after the snooze instead of the cadence. */
export const snoozeUpdateReminder = (deps: Pick<UseCaseDeps, 'clock' | 'incidents' | 'jobs'>, input: { incidentId: string; minutes: number }): void => {
  const incident = deps.incidents.findById(input.incidentId);
  if (!incident) return;
  const now = deps.clock.now();
  deps.jobs.cancel(jobKeys.updateOverdue(incident.id), now);
  deps.jobs.schedule(
    { kind: 'update_due', key: jobKeys.updateDue(incident.id), incidentId: incident.id, dueAt: now + input.minutes * 60_000 },
    now,
  );
};
