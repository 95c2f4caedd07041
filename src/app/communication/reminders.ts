import { lastUpdateAt, type Incident } from '../../domain/incident/incident.js';
import { activeStatuses } from '../../domain/incident/status.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { timerMs } from '../../domain/incident/drills.js';
import { jobKeys } from '../job-keys.js';

const isActive = (incident: Incident) => activeStatuses.includes(incident.status);

/** When the next status update is due: the severity's cadence after the last update (or the declaration). */
export const scheduleUpdateReminder = (deps: Pick<UseCaseDeps, 'clock' | 'config' | 'jobs'>, incident: Incident, from?: number): void => {
  const now = deps.clock.now();
  deps.jobs.cancel(jobKeys.updateOverdue(incident.id), now);
  const cadence = deps.config().severities[incident.severity].updateEvery;
  if (!cadence || !isActive(incident)) {
    deps.jobs.cancel(jobKeys.updateDue(incident.id), now);
    return;
  }
  const base = from ?? lastUpdateAt(incident);
  const wait = timerMs(incident, cadence.ms, deps.config().drills.speedup);
  deps.jobs.schedule(
    { kind: 'update_due', key: jobKeys.updateDue(incident.id), incidentId: incident.id, dueAt: Math.max(now, base + wait) },
    now,
  );
};
