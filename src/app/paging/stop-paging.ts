import type { Incident } from '../../domain/incident/incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { jobKeys } from '../job-keys.js';

/**
 * Resolving or cancelling an incident ends its pages: nobody should be woken for a finished incident.
 * Runs inside the caller's transaction; the page DMs are brought in line by a job.
 */
export const stopPaging = (deps: Pick<UseCaseDeps, 'clock' | 'escalations' | 'jobs'>, incident: Incident, reason: string): number => {
  const now = deps.clock.now();
  const active = deps.escalations.listForIncident(incident.id).filter((escalation) => escalation.status === 'active' || escalation.status === 'exhausted');
  for (const escalation of active) {
    deps.escalations.update({ ...escalation, status: 'cancelled', endedAt: now });
    deps.jobs.cancel(jobKeys.escalate(escalation.id), now);
    enqueue(deps, effect.closePageDms(incident.id, escalation.id, reason));
  }
  return active.length;
};
