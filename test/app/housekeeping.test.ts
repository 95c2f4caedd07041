import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { housekeepingEveryMs, pruneHistory, retentionMs, scheduleHousekeeping } from '../../src/app/housekeeping.js';
import type { JobRepository } from '../../src/app/ports.js';
import { createIdempotencyRepository } from '../../src/storage/idempotency-repository.js';
import { createJobRepository } from '../../src/storage/job-repository.js';
import { jobs as jobsTable } from '../../src/storage/schema.js';
import { fixedClock, sequentialIds, type FixedClock } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';
import { startHarness } from '../support/bot-harness.js';
import { jobKeys } from '../../src/app/job-keys.js';

let database: ReturnType<typeof testDatabase>;
let clock: FixedClock;
let jobs: JobRepository;
const day = 86_400_000;

beforeEach(() => {
  database = testDatabase();
  clock = fixedClock();
  jobs = createJobRepository(database.db, sequentialIds('job'));
});
afterEach(() => database.close());

/** A job that ended (or still waits) in `state`, last changed at `at`. */
const jobEndedAt = (state: 'done' | 'cancelled' | 'failed' | 'pending' | 'running', at: number, key: string) => {
  const job = jobs.schedule({ kind: 'update_due', key, dueAt: at }, at);
  if (state === 'pending') return;
  if (state === 'cancelled') jobs.cancel(key, at);
  else {
    jobs.claimDue(at, 100, 'run-1');
    if (state === 'done') jobs.complete(job.id, at);
    if (state === 'failed') jobs.fail(job.id, 'boom', null, at);
  }
};

const remainingKeys = () =>
  database.db
    .select({ key: jobsTable.key })
    .from(jobsTable)
    .all()
    .map((row) => row.key)
    .sort();

describe('housekeeping', () => {
  it('prunes finished jobs and processed-request ids older than the retention period, and nothing else', () => {
    const idempotency = createIdempotencyRepository(database.db);
    const old = clock.now();
    for (const state of ['done', 'cancelled', 'failed', 'pending', 'running'] as const) jobEndedAt(state, old, `old-${state}`);
    expect(idempotency.claim('old-request', old)).toBe(true);
    clock.advance(retentionMs);
    jobEndedAt('done', clock.now(), 'recent-done');
    expect(idempotency.claim('recent-request', clock.now())).toBe(true);

    // Exactly at the retention boundary nothing is old enough yet.
    expect(pruneHistory({ clock, jobs, idempotency, log: pino({ level: 'silent' }) })).toEqual({ jobs: 0, requests: 0 });
    clock.advance(1);
    expect(pruneHistory({ clock, jobs, idempotency, log: pino({ level: 'silent' }) })).toEqual({ jobs: 3, requests: 1 });
    expect(remainingKeys()).toEqual(['old-pending', 'old-running', 'recent-done']);
    // A pruned request id may be claimed again; a kept one may not.
    expect(idempotency.claim('old-request', clock.now())).toBe(true);
    expect(idempotency.claim('recent-request', clock.now())).toBe(false);
  });

  it('keeps exactly one pending housekeeping job, left where it is across restarts', () => {
    scheduleHousekeeping({ clock, jobs });
    const first = jobs.pending(jobKeys.housekeeping);
    expect(first?.dueAt).toBe(clock.now() + housekeepingEveryMs);
    clock.advance(2 * day);
    scheduleHousekeeping({ clock, jobs });
    expect(jobs.pending(jobKeys.housekeeping)).toEqual(first);
    expect(jobs.countPending()).toBe(1);
  });

  it('runs as a periodic job of the running bot: old request ids are forgotten, the next run is scheduled', async () => {
    const h = await startHarness({ clock });
    try {
      const { idempotency, jobs: botJobs } = h.bot.deps;
      expect(idempotency.claim('view_submission:old', clock.now())).toBe(true);
      const firstRun = botJobs.pending(jobKeys.housekeeping)!.dueAt;
      clock.advance(retentionMs + housekeepingEveryMs);
      await h.bot.scheduler.tick();
      expect(botJobs.pending(jobKeys.housekeeping)!.dueAt).toBe(clock.now() + housekeepingEveryMs);
      expect(botJobs.pending(jobKeys.housekeeping)!.dueAt).toBeGreaterThan(firstRun);
      expect(idempotency.claim('view_submission:old', clock.now())).toBe(true);
      expect(idempotency.claim('view_submission:old', clock.now())).toBe(false);
    } finally {
      await h.close();
    }
  });
});
