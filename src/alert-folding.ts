import type { Logger } from 'pino';
import { acceptAlertBatches } from './app/alerts/accept-alerts.js';
import type { SentBatch } from './app/alerts/alert-ports.js';
import { busyFoldChunk, foldAlertInbox, foldChunk, foldWholeInbox } from './app/alerts/fold-alert-inbox.js';
import { foldPagesFirst } from './app/alerts/fold-pages-first.js';
import { groupCommit } from './app/alerts/group-commit.js';
import type { UseCaseDeps } from './app/use-case-deps.js';
import { createInboxFolder } from './scheduler/inbox-folder.js';
import { createPageLane } from './scheduler/page-lane.js';

export interface AlertFolding {
  /**
   * Stores a request's batch (`pages`: it holds an alert that pages, as just read under the
   * configuration in force); resolves once it is committed.
   */
  accept(batch: SentBatch, pages: boolean): Promise<{ accepted: number }>;
  /** Accepted alerts wait to be folded, or a look at the page lane is due. */
  busy(): boolean;
  stop(): void;
}

/**
 * From accepted to decided: requests' batches are stored together (group commit) and answered once
 * committed; the folder folds the inbox in arrival order beside the requests, and the page lane takes
 * batches holding an alert that pages ahead of its backlog. What a stopped or killed process accepted
 * but had not folded is folded first, in arrival order, before any request is taken.
 */
export const startAlertFolding = (deps: UseCaseDeps, logger: Logger): AlertFolding => {
  foldWholeInbox(deps);
  const lane = createPageLane({
    foldPages: (id) => foldPagesFirst(deps, id),
    waiting: (id) => deps.alertInbox.waits(id),
    anyWaitingThrough: (id) => deps.alertInbox.waitingThrough(id),
    config: deps.config,
    logger,
  });
  const folder = createInboxFolder({
    fold: (small) => {
      const oldest = foldAlertInbox(deps, small ? busyFoldChunk : foldChunk);
      lane.folded();
      return oldest === undefined ? undefined : deps.clock.now() - oldest;
    },
    logger,
  });
  // Each request remembers the configuration it was read under: one reloaded since may page otherwise.
  const store = groupCommit((requests: { batch: SentBatch; pages: boolean; readUnder: unknown }[]) => {
    const accepted = acceptAlertBatches(deps, requests.map((request) => request.batch));
    const paging = accepted.filter((_, index) => requests[index]!.pages).map((batch) => batch.id);
    lane.accepted(accepted.at(-1)?.id ?? 0, paging, requests.some((request) => request.readUnder !== deps.config()));
    folder.kick();
    return accepted;
  });
  return {
    accept: (batch, pages) => store({ batch, pages, readUnder: deps.config() }),
    busy: () => folder.busy() || lane.busy(),
    stop: () => {
      folder.stop();
      lane.stop();
    },
  };
};
