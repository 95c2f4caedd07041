import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { jobPriority, type Clock, type Job, type JobRepository } from '../app/ports.js';
import type { JobKind } from '../app/job-kinds.js';

export type JobHandler = (job: Job) => Promise<void>;

/** How a failure should be treated: given up at once (a permanent refusal) or retried after a while. */
export interface FailureVerdict {
  permanent: boolean;
  /** Slack's Retry-After, when it gave one. */
  retryAfterMs?: number;
  /** A short reason people can read: `channel_not_found`, `timed out after 10s`… */
  reason: string;
}

export interface SchedulerOptions {
  jobs: JobRepository;
  handlers: Record<JobKind, JobHandler>;
  clock: Clock;
  logger: Logger;
  /** Jobs run side by side at most (besides the page slots). */
  concurrency?: number;
  /** Slots only pages may use, so that a hung cosmetic call can never hold a page back. */
  pageSlots?: number;
  /** A job that has not finished by then counts as failed (and is retried); its slot is freed. */
  jobTimeoutMs?: number;
  /** Delays before the 2nd, 3rd … try of a failed job; after the last one it is marked failed. */
  retryDelaysMs?: readonly number[];
  /** Pages keep trying longer: a page is never given up for a passing fault. */
  pageRetryDelaysMs?: readonly number[];
  classify?: (error: unknown) => FailureVerdict;
  /** Told once when a job first fails (`retrying`) and when it is given up (`gave_up`). */
  onFailure?: (job: Job, verdict: FailureVerdict, outcome: 'retrying' | 'gave_up') => void;
  runId?: string;
}

