import type { UseCaseDeps } from '../use-case-deps.js';
import type { SightingDeps } from './apply-sighting.js';
import { receiveAlertBatches } from './receive-alerts.js';

/**
 * Alerts folded per transaction. A fold holds the event loop while it runs: a few hundred alerts
 * keep that to milliseconds, so requests still get their answers while a backlog drains.
 */
export const foldChunk = 512;

/**
 * While requests keep coming and the backlog is fresh: a few milliseconds of folding at a time, so
 * that a sender that has all its requests in flight is not left waiting on one long fold (most
 * senders send a few at once).
 */
export const busyFoldChunk = 128;

// A fold decides the alerts it folds: whatever deciding a sighting needs, and the inbox.
type Deps = SightingDeps & Pick<UseCaseDeps, 'alertInbox'>;

/**
 * The oldest accepted batches (about `chunk` alerts), folded and decided as of their arrival and
 * taken out of the inbox, in one transaction: a batch is folded once, crash or not. Returns when
 * the oldest batch still waiting arrived (undefined: none waits).
 */
export const foldAlertInbox = (deps: Deps, chunk = foldChunk): number | undefined =>
  deps.atomically(() => {
    const batches = deps.alertInbox.oldest(chunk);
    if (batches.length === 0) return undefined;
    receiveAlertBatches(deps, batches);
    deps.alertInbox.removeThrough(batches.at(-1)!.id);
    return deps.alertInbox.oldestWaiting();
  });

/** At start-up, before any request: what a stopped or killed process accepted, folded in order. */
export const foldWholeInbox = (deps: Deps): void => {
  while (foldAlertInbox(deps, 4 * foldChunk) !== undefined);
};
