import type { Logger } from 'pino';
import { performance } from 'node:perf_hooks';

export interface InboxFolder {
  /** Something was accepted: fold it soon (on the next turn of the event loop). */
  kick(): void;
  /** A fold is queued, running or waiting to retry: the inbox may not be empty yet. */
  busy(): boolean;
  stop(): void;
}

export interface InboxFolderOptions {
  /**
   * Folds one chunk of the inbox; returns how long the oldest batch still waiting has waited, in
   * ms (undefined: none waits). `small`: requests keep coming and every one of them waits while a
   * fold holds the event loop, so the chunk should be small.
   */
  fold: (small: boolean) => number | undefined;
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
  /** Measures how long a fold took (tests pass their own). */
  elapsed?: () => number;
  /** The event loop since the last call: how long, and how much of it idle, waiting for I/O (tests pass their own). */
  loop?: () => LoopTime;
}

export interface LoopTime {
  ms: number;
  idleMs: number;
}

/** Until the oldest waiting batch is this old, answering senders goes first. */
const headStartMs = 1_000;

/**
 * While requests keep the event loop busy, the share of it folding takes, by how long the oldest
 * waiting batch has waited (ms): 2% while it is under a second old, so that senders in a burst are
 * answered at once, then more as folding falls behind, half the loop from 5 s on. Under any flood
 * the backlog stays a few seconds deep, and pages do not wait for it (the page lane).
 */
export const foldShare = (lagMs: number): number => 0.02 + 0.48 * Math.min(1, Math.max(0, (lagMs - headStartMs) / 4_000));

/** Requests keep the loop busy when it sat idle less than this share of the time between folds. */
const busyBelowIdle = 0.5;

/** How much time between folds it takes to judge whether requests keep the loop busy. */
const judgeAfterMs = 2;

/** How long the event loop ran since the last call and how long of that it sat idle (node's event loop utilisation). */
export const loopTime = (): (() => LoopTime) => {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { idle, active } = performance.eventLoopUtilization(now, last);
    last = now;
    return { ms: idle + active, idleMs: idle };
  };
};

/**
 * Whether requests keep the event loop busy, judged over the time between folds (at least
 * judgeAfterMs of it; the last verdict stands until then). `skip`: the time since the last call
 * (a fold's own) does not count; `restart`: nor does anything before now.
 */
const loopJudge = (loop: () => LoopTime) => {
  let busy = false;
  let between: LoopTime = { ms: 0, idleMs: 0 };
  return {
    judge: (): boolean => {
      const last = loop();
      between = { ms: between.ms + last.ms, idleMs: between.idleMs + last.idleMs };
      if (between.ms >= judgeAfterMs) {
        busy = between.idleMs < busyBelowIdle * between.ms;
        between = { ms: 0, idleMs: 0 };
      }
      return busy;
    },
    skip: () => {
      loop();
    },
    restart: () => {
      loop();
      between = { ms: 0, idleMs: 0 };
    },
  };
};

/**
 * Folds the alert inbox beside the requests: after a batch is accepted, one chunk per turn of the
 * event loop until the inbox is empty, so answers and pages interleave with a backlog. When requests
 * keep the loop busy (it sat idle less than half the time between folds), folds are spaced so that
 * folding takes its `foldShare` of the time and answering the rest: a burst is answered first and
 * folded right after, and a flood that goes on gets folded in full chunks at up to half the loop.
 * Not a job per chunk: claiming and completing a job costs several commits, more than folding a
 * small batch. The inbox rows are what is durable; what a stopped or killed process left is folded
 * at start-up, and a failed fold is tried again until it passes (nothing accepted is dropped).
 */
export const createInboxFolder = ({ fold, logger, gatherMs = 50, retryMs = 1_000, elapsed = () => performance.now(), loop = loopTime() }: InboxFolderOptions): InboxFolder => {
  const log = logger.child({ module: 'alert-inbox' });
  let state: 'idle' | 'queued' | 'retrying' = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // Requests accepted since the last fold began.
  let accepted = 0;
  const requestsKeepLoopBusy = loopJudge(loop);
  let lagMs = 0;
  const step = () => {
    state = 'idle';
    timer = undefined;
    if (stopped) return;
    const loopBusy = requestsKeepLoopBusy.judge();
    const requests = accepted > 0;
    accepted = 0;
    const started = elapsed();
    let waited: number | undefined;
    try {
      waited = fold(requests && lagMs < headStartMs);
    } catch (error) {
      log.error({ err: error, retryMs }, 'could not fold accepted alerts; trying again');
      state = 'retrying';
      timer = setTimeout(step, retryMs);
      return;
    } finally {
      requestsKeepLoopBusy.skip();
    }
    lagMs = waited ?? 0;
    if (waited === undefined) return;
    state = 'queued';
    if (!requests || !loopBusy) {
      setImmediate(step);
      return;
    }
    const share = foldShare(lagMs);
    timer = setTimeout(step, Math.ceil(((elapsed() - started) * (1 - share)) / share));
  };
  return {
    kick: () => {
      accepted += 1;
      if (state !== 'idle' || stopped) return;
      state = 'queued';
      // Judged afresh from the first batch: how idle the loop was before it says nothing of now.
      requestsKeepLoopBusy.restart();
      timer = setTimeout(step, gatherMs);
    },
    busy: () => state !== 'idle',
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
