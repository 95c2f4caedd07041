import type { Disposition, IncomingAlert } from '../../domain/alerts/alert.js';
import { openAt } from '../../domain/alerts/hold.js';
import { applySighting, settleBatch, type SightingDeps } from './apply-sighting.js';
import { maintenanceWindows } from './holding-windows.js';
import { noiseTally } from './noise-tally.js';

export interface ReceivedBatch {
  accepted: number;
  dispositions: Partial<Record<Disposition, number>>;
}

export interface AlertBatch {
  sourceId: string;
  alerts: IncomingAlert[];
}

// All of them: a page decision may declare an incident (auto_declare).
type Deps = SightingDeps;

/**
 * Batches that arrived together: every alert folded, decided and stored, with the jobs the
 * decisions imply, in one transaction, as of `now` (when they arrived; fold-alert-inbox.ts passes
 * the inbox's arrival time). Nothing here talks to Slack.
 */
export const receiveAlertBatches = (deps: Deps, batches: AlertBatch[], now = deps.clock.now()): ReceivedBatch[] => {
  const windows = openAt(maintenanceWindows(deps, now), now);
  const silences = deps.alerts.activeSilences(now);
  return deps.alerts.atomically(() => {
    const touched = new Set<string>();
    const tally = noiseTally(deps, now, true);
    const results = batches.map((batch) => {
      const dispositions: Partial<Record<Disposition, number>> = {};
      for (const incoming of batch.alerts) {
        const stored = applySighting(deps, incoming, { sourceId: batch.sourceId, now, windows, silences, touched, tally });
        dispositions[stored.disposition] = (dispositions[stored.disposition] ?? 0) + 1;
      }
      return { accepted: batch.alerts.length, dispositions };
    });
    settleBatch(deps, touched, now);
    tally.flush();
    return results;
  });
};

export const receiveAlerts = (deps: Deps, batch: AlertBatch): ReceivedBatch => receiveAlertBatches(deps, [batch])[0]!;
