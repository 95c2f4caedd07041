import type Database from 'better-sqlite3';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { AlertStore } from '../app/alerts/alert-ports.js';
import type { IdGenerator } from '../app/ports.js';
import type { AlertClass, AlertStatus, Disposition, StoredAlert } from '../domain/alerts/alert.js';
import { clientOf, transactionRunner, type Db } from './database.js';
import { groupColumns, groupFromValues, groupUpdateValues, type GroupUpdateValues, type GroupValues } from './alert-group-rows.js';
import { latestGroupMemo, type LatestGroupMemo } from './latest-group-memo.js';
import { alertColumns, alertFromValues, alertToValues, type AlertValues } from './alert-rows.js';
import { alertGroups, alertHolds, alerts, alertSilences, apiMaintenances } from './schema.js';

const toAlert = (row: typeof alerts.$inferSelect): StoredAlert => ({
  ...row,
  alertClass: row.alertClass as AlertClass,
  status: row.status as AlertStatus,
  disposition: row.disposition as Disposition,
});

/** What one alert adds to its group's counts. */
const groupShareOf = (alert: StoredAlert): [number, number, number, number] => {
  const firing = alert.status === 'firing' ? 1 : 0;
  return [firing, firing && alert.disposition === 'silenced' ? 1 : 0, alert.status === 'resolved' ? 1 : 0, alert.receivedCount];
};

/** Moves the alert's part of the counts from what it was to what it is: one update when it stays in its group. */
const countInGroups = (add: Database.Statement<[number, number, number, number, string]>, alert: StoredAlert, previous: StoredAlert | undefined): void => {
  const now = groupShareOf(alert);
  const before = previous ? groupShareOf(previous) : [0, 0, 0, 0];
  if (previous?.groupId && previous.groupId === alert.groupId) {
    const delta = now.map((count, index) => count - before[index]!) as [number, number, number, number];
    if (delta.some((count) => count !== 0)) add.run(...delta, alert.groupId);
    return;
  }
  if (previous?.groupId) add.run(-before[0]!, -before[1]!, -before[2]!, -before[3]!, previous.groupId);
  if (alert.groupId) add.run(...now, alert.groupId);
};

/**
 * Alerts arrive by the thousand: the per-alert reads and writes are prepared once (drizzle builds
 * each query anew, which cost more than SQLite itself here); the rest goes through drizzle.
 */
const prepareHotPaths = (db: Db) => {
  const client = clientOf(db);
  const alertRow = alertColumns.join(', ');
  const groupRow = groupColumns.join(', ');
  const readAlerts = <Params extends unknown[]>(where: string) => client.prepare<Params, AlertValues>(`select ${alertRow} from alerts where ${where}`).raw();
  const readGroup = <Params extends unknown[]>(where: string) => client.prepare<Params, GroupValues>(`select ${groupRow} from alert_groups where ${where}`).raw();
  const find = readAlerts<[string]>('fingerprint = ?');
  const save = client.prepare<AlertValues>(
    `insert into alerts (${alertRow}) values (${alertColumns.map(() => '?').join(', ')})
     on conflict (fingerprint) do update set ${alertColumns.filter((column) => column !== 'fingerprint').map((column) => `${column} = excluded.${column}`).join(', ')}`,
  );
  const hold = client.prepare('insert into alert_holds (window_id, fingerprint, held_at) values (?, ?, ?) on conflict do nothing');
  const group = readGroup<[string]>('id = ?');
  // `is` matches NULL as a value: a group of no team or no service has a key too.
  const latestGroup = readGroup<[string, string | null, string | null, string | null]>('kind = ? and team is ? and service is ? and alertname is ? order by opened_at desc limit 1');
  const saveGroup = client.prepare<GroupUpdateValues>(
    `update alert_groups set ${groupColumns.slice(1).map((column) => `${column} = ?`).join(', ')} where id = ?`,
  );
  const anyFiringOf = client.prepare<[string, string], { yes: number }>("select exists (select 1 from alerts where group_id = ? and status = 'firing' and alert_class = ?) as yes");
  const groupCounts = client.prepare<[string], { firing: number; silenced: number; resolved: number; received: number }>(
    'select firing_count as firing, silenced_count as silenced, resolved_count as resolved, received_count as received from alert_groups where id = ?',
  );
  const addCounts = client.prepare<[number, number, number, number, string]>(
    'update alert_groups set firing_count = firing_count + ?, silenced_count = silenced_count + ?, resolved_count = resolved_count + ?, received_count = received_count + ? where id = ?',
  );
  // The lead is the first paged alert, else the first; the sample the newest firing, then the newest
  // resolved: each an indexed lookup, where one ORDER BY over both sorted the whole group.
  const pagedLead = readAlerts<[string]>("group_id = ? and disposition = 'paged' order by first_seen_at limit 1");
  const firstLead = readAlerts<[string]>('group_id = ? order by first_seen_at limit 1');
  const newest = readAlerts<[string, string, number]>('group_id = ? and status = ? order by last_seen_at desc limit ?');
  const firingAttached = readAlerts<[string]>("group_id = ? and status = 'firing' and disposition = 'attached'");
  return { find, save, hold, group, latestGroup, saveGroup, anyFiringOf, groupCounts, addCounts, pagedLead, firstLead, newest, firingAttached };
};

