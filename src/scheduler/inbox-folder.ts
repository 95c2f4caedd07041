import type { Logger } from 'pino';

export interface InboxFolder {
  /** Something was accepted: fold it soon (on the next turn of the event loop). */
  kick(): void;
  /** A fold is queued, running or waiting to retry: the inbox may not be empty yet. */
  busy(): boolean;
  stop(): void;
}

export interface InboxFolderOptions {
  /**
   * Folds one chunk of the inbox; true when more wait. `busy`: requests keep coming, and every
   * one of them waits while a fold holds the event loop, so the chunk should be small.
   */
  fold: (busy: boolean) => boolean;
  logger: Logger;
  /**
   * How long a fold waits after the first accepted batch, so that a stream of small requests folds
   * many at a time: each fold reads the open windows, silences and pending jobs once, settles its
   * groups and commits, whatever its size (about a millisecond). At 2,000 one-alert requests a
   * second, 10 ms folded some 30 alerts at a time and 50 ms some 100, for about a tenth less CPU per
   * alert. A page waits that much longer; against the seconds a page may take, nothing.
   */
  gatherMs?: number;
  retryMs?: number;
  /**
   * While requests keep coming, the share of the event loop folding may take (0–1): the rest goes
   * to answering, so a sender's batch is on disk and answered at once, and the backlog it leaves
   * drains as soon as the requests pause. Folding never stops: pages still go out during a flood.
   */
  busyShare?: number;
  /** Measures how long a fold took (tests pass their own). */
  elapsed?: () => number;
}

/**
 * Folds the alert inbox beside the requests: after a batch is accepted, one chunk per turn of the
 * event loop until the inbox is empty, so answers and pages interleave with a backlog; while
 * requests keep coming, chunks are spaced so folding takes at most `busyShare` of the time. Not a job per
 * chunk: claiming and completing a job costs several commits, more than folding a small batch. The
 * inbox rows are what is durable; what a stopped or killed process left is folded at start-up, and
 * a failed fold is tried again until it passes (nothing accepted is dropped).
 */
export const createInboxFolder = ({ fold, logger, gatherMs = 50, retryMs = 1_000, busyShare = 0.25, elapsed = () => performance.now() }: InboxFolderOptions): InboxFolder => {
  const log = logger.child({ module: 'alert-inbox' });
  let state: 'idle' | 'queued' | 'retrying' = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // Requests accepted since the last fold began: the intake is busy.
  let accepted = 0;
  const step = () => {
    state = 'idle';
    timer = undefined;
    if (stopped) return;
    const busy = accepted > 0;
    accepted = 0;
    const started = elapsed();
    let more: boolean;
    try {
      more = fold(busy);
    } catch (error) {
      log.error({ err: error, retryMs }, 'could not fold accepted alerts; trying again');
      state = 'retrying';
      timer = setTimeout(step, retryMs);
      return;
    }
    if (!more) return;
    state = 'queued';
    if (!busy) {
      setImmediate(step);
      return;
    }
    const spent = elapsed() - started;
    timer = setTimeout(step, Math.ceil((spent * (1 - busyShare)) / busyShare));
  };
  return {
    kick: () => {
      accepted += 1;
      if (state !== 'idle' || stopped) return;
      state = 'queued';
      timer = setTimeout(step, gatherMs);
    },
    busy: () => state !== 'idle',
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
