import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { newGroup } from '../../src/app/alerts/alert-groups.js';
import type { AlertStore } from '../../src/app/alerts/alert-ports.js';
import type { AlertStatus, Disposition, StoredAlert } from '../../src/domain/alerts/alert.js';
import { createAlertRepository } from '../../src/storage/alert-repository.js';
import * as schema from '../../src/storage/schema.js';
import { sequentialIds } from '../support/clock.js';
import { migrationsBefore as olderMigrations, migrationsFolder } from '../support/migrations.js';

const countsMigration = '0018_alert_group_counts';
let before: { folder: string; remove(): void } | undefined;
afterEach(() => before?.remove());

/** The migrations as they were before countsMigration, in a folder of their own. */
const migrationsBefore = (): string => (before = olderMigrations(countsMigration)).folder;

const alert = (n: number, groupId: string | null, status: AlertStatus, disposition: Disposition, receivedCount: number): StoredAlert => ({
  fingerprint: `fp-${n}`,
  sourceId: 'prometheus',
  alertname: 'DiskSpaceLow',
  service: 'logs',
  team: 'platform',
  alertClass: 'warning',
  labels: { alertname: 'DiskSpaceLow', instance: `host-${n}` },
  annotations: {},
  generatorUrl: null,
  status,
  startsAt: n,
  expiresAt: n + 300_000,
  firstSeenAt: n,
  lastSeenAt: n,
  receivedCount,
  changes: [],
  disposition,
  holdId: null,
  groupId,
  resolvedAt: status === 'resolved' ? n : null,
});

/** What the counts must be: summed over the group's alerts, the slow way. */
const summed = (client: Database.Database, groupId: string) =>
  client
    .prepare(
      `select coalesce(sum(status = 'firing'), 0) as firing, coalesce(sum(status = 'firing' and disposition = 'silenced'), 0) as silenced,
       coalesce(sum(status = 'resolved'), 0) as resolved, coalesce(sum(received_count), 0) as received from alerts where group_id = ?`,
    )
    .get(groupId);

const counts = (store: AlertStore, groupId: string) => {
  const { firing, silenced, resolved, received } = store.groupSummary(groupId, 0);
  return { firing, silenced, resolved, received };
};

/** A small deterministic generator, so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

describe('alert group counts (kept by the repository\'s save; added by migration 0018, filled in by 0020)', () => {
  it('follow every new alert, change of status or disposition, repeat and move between groups', () => {
    const client = new Database(':memory:');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder });
    const store = createAlertRepository(db, sequentialIds());
    const groups = [store.createGroup(newGroup({ kind: 'warning', team: 'platform', service: 'logs', alertname: 'DiskSpaceLow' }, 0)).id, store.createGroup(newGroup({ kind: 'flapping', team: 'platform', service: null, alertname: null }, 0)).id];
    const next = random(7);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    for (let step = 0; step < 600; step += 1) {
      const n = Math.floor(next() * 40);
      const previous = store.find(`fp-${n}`);
      store.save(alert(n, pick([...groups, null]), pick(['firing', 'resolved'] as const), pick(['grouped', 'silenced', 'flapping'] as const), 1 + Math.floor(next() * 5)), previous);
      for (const groupId of groups) expect(counts(store, groupId), `step ${step}`).toEqual(summed(client, groupId));
    }
    expect(counts(store, groups[0]!).firing + counts(store, groups[0]!).resolved).toBeGreaterThan(0);
    expect(store.anyFiring(groups[0]!)).toBe(counts(store, groups[0]!).firing > 0);
    client.close();
  });

  it('are filled in from the alerts a database already holds', () => {
    const client = new Database(':memory:');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: migrationsBefore() });
    client.exec(`insert into alert_groups (id, kind, team, service, alertname, status, opened_at, last_change_at) values ('g1', 'warning', 'platform', 'logs', 'DiskSpaceLow', 'open', 0, 0)`);
    const insert = client.prepare(
      `insert into alerts (fingerprint, source_id, alertname, alert_class, labels, annotations, status, starts_at, expires_at, first_seen_at, last_seen_at, received_count, changes, disposition, group_id)
       values (?, 'prometheus', 'DiskSpaceLow', 'warning', '{}', '{}', ?, 0, 0, 0, 0, ?, '[]', ?, 'g1')`,
    );
    insert.run('a', 'firing', 3, 'grouped');
    insert.run('b', 'firing', 2, 'silenced');
    insert.run('c', 'resolved', 4, 'grouped');

    migrate(db, { migrationsFolder });
    expect(counts(createAlertRepository(db, sequentialIds()), 'g1')).toEqual({ firing: 2, silenced: 1, resolved: 1, received: 9 });
    client.close();
  });
});
