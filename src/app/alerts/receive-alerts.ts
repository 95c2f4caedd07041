import type { Disposition, IncomingAlert } from '../../domain/alerts/alert.js';
import { openAt } from '../../domain/alerts/hold.js';
import type { UseCaseDeps } from '../ports.js';
import { applySighting, scheduleExpirySweep } from './apply-sighting.js';
import { maintenanceWindows } from './holding-windows.js';

export interface ReceivedBatch {
  accepted: number;
  dispositions: Partial<Record<Disposition, number>>;
}

/**
 * A batch from one source: every alert folded, decided and stored, with the jobs the decisions
 * imply, in one transaction, before the sender is answered. Nothing here talks to Slack.
 */
export const receiveAlerts = (
  deps: Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config' | 'clock' | 'maintenances'>,
  input: { sourceId: string; alerts: IncomingAlert[] },
): ReceivedBatch => {
  const now = deps.clock.now();
  const windows = openAt(maintenanceWindows(deps, now), now);
  return deps.alerts.atomically(() => {
    const dispositions: Partial<Record<Disposition, number>> = {};
    for (const incoming of input.alerts) {
      const stored = applySighting(deps, incoming, { sourceId: input.sourceId, now, windows });
      dispositions[stored.disposition] = (dispositions[stored.disposition] ?? 0) + 1;
    }
    scheduleExpirySweep(deps, now);
    return { accepted: input.alerts.length, dispositions };
  });
};
