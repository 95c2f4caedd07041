import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    index('alerts_group_idx').on(table.groupId, table.status),
    index('alerts_service_idx').on(table.service),
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
