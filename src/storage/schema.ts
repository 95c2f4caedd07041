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
    /** A practice incident: timers run faster, nothing reaches stakeholders, executives, the status page or metrics. */
    isDrill: integer('is_drill', { mode: 'boolean' }).notNull().default(false),
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
    /** Bumped by every write; writes are partial (only the changed fields), so concurrent changes keep each other's. */
    version: integer('version').notNull().default(1),
    /** Why the incident's channel could not be created (e.g. missing_scope); null while it is fine or pending. */
    setupError: text('setup_error'),
    /**
     * The `public_changes` version at this incident's last change the status page could show (kept
     * by triggers), so the page re-reads only the incidents that changed since it last looked.
     */
    publicVersion: integer('public_version').notNull().default(0),
  },
  (table) => [
    index('incidents_status_idx').on(table.status),
    index('incidents_public_version_idx').on(table.publicVersion),
    // The status page and the digest read the incidents declared in the last 90 days.
    index('incidents_declared_idx').on(table.declaredAt),
  ],
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

/**
 * The durable scheduler's queue: every timed action is a row with its due time, so a restart loses
 * nothing. `key` names the one pending job of its kind for a subject (e.g. the update reminder of an
 * incident): scheduling under the same key replaces it.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    key: text('key'),
    incidentId: text('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    dueAt: integer('due_at').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    runId: text('run_id'),
    /** 0 pages, 1 what people wait on (channel, acknowledgements), 2 cosmetic, 3 background; lower runs first. */
    priority: integer('priority').notNull().default(2),
    /** Jobs of one lane run one at a time in the order they were written (e.g. the card before its refresh). */
    lane: text('lane'),
    /** Who asked for the change this job carries out: told privately when it fails. */
    actorId: text('actor_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('jobs_due_idx').on(table.status, table.dueAt),
    index('jobs_claim_idx').on(table.status, table.priority, table.dueAt),
    index('jobs_lane_idx').on(table.lane, table.status),
    index('jobs_key_idx').on(table.key, table.status),
    index('jobs_incident_idx').on(table.incidentId),
  ],
);

/** One run of an escalation policy (or a direct page) for an incident, until someone acknowledges. */
export const escalations = sqliteTable(
  'escalations',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    policyId: text('policy_id'),
    /** What was paged, as asked: a service id, or a user id for a direct page. */
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    levelIndex: integer('level_index').notNull().default(0),
    pass: integer('pass').notNull().default(0),
    status: text('status').notNull().default('active'),
    requestedBy: text('requested_by').notNull(),
    startedAt: integer('started_at').notNull(),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: integer('acknowledged_at'),
    endedAt: integer('ended_at'),
  },
  (table) => [index('escalations_incident_idx').on(table.incidentId, table.status)],
);

/** Each DM a page produced, so acknowledging can update every one of them. */
export const pageNotifications = sqliteTable(
  'page_notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    escalationId: text('escalation_id')
      .notNull()
      .references(() => escalations.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    levelIndex: integer('level_index').notNull(),
    pass: integer('pass').notNull(),
    channelId: text('channel_id').notNull(),
    ts: text('ts').notNull(),
    sentAt: integer('sent_at').notNull(),
  },
  (table) => [index('page_notifications_escalation_idx').on(table.escalationId)],
);

/** Every posted update, with the customer-facing words kept apart from the internal ones. */
export const incidentUpdates = sqliteTable(
  'incident_updates',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    severity: text('severity').notNull(),
    whatChanged: text('what_changed').notNull().default(''),
    impact: text('impact').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    nextUpdateAt: integer('next_update_at'),
    customerMessage: text('customer_message'),
    postedBy: text('posted_by').notNull(),
    postedAt: integer('posted_at').notNull(),
  },
  (table) => [index('incident_updates_incident_idx').on(table.incidentId, table.postedAt), index('incident_updates_posted_idx').on(table.postedAt)],
);

export const maintenances = sqliteTable(
  'maintenances',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    message: text('message').notNull(),
    services: text('services', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    cancelledAt: integer('cancelled_at'),
  },
  (table) => [index('maintenances_window_idx').on(table.endsAt)],
);

export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerId: text('owner_id'),
    dueAt: integer('due_at'),
    status: text('status').notNull().default('open'),
    blocking: integer('blocking', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    doneAt: integer('done_at'),
  },
  (table) => [
    index('follow_ups_incident_idx').on(table.incidentId),
    index('follow_ups_owner_idx').on(table.ownerId, table.status),
    // `/incident followups all|overdue` and the digest's overdue count read open follow-ups by due date.
    index('follow_ups_open_idx').on(table.status, table.dueAt),
  ],
);

/** The latest generated draft of each incident's postmortem, and where it was delivered. */
export const postmortems = sqliteTable('postmortems', {
  incidentId: text('incident_id')
    .primaryKey()
    .references(() => incidents.id, { onDelete: 'cascade' }),
  markdown: text('markdown').notNull(),
  /** Unguessable part of the draft's HTTP URL: postmortems are internal and the URL is the key. */
  token: text('token').notNull(),
  generatedAt: integer('generated_at').notNull(),
  generatedBy: text('generated_by').notNull(),
  fileId: text('file_id'),
  canvasId: text('canvas_id'),
  /** The draft_postmortem job that generated it: that job's retry delivers this draft, not a new one. */
  jobId: text('job_id'),
});

/**
 * One row counting the changes to what the public status page is made of (incidents, their updates,
 * maintenance windows). Triggers in the migration bump it inside the writing transaction, whoever
 * writes, so the page can tell it is stale with one indexed read instead of rebuilding on a timer.
 */
export const publicChanges = sqliteTable('public_changes', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull().default(0),
  /** Grows when an incident is deleted: what was read before cannot be patched, only read again. */
  epoch: integer('epoch').notNull().default(0),
});

// The alert pipeline's tables live beside this file.
export * from './alert-schema.js';
export * from './slo-schema.js';
