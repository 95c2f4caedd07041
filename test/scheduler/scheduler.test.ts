import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobKinds, type JobKind } from '../../src/app/job-kinds.js';
import type { Job, JobRepository } from '../../src/app/ports.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createJobRepository } from '../../src/storage/job-repository.js';
import { fixedClock, sequentialIds, type FixedClock } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';
import { eventually } from '../support/eventually.js';

let database: ReturnType<typeof testDatabase>;
let jobs: JobRepository;
let clock: FixedClock;
const ran: Job[] = [];
const failing = new Set<string>();

const handlers = Object.fromEntries(
  jobKinds.map((kind) => [
    kind,
    async (job: Job) => {
      ran.push(job);
      if (failing.has(job.id)) throw new Error(`boom ${job.id}`);
    },
  ]),
) as Record<JobKind, (job: Job) => Promise<void>>;

const scheduler = (runId = 'run-1') =>
  createScheduler({ jobs, handlers, clock, logger: pino({ level: 'silent' }), runId, retryDelaysMs: [1000, 5000] });

beforeEach(() => {
  database = testDatabase();
  jobs = createJobRepository(database.db, sequentialIds('job'));
  clock = fixedClock();
  ran.length = 0;
  failing.clear();
});
afterEach(() => database.close());

describe('job repository', () => {
  it('keeps one pending job per key: scheduling again replaces it', () => {
    jobs.schedule({ kind: 'update_due', key: 'update_due:i1', dueAt: clock.now() + 1000 }, clock.now());
    jobs.schedule({ kind: 'update_due', key: 'update_due:i1', dueAt: clock.now() + 5000 }, clock.now());
    expect(jobs.countPending()).toBe(1);
    expect(jobs.pending('update_due:i1')?.dueAt).toBe(clock.now() + 5000);
    expect(jobs.cancel('update_due:i1', clock.now())).toBe(true);
    expect(jobs.cancel('update_due:i1', clock.now())).toBe(false);
    expect(jobs.countPending()).toBe(0);
  });

  it('claims a due job once, oldest first, and never a future one', () => {
    jobs.schedule({ kind: 'escalate', dueAt: clock.now() - 10 }, clock.now());
    jobs.schedule({ kind: 'escalate', dueAt: clock.now() - 20 }, clock.now());
    jobs.schedule({ kind: 'escalate', dueAt: clock.now() + 1 }, clock.now());
    const claimed = jobs.claimDue(clock.now(), 10, 'run-1');
    expect(claimed.map((job) => job.dueAt)).toEqual([clock.now() - 20, clock.now() - 10]);
    expect(claimed.every((job) => job.attempts === 1)).toBe(true);
    expect(jobs.claimDue(clock.now(), 10, 'run-1')).toEqual([]);
  });
});

