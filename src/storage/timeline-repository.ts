import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { IdGenerator } from '../app/ports.js';
import type { SlackSource, TimelineRepository } from '../app/incident/ports.js';
import type { TimelineEntry, TimelineEvent, TimelineKind } from '../domain/timeline/event.js';
import type { Db } from './database.js';
import { timelineEntries } from './schema.js';

type Row = typeof timelineEntries.$inferSelect;

const toEntry = (row: Row): TimelineEntry => ({
  id: row.id,
  incidentId: row.incidentId,
  kind: row.kind as TimelineKind,
  actorId: row.actorId,
  at: row.occurredAt,
  text: row.text,
  data: row.data,
  slackTs: row.slackTs,
  permalink: row.permalink,
  editedAt: row.editedAt,
  deletedAt: row.deletedAt,
});

export const timelineValues = (
  id: string,
  incidentId: string,
  event: TimelineEvent,
  source?: SlackSource,
): typeof timelineEntries.$inferInsert => ({
  id,
  incidentId,
  kind: event.kind,
  actorId: event.actorId,
  occurredAt: event.at,
  text: event.text,
  data: event.data,
  slackTs: source?.ts ?? null,
  permalink: source?.permalink ?? null,
  sourceKey: source?.sourceKey ?? null,
});

export const createTimelineRepository = (db: Db, newId: IdGenerator): TimelineRepository => {
  const bySource = (incidentId: string, sourceKey: string) =>
    and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.sourceKey, sourceKey));

  return {
    append: (incidentId, event, source) =>
      toEntry(db.insert(timelineEntries).values(timelineValues(newId(), incidentId, event, source)).returning().get()),

    appendOnce: (incidentId, event, source) => {
      const row = db
        .insert(timelineEntries)
        .values(timelineValues(newId(), incidentId, event, source))
        .onConflictDoNothing()
        .returning()
        .get();
      return row ? toEntry(row) : undefined;
    },

    edit: (incidentId, sourceKey, text, at) =>
      db.update(timelineEntries).set({ text, editedAt: at }).where(bySource(incidentId, sourceKey)).run().changes > 0,

    // A deleted message may have been deleted because it held something sensitive: keep the fact, drop the text.
    remove: (incidentId, sourceKey, at) =>
      db
        .update(timelineEntries)
        .set({ text: '', deletedAt: at })
        .where(bySource(incidentId, sourceKey))
        .run().changes > 0,

    restore: (incidentId, sourceKey, at) =>
      db
        .update(timelineEntries)
        .set({ deletedAt: null, occurredAt: at })
        .where(and(bySource(incidentId, sourceKey), isNotNull(timelineEntries.deletedAt)))
        .run().changes > 0,

    findBySource: (incidentId, sourceKey) => {
      const row = db.select().from(timelineEntries).where(bySource(incidentId, sourceKey)).get();
      return row ? toEntry(row) : undefined;
    },

    setSource: (entryId, source) =>
      db.update(timelineEntries).set({ slackTs: source.ts, permalink: source.permalink }).where(eq(timelineEntries.id, entryId)).run().changes > 0,

    list: (incidentId) =>
      db
        .select()
        .from(timelineEntries)
        .where(eq(timelineEntries.incidentId, incidentId))
        .orderBy(asc(timelineEntries.occurredAt), asc(sql`rowid`))
        .all()
        .map(toEntry),
  };
};
