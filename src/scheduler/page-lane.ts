import type { Logger } from 'pino';

export interface PageLaneOptions {
  /** Folds the paging alerts of waiting batch `id` ahead of the backlog ('left': none there). */
  foldPages(id: number): 'folded' | 'left';
  /** Whether batch `id` still waits in the inbox. */
  waiting(id: number): boolean;
  /** Whether any batch up to and including `id` still waits. */
  anyWaitingThrough(id: number): boolean;
  /** The configuration in force: a reload may change which alerts page. */
  config(): unknown;
  logger: Logger;
}

export interface PageLane {
  /**
   * Batches were accepted: `newest` is the last one's id, `paging` those holding an alert that
   * pages. `stale`: some were read under a configuration that is no longer in force.
   */
  accepted(newest: number, paging: number[], stale?: boolean): void;
  /** A fold in arrival order ran: a batch of the lane that waited for its turn may be gone now. */
  folded(): void;
  /** A look at the lane is due. */
  busy(): boolean;
  stop(): void;
}

/**
 * Batches holding an alert that pages go ahead of the backlog, on the next turn of the event loop:
 * a page in a flood of 100,000 warnings waits for nothing but its own fold. Order keeps it safe:
 * every sighting of a paging alert is in a batch of this lane, and the lane takes its batches strictly
 * in the order they arrived. A batch that is not taken ahead (nothing waits before it: its turn is
 * next) is folded whole in its turn, and every batch behind it in the lane waits for that. A reload may change which alerts page: batches accepted before it is seen are left to
 * the fold in arrival order, and nothing goes ahead until they are folded. A failed fold here leaves
 * the batch, and the lane behind it, to its turn.
 */
export const createPageLane = (options: PageLaneOptions): PageLane => {
  const log = options.logger.child({ module: 'alert-page-lane' });
  const queue: number[] = [];
  let newestAccepted = 0;
  let config = options.config();
  // Batches up to this one were accepted under an earlier configuration.
  let barrier = 0;
  let scheduled = false;
  let stopped = false;
  const noticeReload = () => {
    if (options.config() === config) return;
    config = options.config();
    barrier = newestAccepted;
  };
  const goesAhead = (id: number): boolean => {
    // Alone in the inbox, or behind batches from before a reload: its turn comes first or must.
    if (id <= barrier || options.anyWaitingThrough(barrier) || !options.anyWaitingThrough(id - 1)) return false;
    try {
      return options.foldPages(id) === 'folded';
    } catch (error) {
      log.error({ err: error, batchId: id }, "could not fold a batch's paging alerts ahead of the backlog; they are folded in their turn");
      return false;
    }
  };
  const drain = () => {
    scheduled = false;
    if (stopped) return;
    noticeReload();
    while (queue.length > 0) {
      const id = queue[0]!;
      if (options.waiting(id) && !goesAhead(id)) return;
      queue.shift();
    }
  };
  const schedule = () => {
    if (scheduled || stopped || queue.length === 0) return;
    scheduled = true;
    setImmediate(drain);
  };
  return {
    accepted: (newest, paging, stale = false) => {
      noticeReload();
      newestAccepted = Math.max(newestAccepted, newest);
      if (stale) barrier = newestAccepted;
      queue.push(...paging);
      schedule();
    },
    folded: schedule,
    busy: () => scheduled,
    stop: () => {
      stopped = true;
    },
  };
};
