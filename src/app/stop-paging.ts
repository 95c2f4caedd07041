import type { Incident } from '../domain/incident/incident.js';
import { escalationJobKey } from './page-level.js';
import type { UseCaseDeps } from './ports.js';

/** Resolving or cancelling an incident ends its pages: nobody should be woken for a finished incident. */
export const stopPaging = async (deps: UseCaseDeps, incident: Incident, reason: string): Promise<number> => {
  const now = deps.clock.now();
  const active = deps.escalations.listForIncident(incident.id).filter((escalation) => escalation.status === 'active');
  for (const escalation of active) {
    deps.escalations.update({ ...escalation, status: 'cancelled', endedAt: now });
    deps.jobs.cancel(escalationJobKey(escalation.id), now);
    for (const notification of deps.escalations.notifications(escalation.id)) {
      await deps.notifier.closePage(notification, incident, reason);
    }
  }
  return active.length;
};
