import { formatDuration, lastUpdateAt, type Incident } from '../../domain/incident/incident.js';
import { activeStatuses } from '../../domain/incident/status.js';
import { scheduleUpdateReminder } from './reminders.js';
import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { drillExpiresAt, drillReminderAllowance, timerMs } from '../../domain/incident/drills.js';
import { formatLocalTime } from './audiences.js';
import { jobKeys } from '../job-keys.js';
import { effect, enqueue } from '../effects/effect-jobs.js';

const incidentOf = (deps: Pick<UseCaseDeps, 'incidents'>, job: Job): Incident | undefined =>
  job.incidentId ? deps.incidents.findById(job.incidentId) : undefined;

const recordReminder = (deps: Pick<UseCaseDeps, 'clock' | 'timeline'>, incident: Incident, text: string, data: Record<string, unknown>) =>
  deps.timeline.append(incident.id, { kind: 'reminder', actorId: 'bot', at: deps.clock.now(), text, data });

type ReminderDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'incidents' | 'jobs' | 'timeline'>;

/**
 * Whether this reminder may go out. A drill gets `drills.max_reminders` of them; the next one is
 * replaced by a single notice that reminders have stopped (recorded like a reminder, so it is said
 * once), and after that the drill's reminders are silent and schedule nothing more.
 */
const mayRemind = (deps: ReminderDeps, incident: Incident): boolean => {
  if (!incident.isDrill) return true;
  const { drills, timezone } = deps.config();
  const sent = deps.timeline.list(incident.id).filter((entry) => entry.kind === 'reminder').length;
  const allowance = drillReminderAllowance(incident, sent, drills.maxReminders);
  if (allowance === 'remind') return true;
  if (allowance === 'announce_stop') {
    recordReminder(deps, incident, 'Drill reminders stopped', { reminder: 'drill_reminders_stopped', sent });
    if (incident.channelId) {
      const endsAt = formatLocalTime(drillExpiresAt(incident, drills.expireAfter.ms), timezone);
      enqueue(deps, effect.postLine(incident.id, `:zzz: This drill has had ${sent} reminder${sent === 1 ? '' : 's'}; no more will come. Unless it is resolved first, it ends by itself at ${endsAt} (\`drills.expire_after\`).`));
    }
  }
  return false;
};

/**
 * A reminder job: when the incident still needs it (and a drill may have it), the reminder is
 * recorded on the timeline and its Slack messages written as jobs, in one transaction. A message
 * Slack fails is retried on its own; the reminder is neither recorded twice nor lost.
 */
const reminding = (needed: (incident: Incident, job: Job) => boolean, remind: (deps: ReminderDeps, incident: Incident) => void) => (deps: ReminderDeps, job: Job): void =>
  deps.atomically(() => {
    const incident = incidentOf(deps, job);
    if (incident && needed(incident, job) && mayRemind(deps, incident)) remind(deps, incident);
  });

/** No commander some minutes after declaration: nudge the channel. */
export const remindCommanderMissing = reminding(
  (incident) => Boolean(incident.channelId) && !incident.roles.commander && activeStatuses.includes(incident.status),
  (deps, incident) => {
    recordReminder(deps, incident, 'No incident commander', { reminder: 'commander_missing' });
    enqueue(deps, effect.postLine(incident.id, ':wave: <!here> This incident has no commander yet. Someone take it: `/incident role commander @you`, or use *Assign role* on the card.'));
  },
);

/** The status update is due: DM the commander and comms lead, and arm the louder reminder. */
export const remindUpdateDue = reminding(
  (incident) => activeStatuses.includes(incident.status),
  (deps, incident) => {
    const now = deps.clock.now();
    const lastUpdate = lastUpdateAt(incident);
    const owners = [...new Set([incident.roles.commander, incident.roles.comms].filter((userId): userId is string => Boolean(userId)))];
    recordReminder(deps, incident, 'Status update due', { reminder: 'update_due', notified: owners });
    enqueue(deps, ...owners.map((userId) => effect.updateReminder(incident.id, userId)));
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
  },
);

/** Still no update after the reminder: say so in the channel, to the owners by name, and keep nudging. */
export const remindUpdateOverdue = reminding(
  (incident, job) => Boolean(incident.channelId) && activeStatuses.includes(incident.status) && lastUpdateAt(incident) === job.payload.lastUpdateAt,
  (deps, incident) => {
    const now = deps.clock.now();
    const lastUpdate = lastUpdateAt(incident);
    const owners = [incident.roles.commander, incident.roles.comms].filter(Boolean).map((userId) => `<@${userId}>`);
    recordReminder(deps, incident, 'Status update overdue', { reminder: 'update_overdue' });
    enqueue(deps, effect.postLine(incident.id, `:alarm_clock: *Status update overdue*: the last one was ${formatDuration(now - lastUpdate)} ago. ${owners.join(' ')} please post one with \`/incident update\` or *Post update* on the card.`));
    scheduleUpdateReminder(deps, incident, now);
  },
);

/** Resolved for days but not closed: the postmortem is waiting. */
export const remindPostmortem = reminding(
  (incident) => Boolean(incident.channelId) && incident.status === 'resolved',
  (deps, incident) => {
    recordReminder(deps, incident, 'Postmortem reminder', { reminder: 'postmortem_due' });
    const ago = formatDuration(deps.clock.now() - (incident.resolvedAt ?? incident.updatedAt));
    enqueue(deps, effect.postLine(incident.id, `:memo: This incident was resolved ${ago} ago and is still open. ${incident.roles.commander ? `<@${incident.roles.commander}> ` : ''}write the blameless postmortem, then \`/incident close\`.`));
  },
);

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
