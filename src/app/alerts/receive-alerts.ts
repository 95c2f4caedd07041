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
  /** When it arrived, when that is not now (the inbox folds batches as of their arrival). */
  receivedAt?: number;
}

// All of them: a page decision may declare an incident (auto_declare).
type Deps = SightingDeps;

/**
 * Batches, in the order they arrived: every alert folded, decided and stored, with the jobs the
 * decisions imply, in one transaction, each batch as of when it arrived (`receivedAt`, else now).
 * The windows and silences are read once for them all: those that have not ended by the first
 * arrival, each then judged at its batch's time. Nothing here talks to Slack. `later`: the
 * fingerprints of alerts that arrived with these but are folded after them (see settleBatch).
 */
export const receiveAlertBatches = (deps: Deps, batches: AlertBatch[], later?: ReadonlySet<string>): ReceivedBatch[] => {
  const now = deps.clock.now();
  const timeOf = (batch: AlertBatch) => batch.receivedAt ?? now;
  const first = Math.min(...batches.map(timeOf));
  const last = Math.max(...batches.map(timeOf));
  const candidates = maintenanceWindows(deps, first);
  const silences = deps.alerts.activeSilences(first);
  return deps.alerts.atomically(() => {
    const touched = new Set<string>();
    const tally = noiseTally(deps, first, true);
    const results = batches.map((batch) => {
      const at = timeOf(batch);
      const context = { sourceId: batch.sourceId, now: at, windows: openAt(candidates, at), silences, touched, tally };
      const dispositions: Partial<Record<Disposition, number>> = {};
      for (const incoming of batch.alerts) {
        const stored = applySighting(deps, incoming, context);
        dispositions[stored.disposition] = (dispositions[stored.disposition] ?? 0) + 1;
      }
      return { accepted: batch.alerts.length, dispositions };
    });
    settleBatch(deps, touched, last, later);
    tally.flush();
    return results;
  });
};

export const receiveAlerts = (deps: Deps, batch: AlertBatch): ReceivedBatch => receiveAlertBatches(deps, [batch])[0]!;