export interface Scheduler {
  /** Runs due jobs until nothing is due and nothing runs (jobs that other jobs schedule included). */
  tick(): Promise<{ ran: number; failed: number }>;
  /** Something was scheduled: look for due jobs now rather than at the next poll. */
  kick(): void;
  /** Puts back what a killed process left running, then polls every `pollMs` (and on every kick). */
  start(pollMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const defaultClassify = (error: unknown): FailureVerdict => ({ permanent: false, reason: error instanceof Error ? error.message : String(error) });

/**
 * The durable job runner. Jobs are rows; a job is claimed (marked running under this process's run
 * id) in the transaction that selects it, so it runs once; jobs a killed process had claimed are put
 * back at start. Due jobs run side by side, most urgent first, pages in slots of their own.
 */
export const createScheduler = ({
  jobs,
  handlers,
  clock,
  logger,
  concurrency = 4,
  pageSlots = 4,
  jobTimeoutMs = 30_000,
  retryDelaysMs = [1_000, 5_000, 30_000, 120_000, 600_000],
  pageRetryDelaysMs = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 600_000, 600_000, 600_000],
  classify = defaultClassify,
  onFailure = () => undefined,
  runId = randomUUID(),
}: SchedulerOptions): Scheduler => {
  const log = logger.child({ module: 'scheduler' });
  const running = new Map<string, 'page' | 'general'>();
  let stats = { ran: 0, failed: 0 };
  let waiters: (() => void)[] = [];
  let poll: NodeJS.Timeout | undefined;
  let pollEveryMs = 1_000;
  let alarm: { timer: NodeJS.Timeout; at: number } | undefined;
  let kicked = false;
  let stopped = false;

  const withTimeout = (work: Promise<void>) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(jobTimeoutMs / 1000)}s`)), jobTimeoutMs);
      timer.unref();
      work.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  const retryDelay = (job: Job, verdict: FailureVerdict): number | null => {
    if (verdict.permanent) return null;
    const delays = job.priority === jobPriority.page ? pageRetryDelaysMs : retryDelaysMs;
    const delay = delays[job.attempts - 1];
    if (delay === undefined) return null;
    return Math.max(delay, verdict.retryAfterMs ?? 0);
  };

  const runOne = async (job: Job): Promise<boolean> => {
    const context = { jobId: job.id, kind: job.kind, incidentId: job.incidentId, attempt: job.attempts };
    try {
      await withTimeout(Promise.resolve().then(() => handlers[job.kind](job)));
      jobs.complete(job.id, clock.now());
      log.debug(context, 'job done');
      return true;
    } catch (error) {
      const verdict = classify(error);
      const delay = retryDelay(job, verdict);
      const retryAt = delay === null ? null : clock.now() + delay;
      try {
        jobs.fail(job.id, verdict.reason, retryAt, clock.now());
        if (retryAt === null) onFailure(job, verdict, 'gave_up');
        else if (job.attempts === 1) onFailure(job, verdict, 'retrying');
      } catch (storeError) {
        log.error({ ...context, err: storeError }, 'could not record a job failure');
      }
      log.error({ ...context, err: error, reason: verdict.reason, retryAt }, retryAt ? 'job failed; will retry' : 'job failed for good');
      return false;
    }
  };

  const launch = (job: Job, slot: 'page' | 'general') => {
    running.set(job.id, slot);
    // Not awaited: the job runs beside the tick in its slot. runOne never rejects; it records every failure.
    void runOne(job).then((ok) => {
      if (ok) stats.ran += 1;
      else stats.failed += 1;
      running.delete(job.id);
      pump();
    });
  };

  const free = (slot: 'page' | 'general', size: number) => size - [...running.values()].filter((used) => used === slot).length;

  const claim = (limit: number, maxPriority?: number): Job[] => {
    if (limit <= 0) return [];
    try {
      return jobs.claimDue(clock.now(), limit, runId, maxPriority);
    } catch (error) {
      log.error({ err: error }, 'could not claim due jobs');
      return [];
    }
  };

  /**
   * Between polls, wakes when the soonest future job falls due: an escalation due 0.3 s after a poll
   * pages then, not at the next poll. Later jobs are left to the poll, which arms the alarm again.
   */
  const armAlarm = () => {
    if (!poll || stopped) return;
    let next: number | undefined;
    try {
      next = jobs.nextDueAt(clock.now());
    } catch (error) {
      log.error({ err: error }, 'could not read when the next job is due');
      return;
    }
    if (next === undefined || next - clock.now() > pollEveryMs || alarm?.at === next) return;
    if (alarm) clearTimeout(alarm.timer);
    // +1 ms: a timer may fire a hair before the wall clock reaches the due time.
    const timer = setTimeout(() => {
      alarm = undefined;
      pump();
    }, next - clock.now() + 1);
    timer.unref();
    alarm = { timer, at: next };
  };

  function pump(): void {
    if (!stopped) {
      for (const job of claim(free('page', pageSlots), jobPriority.page)) launch(job, 'page');
      for (const job of claim(free('general', concurrency))) launch(job, 'general');
      armAlarm();
    }
    if (running.size === 0) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  const kick = () => {
    if (kicked || stopped) return;
    kicked = true;
    setImmediate(() => {
      kicked = false;
      pump();
    });
  };

  const whenIdle = () =>
    new Promise<void>((resolve) => {
      waiters.push(resolve);
      pump();
    });

  return {
    tick: async () => {
      stats = { ran: 0, failed: 0 };
      await whenIdle();
      return stats;
    },
    kick,
    start: async (pollMs = 1_000) => {
      stopped = false;
      const recovered = jobs.recoverInterrupted(runId, clock.now());
      if (recovered > 0) log.warn({ recovered }, 'put back jobs an earlier process claimed but did not finish');
      pollEveryMs = pollMs;
      poll = setInterval(pump, pollMs);
      pump();
    },
    stop: async () => {
      if (poll) clearInterval(poll);
      poll = undefined;
      if (alarm) clearTimeout(alarm.timer);
      alarm = undefined;
      // Let what runs finish (each job is bounded by its timeout), but start nothing new.
      const drained = running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
      stopped = true;
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, jobTimeoutMs).unref())]);
    },
  };
};
