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

/** What running one job needs: its handler, the store to record the outcome in, and the retry policy. */
export interface JobRunner {
  jobs: JobRepository;
  handlers: Record<JobKind, JobHandler>;
  clock: Clock;
  log: Logger;
  jobTimeoutMs: number;
  retryDelaysMs: readonly number[];
  pageRetryDelaysMs: readonly number[];
  classify: (error: unknown) => FailureVerdict;
  onFailure: (job: Job, verdict: FailureVerdict, outcome: 'retrying' | 'gave_up') => void;
}

/** A hung handler counts as failed after `ms`, so that its slot is freed and the job retried. */
const withTimeout = (work: Promise<void>, ms: number) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)}s`)), ms);
    timer.unref();
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/** When to try a failed job again, or null to give it up. Pages follow a longer schedule. */
const retryDelay = (job: Job, verdict: FailureVerdict, runner: JobRunner): number | null => {
  if (verdict.permanent) return null;
  const delays = job.priority === jobPriority.page ? runner.pageRetryDelaysMs : runner.retryDelaysMs;
  const delay = delays[job.attempts - 1];
  if (delay === undefined) return null;
  return Math.max(delay, verdict.retryAfterMs ?? 0);
};

/** Runs one claimed job and records how it ended (done, retry at, or failed). Never rejects. */
export const runJob = async (job: Job, runner: JobRunner): Promise<boolean> => {
  const { jobs, clock, log } = runner;
  const context = { jobId: job.id, kind: job.kind, incidentId: job.incidentId, attempt: job.attempts };
  try {
    await withTimeout(Promise.resolve().then(() => runner.handlers[job.kind](job)), runner.jobTimeoutMs);
    jobs.complete(job.id, clock.now());
    log.debug(context, 'job done');
    return true;
  } catch (error) {
    const verdict = runner.classify(error);
    const delay = retryDelay(job, verdict, runner);
    const retryAt = delay === null ? null : clock.now() + delay;
    try {
      jobs.fail(job.id, verdict.reason, retryAt, clock.now());
      if (retryAt === null) runner.onFailure(job, verdict, 'gave_up');
      else if (job.attempts === 1) runner.onFailure(job, verdict, 'retrying');
    } catch (storeError) {
      log.error({ ...context, err: storeError }, 'could not record a job failure');
    }
    log.error({ ...context, err: error, reason: verdict.reason, retryAt }, retryAt ? 'job failed; will retry' : 'job failed for good');
    return false;
  }
};
