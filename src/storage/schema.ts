import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Timestamps are integer milliseconds since the epoch, UTC. */
export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    number: integer('number').notNull().unique(),
    title: text('title').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull(),
    summary: text('summary').notNull().default(''),
    impact: text('impact').notNull().default(''),
    services: text('services', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    isPrivate: integer('is_private', { mode: 'boolean' }).notNull().default(false),
    reporterId: text('reporter_id').notNull(),
    channelId: text('channel_id').unique(),
    channelName: text('channel_name'),
    cardTs: text('card_ts'),
    announcementChannelId: text('announcement_channel_id'),
    announcementTs: text('announcement_ts'),
    latestUpdateText: text('latest_update_text'),
    latestUpdateAt: integer('latest_update_at'),
    latestUpdateBy: text('latest_update_by'),
    declaredAt: integer('declared_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
  },
  (table) => [index('incidents_status_idx').on(table.status)],
);

/** Who held which role, from when to when; the open row (endedAt null) is the current holder. */
export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    userId: text('user_id').notNull(),
    assignedBy: text('assigned_by').notNull(),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (table) => [index('role_assignments_incident_idx').on(table.incidentId, table.role)],
);

export const timelineEntries = sqliteTable(
  'timeline_entries',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: text('actor_id').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    text: text('text').notNull().default(''),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    slackTs: text('slack_ts'),
    permalink: text('permalink'),
    /** Identifies the Slack fact behind an entry (message ts, reaction by user…) so repeats update it. */
    sourceKey: text('source_key'),
    editedAt: integer('edited_at'),
    deletedAt: integer('deleted_at'),
  },
  (table) => [
    index('timeline_incident_idx').on(table.incidentId, table.occurredAt),
    uniqueIndex('timeline_source_key_idx').on(table.incidentId, table.sourceKey),
  ],
);

/** Slack retries events and people double-click submit: each key takes effect once. */
export const processedRequests = sqliteTable('processed_requests', {
  key: text('key').primaryKey(),
  processedAt: integer('processed_at').notNull(),
});
