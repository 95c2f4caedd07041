import { describe, expect, it } from 'vitest';
import { newGroup } from '../../src/app/alerts/alert-groups.js';
import { createAlertRepository } from '../../src/storage/alert-repository.js';
import { sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

const warningKey = { kind: 'warning' as const, team: 'platform', service: 'logs', alertname: 'DiskSpaceLow' };
const criticalKey = { kind: 'critical' as const, team: 'platform', service: 'logs', alertname: null };

/** The alert store remembers the latest group per key within its transaction: it must answer as the database does. */
describe('the latest group under a key, inside one transaction of the alert store', () => {
  const setUp = () => {
    const database = testDatabase();
    return { database, store: createAlertRepository(database.db, sequentialIds('group')) };
  };

  it('is the group created, reopened or resolved in the same transaction, and none before one exists', () => {
    const { database, store } = setUp();
    store.atomically(() => {
      expect(store.latestGroup(criticalKey)).toBeUndefined();
      const first = store.createGroup(newGroup(criticalKey, 1_000));
      expect(store.latestGroup(criticalKey)?.id).toBe(first.id);
      store.saveGroup({ ...first, status: 'resolved', resolvedAt: 2_000 });
      expect(store.latestGroup(criticalKey)).toMatchObject({ id: first.id, status: 'resolved', resolvedAt: 2_000 });
      const second = store.createGroup(newGroup(criticalKey, 3_000));
      expect(store.latestGroup(criticalKey)?.id).toBe(second.id);
      // Another key is its own.
      expect(store.latestGroup(warningKey)).toBeUndefined();
    });
    database.close();
  });

  it('forgets what a failed savepoint did, and everything at the end of the transaction', () => {
    const { database, store } = setUp();
    const kept = store.atomically(() => {
      const group = store.createGroup(newGroup(warningKey, 1_000));
      expect(() =>
        store.atomically(() => {
          const inside = store.createGroup(newGroup(warningKey, 2_000));
          expect(store.latestGroup(warningKey)?.id).toBe(inside.id);
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      // The savepoint's group is gone from the database: it must be gone from the memory too.
      expect(store.latestGroup(warningKey)?.id).toBe(group.id);
      return group;
    });
    // Written outside any transaction of the store: the next transaction reads it afresh.
    store.saveGroup({ ...kept, status: 'resolved', resolvedAt: 5_000 });
    store.atomically(() => expect(store.latestGroup(warningKey)).toMatchObject({ id: kept.id, status: 'resolved' }));
    database.close();
  });
});
