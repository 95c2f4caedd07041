import { and, asc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { FollowUpRepository } from '../app/postmortem/ports.js';
import type { IdGenerator } from '../app/ports.js';
import type { FollowUp, FollowUpStatus } from '../domain/postmortem/types.js';
import type { Db } from './database.js';
import { followUps } from './schema.js';

type Row = typeof followUps.$inferSelect;
const toFollowUp = (row: Row): FollowUp => ({ ...row, status: row.status as FollowUpStatus });

export const createFollowUpRepository = (db: Db, newId: IdGenerator): FollowUpRepository => ({
  add: (input) => toFollowUp(db.insert(followUps).values({ id: newId(), ...input }).returning().get()),
  findById: (id) => {
    const row = db.select().from(followUps).where(eq(followUps.id, id)).get();
    return row ? toFollowUp(row) : undefined;
  },
  listForIncident: (incidentId) =>
    db.select().from(followUps).where(eq(followUps.incidentId, incidentId)).orderBy(asc(followUps.createdAt)).all().map(toFollowUp),
  listOpen: (filter = {}) =>
    db
      .select()
      .from(followUps)
      .where(
        and(
          eq(followUps.status, 'open'),
          filter.ownerId ? eq(followUps.ownerId, filter.ownerId) : undefined,
          filter.dueBefore !== undefined ? and(isNotNull(followUps.dueAt), lt(followUps.dueAt, filter.dueBefore)) : undefined,
        ),
      )
      .orderBy(sql`${followUps.dueAt} is null`, asc(followUps.dueAt), asc(followUps.createdAt))
      .all()
      .map(toFollowUp),
  markDone: (id, at) => {
    const row = db.update(followUps).set({ status: 'done', doneAt: at }).where(eq(followUps.id, id)).returning().get();
    return row ? toFollowUp(row) : undefined;
  },
  countOverdue: (now) =>
    db
      .select({ count: sql<number>`count(*)` })
      .from(followUps)
      .where(and(eq(followUps.status, 'open'), isNotNull(followUps.dueAt), lt(followUps.dueAt, now)))
      .get()?.count ?? 0,
});
