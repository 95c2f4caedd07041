import type { Logger } from 'pino';
import { jobPriority, type Clock, type Job, type JobRepository } from '../app/ports.js';

type Slot = 'page' | 'general';

interface JobSlotsOptions {
  jobs: JobRepository;
  clock: Clock;
  log: Logger;
  runId: string;
  concurrency: number;
  pageSlots: number;
  /** Runs a claimed job to its end and says whether it succeeded; never rejects. */
  run: (job: Job) => Promise<boolean>;
  /** A job finished and freed its slot. */
  onFinished: () => void;
}

/**
 * The jobs running now, each in a slot. Pages are claimed first into slots of their own, so that a
 * hung cosmetic call can never hold a page back; then everything else, most urgent first. Counts what
 * ran and what failed, and tells waiters when nothing runs.
 */
export const createJobSlots = ({ jobs, clock, log, runId, concurrency, pageSlots, run, onFinished }: JobSlotsOptions) => {
  const running = new Map<string, Slot>();
  let stats = { ran: 0, failed: 0 };
  let waiters: (() => void)[] = [];

  const free = (slot: Slot, size: number) => size - [...running.values()].filter((used) => used === slot).length;

  const claim = (limit: number, maxPriority?: number): Job[] => {
    if (limit <= 0) return [];
    try {
      return jobs.claimDue(clock.now(), limit, runId, maxPriority);
    } catch (error) {
      log.error({ err: error }, 'could not claim due jobs');
      return [];
    }
  };

  const launch = (job: Job, slot: Slot) => {
    running.set(job.id, slot);
    // Not awaited: the job runs beside the tick in its slot. run never rejects; it records every failure.
    void run(job).then((ok) => {
      if (ok) stats.ran += 1;
      else stats.failed += 1;
      running.delete(job.id);
      onFinished();
    });
  };

  return {
    /** Claims due jobs into every free slot and starts them. */
    fill: () => {
      for (const job of claim(free('page', pageSlots), jobPriority.page)) launch(job, 'page');
      for (const job of claim(free('general', concurrency))) launch(job, 'general');
    },
    busy: () => running.size > 0,
    /** Resolves the waiters when nothing runs. */
    settleIfIdle: () => {
      if (running.size > 0) return;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
    /** Resolves at the next settleIfIdle that finds nothing running. */
    nextIdle: () => new Promise<void>((resolve) => waiters.push(resolve)),
    resetStats: () => {
      stats = { ran: 0, failed: 0 };
    },
    stats: () => stats,
  };
};