describe('scheduler', () => {
  it('runs what is due on each tick, once', async () => {
    jobs.schedule({ kind: 'escalate', key: 'a', dueAt: clock.now() + 30_000 }, clock.now());
    const runner = scheduler();
    expect(await runner.tick()).toEqual({ ran: 0, failed: 0 });
    clock.advance(30_000);
    expect(await runner.tick()).toEqual({ ran: 1, failed: 0 });
    expect(await runner.tick()).toEqual({ ran: 0, failed: 0 });
    expect(ran.map((job) => job.key)).toEqual(['a']);
  });

  it('runs a job once when ticks overlap', async () => {
    jobs.schedule({ kind: 'escalate', dueAt: clock.now() }, clock.now());
    const runner = scheduler();
    await Promise.all([runner.tick(), runner.tick()]);
    expect(ran).toHaveLength(1);
  });

  it('retries a failed job after the configured delays, then gives up', async () => {
    const job = jobs.schedule({ kind: 'update_due', dueAt: clock.now() }, clock.now());
    failing.add(job.id);
    const runner = scheduler();
    expect(await runner.tick()).toEqual({ ran: 0, failed: 1 });
    clock.advance(999);
    expect(await runner.tick()).toEqual({ ran: 0, failed: 0 });
    clock.advance(1);
    expect(await runner.tick()).toEqual({ ran: 0, failed: 1 });
    clock.advance(5000);
    expect(await runner.tick()).toEqual({ ran: 0, failed: 1 });
    clock.advance(3_600_000);
    expect(await runner.tick()).toEqual({ ran: 0, failed: 0 });
    expect(ran).toHaveLength(3);
    expect(jobs.countPending()).toBe(0);
  });

  it('puts back, at start, a job a killed process had claimed but not finished', async () => {
    jobs.schedule({ kind: 'escalate', key: 'interrupted', dueAt: clock.now() }, clock.now());
    expect(jobs.claimDue(clock.now(), 10, 'dead-process')).toHaveLength(1);
    const runner = scheduler('new-process');
    await runner.start(3_600_000);
    await runner.stop();
    expect(ran.map((job) => job.key)).toEqual(['interrupted']);
  });

  it('runs overdue jobs once at start-up', async () => {
    jobs.schedule({ kind: 'postmortem_due', key: 'late', dueAt: clock.now() - 3_600_000 }, clock.now());
    const runner = scheduler();
    await runner.start(3_600_000);
    await runner.tick();
    await runner.stop();
    expect(ran.map((job) => job.key)).toEqual(['late']);
  });

  it('runs a job when it falls due between polls, without waiting for the next poll', async () => {
    // A clock that moves on its own: the alarm is a real timer set for the job's due time.
    const wallClock = { now: () => Date.now() };
    const runner = createScheduler({ jobs, handlers, clock: wallClock, logger: pino({ level: 'silent' }) });
    await runner.start(3_600_000);
    try {
      jobs.schedule({ kind: 'escalate', key: 'soon', dueAt: wallClock.now() + 200 }, wallClock.now());
      runner.kick();
      await eventually(() => expect(ran.map((job) => job.key)).toEqual(['soon']));
    } finally {
      await runner.stop();
    }
  });

  it('tells when the next job falls due, after a given time', () => {
    jobs.schedule({ kind: 'escalate', dueAt: clock.now() - 10 }, clock.now());
    jobs.schedule({ kind: 'escalate', dueAt: clock.now() + 500 }, clock.now());
    expect(jobs.nextDueAt()).toBe(clock.now() - 10);
    expect(jobs.nextDueAt(clock.now())).toBe(clock.now() + 500);
    expect(jobs.nextDueAt(clock.now() + 500)).toBeUndefined();
  });
});

describe('scheduler: order and slots', () => {
  it('claims pages before cosmetic work, and a lane one job at a time in the order written', () => {
    jobs.schedule({ kind: 'refresh_incident', lane: 'card:i1', dueAt: clock.now() - 50 }, clock.now());
    jobs.schedule({ kind: 'post_line', lane: 'card:i1', dueAt: clock.now() - 60 }, clock.now());
    jobs.schedule({ kind: 'send_page', priority: 0, dueAt: clock.now() }, clock.now());
    jobs.schedule({ kind: 'digest', priority: 3, dueAt: clock.now() - 1000 }, clock.now());
    const first = jobs.claimDue(clock.now(), 10, 'run-1');
    // The page first; of the lane only its oldest (written first, though due later); the digest last.
    expect(first.map((job) => job.kind)).toEqual(['send_page', 'refresh_incident', 'digest']);
    expect(jobs.claimDue(clock.now(), 10, 'run-1')).toEqual([]);
    jobs.complete(first[1]!.id, clock.now());
    expect(jobs.claimDue(clock.now(), 10, 'run-1').map((job) => job.kind)).toEqual(['post_line']);
  });

  it('runs a page while every general slot is held by a call that never ends', async () => {
    const hung = new Set<string>();
    const pageRan: string[] = [];
    const never = new Promise<void>(() => undefined);
    const runner = createScheduler({
      jobs,
      clock,
      logger: pino({ level: 'silent' }),
      concurrency: 2,
      pageSlots: 1,
      jobTimeoutMs: 60_000,
      handlers: { ...handlers, refresh_incident: (job) => (hung.add(job.id), never), send_page: async (job) => void pageRan.push(job.id) },
    });
    for (let n = 0; n < 5; n += 1) jobs.schedule({ kind: 'refresh_incident', dueAt: clock.now() }, clock.now());
    runner.kick();
    await expect.poll(() => hung.size).toBe(2);
    const page = jobs.schedule({ kind: 'send_page', priority: 0, dueAt: clock.now() }, clock.now());
    runner.kick();
    await expect.poll(() => pageRan).toEqual([page.id]);
    expect(hung.size).toBe(2);
  });
});
