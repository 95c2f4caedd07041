import type { AlertGroup } from '../app/alerts/alert-ports.js';
import type { GroupValues } from './alert-group-rows.js';

type GroupKey = Pick<AlertGroup, 'kind' | 'team' | 'service' | 'alertname'>;

// A separator no label value holds, and a mark for "none" that no value is.
const keyOf = (key: GroupKey): string => [key.kind, key.team ?? '\u0000', key.service ?? '\u0000', key.alertname ?? '\u0000'].join('\u0001');

/**
 * The latest group under each key, remembered for one transaction of the alert store: a fold asks
 * for it once or twice for every alert (the service's critical group, then its warning group), and
 * nearly always for the same few keys. It cannot answer what the database would not: every write of
 * a group goes through the alert repository and forgets that group, a savepoint that fails forgets
 * everything, and the memory ends with the transaction.
 */
export const latestGroupMemo = () => {
  let memo: Map<string, GroupValues | undefined> | undefined;
  return {
    /** Runs the store's transaction (or savepoint) with the memory on. */
    during: <T>(work: () => T): T => {
      if (memo) {
        try {
          return work();
        } catch (error) {
          memo.clear();
          throw error;
        }
      }
      memo = new Map();
      try {
        return work();
      } finally {
        memo = undefined;
      }
    },
    read: (key: GroupKey, load: () => GroupValues | undefined): GroupValues | undefined => {
      if (!memo) return load();
      const name = keyOf(key);
      if (memo.has(name)) return memo.get(name);
      const values = load();
      memo.set(name, values);
      return values;
    },
    /** A group was created or written: whatever is remembered of it, or under its key, is gone. */
    forget: (group: GroupKey & { id?: string }): void => {
      if (!memo) return;
      memo.delete(keyOf(group));
      for (const [name, values] of memo) if (values && values[0] === group.id) memo.delete(name);
    },
  };
};

export type LatestGroupMemo = ReturnType<typeof latestGroupMemo>;
