import { and, asc, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { AlertGroup, AlertGroupKind, AlertStore } from '../app/alerts/alert-ports.js';
import type { IdGenerator } from '../app/ports.js';
import type { AlertClass, AlertStatus, Disposition, StoredAlert } from '../domain/alerts/alert.js';
import type { Db } from './database.js';
import { alertGroups, alertHolds, alerts, apiMaintenances } from './schema.js';

const toAlert = (row: typeof alerts.$inferSelect): StoredAlert => ({
  ...row,
  alertClass: row.alertClass as AlertClass,
  status: row.status as AlertStatus,
  disposition: row.disposition as Disposition,
});

const toGroup = (row: typeof alertGroups.$inferSelect): AlertGroup => ({
  ...row,
  kind: row.kind as AlertGroupKind,
  status: row.status as AlertGroup['status'],
});

const sameKey = (column: typeof alertGroups.team | typeof alertGroups.service | typeof alertGroups.alertname, value: string | null) =>
  value === null ? isNull(column) : eq(column, value);

export const createAlertRepository = (db: Db, newId: IdGenerator): AlertStore => ({
  atomically: (work) => db.transaction(() => work()),

  find: (fingerprint) => {
    const row = db.select().from(alerts).where(eq(alerts.fingerprint, fingerprint)).get();
    return row ? toAlert(row) : undefined;
  },

  count: () => db.select({ count: sql<number>`count(*)` }).from(alerts).get()?.count ?? 0,

  save: (alert) => {
    db.insert(alerts).values(alert).onConflictDoUpdate({ target: alerts.fingerprint, set: alert }).run();
  },

  recordHold: (windowId, fingerprint, at) => {
    db.insert(alertHolds).values({ windowId, fingerprint, heldAt: at }).onConflictDoNothing().run();
  },

  heldBy: (windowId) =>
    db
      .select({ alert: alerts })
      .from(alertHolds)
      .innerJoin(alerts, eq(alerts.fingerprint, alertHolds.fingerprint))
      .where(eq(alertHolds.windowId, windowId))
      .all()
      .map((row) => toAlert(row.alert)),

  expired: (now, limit) =>
    db
      .select()
      .from(alerts)
      .where(and(eq(alerts.status, 'firing'), lte(alerts.expiresAt, now)))
      .orderBy(asc(alerts.expiresAt))
      .limit(limit)
      .all()
      .map(toAlert),

  nextExpiry: () =>
    db.select({ at: sql<number | null>`min(${alerts.expiresAt})` }).from(alerts).where(eq(alerts.status, 'firing')).get()?.at ?? undefined,

  inGroup: (groupId) => db.select().from(alerts).where(eq(alerts.groupId, groupId)).orderBy(asc(alerts.firstSeenAt)).all().map(toAlert),

  countFiring: (groupId) =>
    db
      .select({ count: sql<number>`count(*)` })
      .from(alerts)
      .where(and(eq(alerts.groupId, groupId), eq(alerts.status, 'firing')))
      .get()?.count ?? 0,

  findGroup: (id) => {
    const row = db.select().from(alertGroups).where(eq(alertGroups.id, id)).get();
    return row ? toGroup(row) : undefined;
  },

  latestGroup: (key) => {
    const row = db
      .select()
      .from(alertGroups)
      .where(
        and(
          eq(alertGroups.kind, key.kind),
          sameKey(alertGroups.team, key.team),
          sameKey(alertGroups.service, key.service),
          sameKey(alertGroups.alertname, key.alertname),
        ),
      )
      .orderBy(desc(alertGroups.openedAt))
      .limit(1)
      .get();
    return row ? toGroup(row) : undefined;
  },

  createGroup: (group) => db.insert(alertGroups).values({ id: newId(), ...group }).returning().get() as AlertGroup,

  saveGroup: (group) => {
    db.update(alertGroups).set(group).where(eq(alertGroups.id, group.id)).run();
  },

  saveWindow: (window) => {
    db.insert(apiMaintenances).values(window).onConflictDoUpdate({ target: apiMaintenances.id, set: window }).run();
  },

  findWindow: (id) => db.select().from(apiMaintenances).where(eq(apiMaintenances.id, id)).get(),

  windowsEndingAfter: (since) => db.select().from(apiMaintenances).where(gt(apiMaintenances.endsAt, since)).all(),
});
