import type Database from 'better-sqlite3';
import type { AlertInbox } from '../app/alerts/alert-ports.js';
import type { IncomingAlert } from '../domain/alerts/alert.js';
import type { Db } from './database.js';

interface InboxRow {
  id: number;
  source_id: string;
  received_at: number;
  alerts: string;
}

/**
 * The inbox is written once per request at the rate alerts arrive: its statements are prepared
 * once, and a batch is stored as the one JSON text it becomes, not a row per alert.
 */
export const createAlertInboxRepository = (db: Db): AlertInbox => {
  const client = (db as Db & { $client: Database.Database }).$client;
  const insert = client.prepare<[string, number, number, string]>('insert into alert_inbox (source_id, received_at, size, alerts) values (?, ?, ?, ?)');
  const oldest = client.prepare<[], InboxRow & { size: number }>('select id, source_id, received_at, size, alerts from alert_inbox order by id');
  const remove = client.prepare<[number]>('delete from alert_inbox where id <= ?');
  const anyWaiting = client.prepare<[], { yes: number }>('select exists (select 1 from alert_inbox) as yes');
  return {
    add: (batches) => {
      for (const batch of batches) insert.run(batch.sourceId, batch.receivedAt, batch.alerts.length, JSON.stringify(batch.alerts));
    },
    oldest: (alerts) => {
      const taken: ReturnType<AlertInbox['oldest']> = [];
      let count = 0;
      for (const row of oldest.iterate()) {
        taken.push({ id: row.id, sourceId: row.source_id, receivedAt: row.received_at, alerts: JSON.parse(row.alerts) as IncomingAlert[] });
        count += row.size;
        if (count >= alerts) break;
      }
      return taken;
    },
    removeThrough: (id) => {
      remove.run(id);
    },
    anyWaiting: () => anyWaiting.get()?.yes === 1,
  };
};
