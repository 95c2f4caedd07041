import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The alert pipeline's tables; timestamps are integer milliseconds since the epoch, UTC. */

/** One row per alert (fingerprint): repeats fold into received_count and last_seen_at. */
export const alerts = sqliteTable(
  'alerts',
  {
    fingerprint: text('fingerprint').primaryKey(),
    sourceId: text('source_id').notNull(),
    alertname: text('alertname').notNull(),
    service: text('service'),
    team: text('team'),
    alertClass: text('alert_class').notNull(),
    labels: text('labels', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    annotations: text('annotations', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    generatorUrl: text('generator_url'),
    status: text('status').notNull(),
    startsAt: integer('starts_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    firstSeenAt: integer('first_seen_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    receivedCount: integer('received_count').notNull(),
    changes: text('changes', { mode: 'json' }).$type<number[]>().notNull(),
    disposition: text('disposition').notNull(),
    holdId: text('hold_id'),
    groupId: text('group_id'),
    resolvedAt: integer('resolved_at'),
  },
  (table) => [
    index('alerts_expiry_idx').on(table.status, table.expiresAt),
    // A group's message shows its newest alerts and its lead (a critical group's paged alert, else
    // the first): these two find them without walking a group of 100,000. The paged alert is the
    // first of its critical group (it opened the group), so the first index finds it at once.
    index('alerts_group_recent_idx').on(table.groupId, table.status, table.lastSeenAt),
    index('alerts_group_first_idx').on(table.groupId, table.firstSeenAt),
  ],
);

/**
 * What one Slack message stands for: the warnings of a team's (service, alert name), a critical
 * alert and what attached to it, or the team's flapping alerts. Edited in place while it lives.
 */
export const alertGroups = sqliteTable(
  'alert_groups',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    team: text('team'),
    service: text('service'),
    alertname: text('alertname'),
    channelId: text('channel_id'),
    ts: text('ts'),
    status: text('status').notNull(),
    openedAt: integer('opened_at').notNull(),
    lastChangeAt: integer('last_change_at').notNull(),
    resolvedAt: integer('resolved_at'),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: integer('acknowledged_at'),
    incidentId: text('incident_id'),
    /** The silence (ticked "holds pages") that stopped this critical group's escalation, while it does. */
    pageHeldBy: text('page_held_by'),
    /** When the group's Slack message was last posted or edited: edits of one message are spaced out. */
    editedAt: integer('edited_at'),
    /**
     * How many of the group's alerts fire (of them silenced) and are resolved, and the sightings they
     * add up to: kept by the repository's save, which is told what each alert was before, so that
     * rendering a group of 100,000 reads one row instead of walking them all (85 ms).
     */
    firingCount: integer('firing_count').notNull().default(0),
    silencedCount: integer('silenced_count').notNull().default(0),
    resolvedCount: integer('resolved_count').notNull().default(0),
    receivedCount: integer('received_count').notNull().default(0),
  },
  (table) => [index('alert_groups_key_idx').on(table.kind, table.team, table.service, table.alertname, table.openedAt)],
);

/** Which alerts each maintenance window held, for the summary when it ends. */
export const alertHolds = sqliteTable(
  'alert_holds',
  {
    windowId: text('window_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    heldAt: integer('held_at').notNull(),
  },
  (table) => [uniqueIndex('alert_holds_pk').on(table.windowId, table.fingerprint)],
);

/** Maintenance windows from change-management tools (POST /api/maintenance), under their own ids. */
export const apiMaintenances = sqliteTable('api_maintenances', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  services: text('services', { mode: 'json' }).$type<string[]>().notNull(),
  startsAt: integer('starts_at').notNull(),
  endsAt: integer('ends_at').notNull(),
  isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
  /** The status-page window created for a public one. */
  maintenanceId: text('maintenance_id'),
  createdAt: integer('created_at').notNull(),
  cancelledAt: integer('cancelled_at'),
});

/** Silences created from Slack: label matchers that hold matching alerts until they end. */
export const alertSilences = sqliteTable(
  'alert_silences',
  {
    id: text('id').primaryKey(),
    matchers: text('matchers', { mode: 'json' }).$type<{ name: string; op: '=' | '!=' | '=~' | '!~'; value: string }[]>().notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    expiredAt: integer('expired_at'),
    holdsPages: integer('holds_pages', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [index('alert_silences_ends_at_idx').on(table.endsAt)],
);

/**
 * The noise accounting: per UTC day, source, service ('' for none) and alert name, what monitoring
 * sent and what became of it. One row per key and day however many alerts arrive: a received batch
 * adds to its rows with one upsert per key, in the batch's transaction.
 */
export const alertCounts = sqliteTable(
  'alert_counts',
  {
    /** Start of the UTC day, ms. */
    day: integer('day').notNull(),
    sourceId: text('source_id').notNull(),
    service: text('service').notNull(),
    alertname: text('alertname').notNull(),
    /** The service's team when last counted, so a team's view finds its alerts. */
    team: text('team'),
    received: integer('received').notNull().default(0),
    folded: integer('folded').notNull().default(0),
    heldMaintenance: integer('held_maintenance').notNull().default(0),
    heldDependency: integer('held_dependency').notNull().default(0),
    flapping: integer('flapping').notNull().default(0),
    silenced: integer('silenced').notNull().default(0),
    notified: integer('notified').notNull().default(0),
    paged: integer('paged').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.day, table.sourceId, table.service, table.alertname] }), index('alert_counts_team_idx').on(table.team, table.day)],
);

/**
 * Who was paged for which critical alert group, at which pass and level of its policy, and what came
 * of it: acknowledged (by them), ignored (their level timed out), answered (someone else took it) or
 * nothing yet. Pages are few (criticals only), and knowing who a timed-out level paged needs the row.
 * A person who acknowledged without being paged has a row with no paged_at.
 */
export const alertPages = sqliteTable(
  'alert_pages',
  {
    groupId: text('group_id').notNull(),
    userId: text('user_id').notNull(),
    pass: integer('pass').notNull(),
    levelIndex: integer('level_index').notNull(),
    team: text('team'),
    service: text('service'),
    pagedAt: integer('paged_at'),
    outcome: text('outcome'),
    /** When the outcome was decided; the day it counts for. */
    decidedAt: integer('decided_at'),
  },
  (table) => [
    primaryKey({ columns: [table.groupId, table.userId, table.pass, table.levelIndex] }),
    index('alert_pages_paged_at_idx').on(table.pagedAt),
    index('alert_pages_decided_at_idx').on(table.decidedAt),
  ],
);

/**
 * Accepted batches not yet folded: a request's alerts are one row, committed before its 2xx, and
 * the inbox folder (scheduler/inbox-folder.ts) folds them into `alerts` in arrival order (rowid),
 * deleting each row in the transaction that folds it. `alerts` is the JSON of the parsed
 * IncomingAlert[].
 */
export const alertInbox = sqliteTable('alert_inbox', {
  id: integer('id').primaryKey(),
  sourceId: text('source_id').notNull(),
  receivedAt: integer('received_at').notNull(),
  size: integer('size').notNull(),
  /** The request body as it came (the alerts column's old name stays): read again when folded. */
  alerts: text('alerts').notNull(),
  /** How to read it: the intake endpoint's source type, or `incoming` for our own list of alerts. */
  format: text('format').notNull().default('incoming'),
});
