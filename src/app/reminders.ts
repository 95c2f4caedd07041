import type { Incident } from '../domain/incident/incident.js';
import { activeStatuses } from '../domain/incident/status.js';
import type { UseCaseDeps } from './ports.js';
import { timerMs } from '../domain/incident/drills.js';
import { stopPaging } from './stop-paging.js';
import { postExecutiveSummary } from './executive-summary.js';
import { generatePostmortem } from './generate-postmortem.js';

/** The draft is assembled automatically on resolve; a failure there must not undo the resolution. */
const draftPostmortemOnResolve = async (deps: UseCaseDeps, incident: Incident) => {
  try {
    await generatePostmortem(deps, { incidentId: incident.id, actorId: incident.roles.commander ?? incident.reporterId });
  } catch (error) {
    deps.log.error({ incidentId: incident.id, err: error }, 'postmortem draft on resolve failed');
  }
};

export const reminderKeys = {
  updateDue: (incidentId: string) => `update_due:${incidentId}`,
  updateOverdue: (incidentId: string) => `update_overdue:${incidentId}`,
  commanderMissing: (incidentId: string) => `commander_missing:${incidentId}`,
  postmortem: (incidentId: string) => `postmortem_due:${incidentId}`,
};

const isActive = (incident: Incident) => activeStatuses.includes(incident.status);

/** When the next status update is due: the severity's cadence after the last update (or the declaration). */
export const scheduleUpdateReminder = (deps: UseCaseDeps, incident: Incident, from?: number): void => {
  const now = deps.clock.now();
  deps.jobs.cancel(reminderKeys.updateOverdue(incident.id), now);
  const cadence = deps.config().severities[incident.severity].updateEvery;
  if (!cadence || !isActive(incident)) {
    deps.jobs.cancel(reminderKeys.updateDue(incident.id), now);
    return;
  }
  const base = from ?? incident.latestUpdate?.at ?? incident.declaredAt;
  const wait = timerMs(incident, cadence.ms, deps.config().drills.speedup);
  deps.jobs.schedule(
    { kind: 'update_due', key: reminderKeys.updateDue(incident.id), incidentId: incident.id, dueAt: Math.max(now, base + wait) },
    now,
  );
};

/**
 * Keeps the timers in step with the incident after any change: reminders follow the status and
 * severity, resolution stops pages and starts the postmortem countdown, reopening undoes that.
 */
export const followUpChange = async (deps: UseCaseDeps, before: Incident, after: Incident): Promise<void> => {
  const now = deps.clock.now();
  const { nudges } = deps.config();
  if (after.severity !== before.severity) await postExecutiveSummary(deps, after, 'severity_changed', before.severity);
  if (after.status === 'resolved' && before.status !== 'resolved') {
    await postExecutiveSummary(deps, after, 'resolved');
    await draftPostmortemOnResolve(deps, after);
    await stopPaging(deps, after, 'The incident was resolved');
    deps.jobs.schedule(
      {
        kind: 'postmortem_due',
        key: reminderKeys.postmortem(after.id),
        incidentId: after.id,
        dueAt: now + timerMs(after, nudges.postmortemAfter.ms, deps.config().drills.speedup),
      },
      now,
    );
  }
  if (after.status === 'cancelled' || after.status === 'closed') {
    await stopPaging(deps, after, `The incident was ${after.status}`);
    // stopPaging has already cancelled the escalations.
    deps.jobs.cancelForIncident(after.id, ['update_due', 'update_overdue', 'commander_missing', 'postmortem_due'], now);
    return;
  }
  if (isActive(after) && before.status === 'resolved') deps.jobs.cancel(reminderKeys.postmortem(after.id), now);
  const updated = after.latestUpdate?.at !== before.latestUpdate?.at;
  const cadenceChanged = after.severity !== before.severity;
  const activityChanged = isActive(after) !== isActive(before);
  if (updated || cadenceChanged || activityChanged) scheduleUpdateReminder(deps, after, updated ? after.latestUpdate?.at : undefined);
};
