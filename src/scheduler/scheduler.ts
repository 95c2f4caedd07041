import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock, Job, JobRepository } from '../app/ports.js';
import type { JobKind } from '../app/job-kinds.js';
import { createJobSlots } from './job-slots.js';
import { runJob, type FailureVerdict, type JobHandler, type JobRunner } from './run-job.js';
import { createWakeUps } from './wake-ups.js';

export type { FailureVerdict, JobHandler } from './run-job.js';

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
  const runner: JobRunner = { jobs, handlers, clock, log, jobTimeoutMs, retryDelaysMs, pageRetryDelaysMs, classify, onFailure };
  const slots = createJobSlots({ jobs, clock, log, runId, concurrency, pageSlots, run: (job) => runJob(job, runner), onFinished: () => pump() });
  const wakeUps = createWakeUps(jobs, clock, log, () => pump());
  let stopped = false;

  function pump(): void {
    if (!stopped) {
      slots.fill();
      wakeUps.armAlarm();
    }
    slots.settleIfIdle();
  }

  const whenIdle = () => {
    const idle = slots.nextIdle();
    pump();
    return idle;
  };

  return {
    tick: async () => {
      slots.resetStats();
      await whenIdle();
      return slots.stats();
    },
    kick: () => {
      if (!stopped) wakeUps.kick();
    },
    start: async (pollMs = 1_000) => {
      stopped = false;
      const recovered = jobs.recoverInterrupted(runId, clock.now());
      if (recovered > 0) log.warn({ recovered }, 'put back jobs an earlier process claimed but did not finish');
      wakeUps.startPolling(pollMs);
      pump();
    },
    stop: async () => {
      wakeUps.stopPolling();
      // Let what runs finish (each job is bounded by its timeout), but start nothing new.
      const drained = slots.busy() ? slots.nextIdle() : Promise.resolve();
      stopped = true;
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, jobTimeoutMs).unref())]);
    },
  };
};
