import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock, Job, JobKind, JobRepository } from '../app/ports.js';

export type JobHandler = (job: Job) => Promise<void>;

export interface SchedulerOptions {
  jobs: JobRepository;
  handlers: Record<JobKind, JobHandler>;
  clock: Clock;
  logger: Logger;
  /** How many due jobs one tick runs at most; the rest wait for the next tick. */
  batchSize?: number;
  /** Delays before the 2nd, 3rd … try of a failed job; after the last one it is marked failed. */
  retryDelaysMs?: readonly number[];
  runId?: string;
}

export interface Scheduler {
  /** Runs every due job once. Never overlaps itself: a tick that finds one in progress does nothing. */
  tick(): Promise<{ ran: number; failed: number }>;
  /** Ticks every `everyMs` (default 2 seconds) after running what is overdue. */
  start(everyMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The durable job runner. A plain interval triggers ticks; the jobs themselves are rows, with due times. A job is
 * claimed (marked running under this process's run id) in the same transaction that selects it, so
 * it runs once; jobs a killed process had claimed are put back at start.
 */
export const createScheduler = ({
  jobs,
  handlers,
  clock,
  logger,
  batchSize = 100,
  retryDelaysMs = [30_000, 120_000, 600_000],
  runId = randomUUID(),
}: SchedulerOptions): Scheduler => {
  const log = logger.child({ module: 'scheduler' });
  let running: Promise<{ ran: number; failed: number }> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const runOne = async (job: Job): Promise<boolean> => {
    const context = { jobId: job.id, kind: job.kind, incidentId: job.incidentId, attempt: job.attempts };
    try {
      await handlers[job.kind](job);
      jobs.complete(job.id, clock.now());
      log.debug(context, 'job done');
      return true;
    } catch (error) {
      const delay = retryDelaysMs[job.attempts - 1];
      const retryAt = delay === undefined ? null : clock.now() + delay;
      jobs.fail(job.id, error instanceof Error ? error.message : String(error), retryAt, clock.now());
      log.error({ ...context, err: error, retryAt }, retryAt ? 'job failed; will retry' : 'job failed for good');
      return false;
    }
  };

  const runDue = async () => {
    let ran = 0;
    let failed = 0;
    for (const job of jobs.claimDue(clock.now(), batchSize, runId)) {
      if (await runOne(job)) ran += 1;
      else failed += 1;
    }
    return { ran, failed };
  };

  const tick = () => {
    if (running) return Promise.resolve({ ran: 0, failed: 0 });
    running = runDue().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    tick,
    start: async (everyMs = 2_000) => {
      const recovered = jobs.recoverInterrupted(runId, clock.now());
      if (recovered > 0) log.warn({ recovered }, 'put back jobs an earlier process claimed but did not finish');
      await tick();
      timer = setInterval(() => {
        void tick().catch((error) => log.error({ err: error }, 'tick failed'));
      }, everyMs);
    },
    stop: async () => {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};
