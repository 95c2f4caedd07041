import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertBatch } from './receive-alerts.js';

type Deps = Pick<UseCaseDeps, 'atomically' | 'alertInbox' | 'clock'>;

/**
 * Requests' alert batches, accepted: stored as they are in the inbox, one row each, in one
 * transaction. The senders are answered once this returns, so whatever they were told is accepted
 * survives the process being killed; folding, deciding and paging follow (fold-alert-inbox.ts).
 */
export const acceptAlertBatches = (deps: Deps, batches: AlertBatch[]): { accepted: number }[] => {
  const receivedAt = deps.clock.now();
  deps.atomically(() => deps.alertInbox.add(batches.map((batch) => ({ ...batch, receivedAt }))));
  return batches.map((batch) => ({ accepted: batch.alerts.length }));
};
