import type { UseCaseDeps } from '../use-case-deps.js';
import type { IncomingAlert } from '../../domain/alerts/alert.js';
import type { SentBatch } from './alert-ports.js';

/** A batch already read into alerts, kept as our own list of them. */
export const incomingBatch = (sourceId: string, alerts: IncomingAlert[]): SentBatch => ({ sourceId, format: 'incoming', body: JSON.stringify(alerts), size: alerts.length });

type Deps = Pick<UseCaseDeps, 'atomically' | 'alertInbox' | 'clock'>;

/**
 * Requests' alert batches, accepted: stored as they are in the inbox, one row each, in one
 * transaction. The senders are answered once this returns, so whatever they were told is accepted
 * survives the process being killed; folding, deciding and paging follow (fold-alert-inbox.ts).
 */
export const acceptAlertBatches = (deps: Deps, batches: SentBatch[]): { accepted: number; id: number }[] => {
  const receivedAt = deps.clock.now();
  const ids = deps.atomically(() => deps.alertInbox.add(batches.map((batch) => ({ ...batch, receivedAt }))));
  return batches.map((batch, index) => ({ accepted: batch.size, id: ids[index]! }));
};
