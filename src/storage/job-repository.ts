import { and, asc, eq, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { IdGenerator, Job, JobKind, JobRepository } from '../app/ports.js';
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
});

const pendingWithKey = (key: string) => and(eq(jobs.key, key), eq(jobs.status, 'pending'));

export const createJobRepository = (db: Db, newId: IdGenerator): JobRepository => ({
  schedule: (job, now) =>
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
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      return toJob(row);
    }),

  cancel: (key, now) => db.update(jobs).set({ status: 'cancelled', updatedAt: now }).where(pendingWithKey(key)).run().changes > 0,

  cancelForIncident: (incidentId, kinds, now) =>
    db
      .update(jobs)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(jobs.incidentId, incidentId), eq(jobs.status, 'pending'), inArray(jobs.kind, [...kinds])))
      .run().changes,

  pending: (key) => {
    const row = db.select().from(jobs).where(pendingWithKey(key)).get();
    return row ? toJob(row) : undefined;
  },

  claimDue: (now, limit, runId) =>
    db.transaction((tx) => {
      const due = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.status, 'pending'), lte(jobs.dueAt, now)))
        .orderBy(asc(jobs.dueAt))
        .limit(limit)
        .all()
        .map((row) => row.id);
      if (due.length === 0) return [];
      return tx
        .update(jobs)
        .set({ status: 'running', runId, attempts: sql`${jobs.attempts} + 1`, updatedAt: now })
        .where(inArray(jobs.id, due))
        .returning()
        .all()
        .map(toJob)
        .sort((a, b) => a.dueAt - b.dueAt);
    }),

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

  prune: (before) =>
    db
      .delete(jobs)
      .where(and(inArray(jobs.status, ['done', 'cancelled', 'failed']), lt(jobs.updatedAt, before)))
      .run().changes,

  countPending: () => db.select({ count: sql<number>`count(*)` }).from(jobs).where(eq(jobs.status, 'pending')).get()?.count ?? 0,
});