/** Alert groups: one Slack message (or one page) each. */
const groupsPart = (db: Db, hot: ReturnType<typeof prepareHotPaths>, memo: LatestGroupMemo, newId: IdGenerator): Pick<AlertStore, 'groupSummary' | 'findGroup' | 'latestGroup' | 'createGroup' | 'saveGroup'> => ({
  groupSummary: (groupId, sample) => {
    const counts = hot.groupCounts.get(groupId);
    // Only a critical group has a paged alert: elsewhere the search would walk the whole group.
    const group = hot.group.get(groupId);
    const lead = (group && groupFromValues(group).kind === 'critical' ? hot.pagedLead.get(groupId) : undefined) ?? hot.firstLead.get(groupId);
    const firing = sample > 0 ? hot.newest.all(groupId, 'firing', sample) : [];
    const shown = firing.length < sample ? [...firing, ...hot.newest.all(groupId, 'resolved', sample - firing.length)] : firing;
    return {
      firing: counts?.firing ?? 0,
      silenced: counts?.silenced ?? 0,
      resolved: counts?.resolved ?? 0,
      received: counts?.received ?? 0,
      lead: lead ? alertFromValues(lead) : null,
      shown: shown.map(alertFromValues),
    };
  },

  findGroup: (id) => {
    const row = hot.group.get(id);
    return row ? groupFromValues(row) : undefined;
  },

  latestGroup: (key) => {
    const row = memo.read(key, () => hot.latestGroup.get(key.kind, key.team, key.service, key.alertname));
    return row ? groupFromValues(row) : undefined;
  },

  createGroup: (group) => {
    const row = { id: newId(), ...group };
    memo.forget(row);
    db.insert(alertGroups).values(row).run();
    return row;
  },

  saveGroup: (group) => {
    memo.forget(group);
    hot.saveGroup.run(...groupUpdateValues(group));
  },
});

/** Maintenance windows from the API, and silences. */
const windowsAndSilences = (db: Db, newId: IdGenerator): Pick<AlertStore, 'saveWindow' | 'findWindow' | 'windowsEndingAfter' | 'createSilence' | 'saveSilence' | 'findSilence' | 'activeSilences'> => {
  // Read once per batch of alerts folded: built once here rather than on every call.
  const endingAfter = db.select().from(apiMaintenances).where(gt(apiMaintenances.endsAt, sql.placeholder('since'))).prepare();
  const active = db
    .select()
    .from(alertSilences)
    .where(and(gt(alertSilences.endsAt, sql.placeholder('now')), isNull(alertSilences.expiredAt)))
    .orderBy(asc(alertSilences.endsAt))
    .prepare();
  return {
    saveWindow: (window) => {
      db.insert(apiMaintenances).values(window).onConflictDoUpdate({ target: apiMaintenances.id, set: window }).run();
    },

    findWindow: (id) => db.select().from(apiMaintenances).where(eq(apiMaintenances.id, id)).get(),

    windowsEndingAfter: (since) => endingAfter.all({ since }),

    createSilence: (silence) => db.insert(alertSilences).values({ id: newId(), ...silence }).returning().get(),

    saveSilence: (silence) => {
      db.insert(alertSilences).values(silence).onConflictDoUpdate({ target: alertSilences.id, set: silence }).run();
    },

    findSilence: (id) => db.select().from(alertSilences).where(eq(alertSilences.id, id)).get(),

    activeSilences: (now) => active.all({ now }),
  };
};

export const createAlertRepository = (db: Db, newId: IdGenerator): AlertStore => {
  const hot = prepareHotPaths(db);
  const inTransaction = transactionRunner(clientOf(db));
  const memo = latestGroupMemo();
  // Read once per batch of alerts folded: built once here rather than on every call.
  const nextExpiry = db.select({ at: sql<number | null>`min(${alerts.expiresAt})` }).from(alerts).where(eq(alerts.status, 'firing')).prepare();
  return {
  atomically: (work) => memo.during(() => inTransaction(work)),

  find: (fingerprint) => {
    const row = hot.find.get(fingerprint);
    return row ? alertFromValues(row) : undefined;
  },

  count: () => db.select({ count: sql<number>`count(*)` }).from(alerts).get()?.count ?? 0,

  save: (alert, previous) => {
    hot.save.run(...alertToValues(alert));
    countInGroups(hot.addCounts, alert, previous);
  },

  recordHold: (windowId, fingerprint, at) => {
    hot.hold.run(windowId, fingerprint, at);
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

  nextExpiry: () => nextExpiry.get()?.at ?? undefined,

  countFiring: (groupId) => hot.groupCounts.get(groupId)?.firing ?? 0,

  anyFiring: (groupId, alertClass) => (alertClass ? hot.anyFiringOf.get(groupId, alertClass)?.yes === 1 : (hot.groupCounts.get(groupId)?.firing ?? 0) > 0),

  firingAttached: (groupId) => hot.firingAttached.all(groupId).map(alertFromValues),

  firingInOpenGroups: () =>
    db
      .select({ alert: alerts })
      .from(alerts)
      .innerJoin(alertGroups, eq(alertGroups.id, alerts.groupId))
      .where(and(eq(alertGroups.status, 'open'), eq(alerts.status, 'firing')))
      .all()
      .map((row) => toAlert(row.alert)),
  ...groupsPart(db, hot, memo, newId),
  ...windowsAndSilences(db, newId),
  };
};
