import { and, eq, gt, inArray, lt, min, ne, sql } from 'drizzle-orm';
import { jobPriority, type IdGenerator, type Job, type JobRepository, type NewJob } from '../app/ports.js';
import type { JobKind } from '../app/job-kinds.js';
import type { Db } from './database.js';
import { jobs } from './schema.js';

type Row = typeof jobs.$inferSelect;

const toJob = (row: Row): Job => ({
  id: row.id,
  kind: row.kind as JobKind,
  key: row.key,
  incidentId: row.incidentId,
  dueAt: row.dueAt,
  payload: row.payload,
  attempts: row.attempts,
  priority: row.priority,
  lane: row.lane,
  actorId: row.actorId,
});

const pendingWithKey = (key: string) => and(eq(jobs.key, key), eq(jobs.status, 'pending'));

/** pending(key) runs for every batch of alerts folded: its query is built once per database, not per call. */
const pendingQueries = new WeakMap<Db, ReturnType<typeof preparePending>>();
const preparePending = (db: Db) => db.select().from(jobs).where(and(eq(jobs.key, sql.placeholder('key')), eq(jobs.status, 'pending'))).prepare();
const pendingQuery = (db: Db) => {
  const kept = pendingQueries.get(db) ?? preparePending(db);
  pendingQueries.set(db, kept);
  return kept;
};

const scheduleJob = (db: Db, newId: IdGenerator, job: NewJob, now: number): Job =>
  db.transaction((tx) => {
    if (job.key) tx.update(jobs).set({ status: 'cancelled', updatedAt: now }).where(pendingWithKey(job.key)).run();
    const row = tx
      .insert(jobs)
      .values({
        id: newId(),
        kind: job.kind,
        key: job.key ?? null,
        incidentId: job.incidentId ?? null,
        dueAt: job.dueAt,
        payload: job.payload ?? {},
        priority: job.priority ?? jobPriority.cosmetic,
        lane: job.lane ?? null,
        actorId: job.actorId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    return toJob(row);
  });

/** Putting work on the queue and taking it off before it runs. */
const queueing = (db: Db, newId: IdGenerator): Pick<JobRepository, 'schedule' | 'cancel' | 'cancelForIncident' | 'pending'> => ({
  schedule: (job, now) => scheduleJob(db, newId, job, now),

  cancel: (key, now) => db.update(jobs).set({ status: 'cancelled', updatedAt: now }).where(pendingWithKey(key)).run().changes > 0,

  cancelForIncident: (incidentId, kinds, now) =>
    db
      .update(jobs)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(jobs.incidentId, incidentId), eq(jobs.status, 'pending'), inArray(jobs.kind, [...kinds])))
      .run().changes,

  pending: (key) => {
    const row = pendingQuery(db).get({ key });
    return row ? toJob(row) : undefined;
  },
});

/** Marks up to `limit` due jobs running for this run: most urgent first, and per lane only the oldest. */
const claimDueJobs = (db: Db, now: number, limit: number, runId: string, maxPriority: number): Job[] =>
  db.transaction((tx) => {
    // rowid is the order jobs were written in: a lane's jobs run in that order, one at a time.
    const due = tx
      .all<{ id: string }>(
        sql`select j.id as id from jobs j
            where j.status = 'pending' and j.due_at <= ${now} and j.priority <= ${maxPriority}
              and (j.lane is null or not exists (
                select 1 from jobs k where k.lane = j.lane and k.status in ('pending', 'running') and k.rowid < j.rowid))
            order by j.priority, j.due_at, j.rowid
            limit ${limit}`,
      )
      .map((row) => row.id);
    if (due.length === 0) return [];
    const order = new Map(due.map((id, index) => [id, index]));
    return tx
      .update(jobs)
      .set({ status: 'running', runId, attempts: sql`${jobs.attempts} + 1`, updatedAt: now })
      .where(inArray(jobs.id, due))
      .returning()
      .all()
      .map(toJob)
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });

/** What the scheduler does with a job: claim it, finish it, retry it, take it back after a crash. */
const running = (db: Db): Pick<JobRepository, 'claimDue' | 'complete' | 'fail' | 'recoverInterrupted'> => ({
  claimDue: (now, limit, runId, maxPriority = Number.MAX_SAFE_INTEGER) => claimDueJobs(db, now, limit, runId, maxPriority),

  complete: (id, now) => {
    db.update(jobs).set({ status: 'done', updatedAt: now }).where(eq(jobs.id, id)).run();
  },

  fail: (id, error, retryAt, now) => {
    db.update(jobs)
      .set(
        retryAt === null
          ? { status: 'failed', lastError: error, updatedAt: now }
          : { status: 'pending', lastError: error, dueAt: retryAt, updatedAt: now },
      )
      .where(eq(jobs.id, id))
      .run();
  },

  recoverInterrupted: (currentRunId, now) =>
    db
      .update(jobs)
      .set({ status: 'pending', updatedAt: now })
      .where(and(eq(jobs.status, 'running'), ne(jobs.runId, currentRunId)))
      .run().changes,
});

/** Reading the queue: when to wake next, an incident's jobs, the backlog; and forgetting old jobs. */
const inspection = (db: Db): Pick<JobRepository, 'nextDueAt' | 'listForIncident' | 'prune' | 'countPending'> => ({
  nextDueAt: (after) =>
    db
      .select({ at: min(jobs.dueAt) })
      .from(jobs)
      .where(and(eq(jobs.status, 'pending'), after === undefined ? undefined : gt(jobs.dueAt, after)))
      .get()?.at ?? undefined,

  listForIncident: (incidentId) =>
    db
      .select()
      .from(jobs)
      .where(eq(jobs.incidentId, incidentId))
      .orderBy(sql`rowid`)
      .all()
      .map((row) => ({ ...toJob(row), status: row.status, lastError: row.lastError })),

  prune: (before) =>
    db
      .delete(jobs)
      .where(and(inArray(jobs.status, ['done', 'cancelled', 'failed']), lt(jobs.updatedAt, before)))
      .run().changes,

  countPending: () => db.select({ count: sql<number>`count(*)` }).from(jobs).where(eq(jobs.status, 'pending')).get()?.count ?? 0,
});

export const createJobRepository = (db: Db, newId: IdGenerator): JobRepository => ({
  ...queueing(db, newId),
  ...running(db),
  ...inspection(db),
});
