import type { AlertInbox } from '../app/alerts/alert-ports.js';
import type { IncomingAlert } from '../domain/alerts/alert.js';
import { clientOf, type Db } from './database.js';

interface InboxRow {
  id: number;
  source_id: string;
  received_at: number;
  size: number;
  alerts: string;
  format: string;
}

/** Reads a stored body in a sender's format back into alerts, as of when it arrived (the intake's parsers, given by bot.ts). */
export type InboxDecoder = (format: string, body: string, receivedAt: number) => IncomingAlert[];

const noSenderFormats: InboxDecoder = (format) => {
  throw new Error(`no reader for alert inbox format ${format}`);
};

/** Our own format, `incoming`, is a JSON list of IncomingAlert; any other is the sender's body. */
const read = (decode: InboxDecoder, row: InboxRow): IncomingAlert[] =>
  row.format === 'incoming' ? (JSON.parse(row.alerts) as IncomingAlert[]) : decode(row.format, row.alerts, row.received_at);

/**
 * The inbox is written once per request at the rate alerts arrive: its statements are prepared
 * once, and a batch is stored as the one text it came as, not a row per alert.
 */
export const createAlertInboxRepository = (db: Db, decode: InboxDecoder = noSenderFormats): AlertInbox => {
  const client = clientOf(db);
  const insert = client.prepare<[string, number, number, string, string]>('insert into alert_inbox (source_id, received_at, size, alerts, format) values (?, ?, ?, ?, ?)');
  const row = 'id, source_id, received_at, size, alerts, format';
  const oldest = client.prepare<[], InboxRow>(`select ${row} from alert_inbox order by id`);
  const remove = client.prepare<[number]>('delete from alert_inbox where id <= ?');
  const oldestWaiting = client.prepare<[], { at: number }>('select received_at as at from alert_inbox order by id limit 1');
  const one = client.prepare<[number], InboxRow>(`select ${row} from alert_inbox where id = ?`);
  const rewrite = client.prepare<[number, string, number]>("update alert_inbox set size = ?, alerts = ?, format = 'incoming' where id = ?");
  const removeOne = client.prepare<[number]>('delete from alert_inbox where id = ?');
  const waits = client.prepare<[number], { yes: number }>('select exists (select 1 from alert_inbox where id = ?) as yes');
  const waitingThrough = client.prepare<[number], { yes: number }>('select exists (select 1 from alert_inbox where id <= ?) as yes');
  const taken = (stored: InboxRow) => ({ id: stored.id, sourceId: stored.source_id, receivedAt: stored.received_at, alerts: read(decode, stored) });
  return {
    add: (batches) => batches.map((batch) => Number(insert.run(batch.sourceId, batch.receivedAt, batch.size, batch.body, batch.format).lastInsertRowid)),
    find: (id) => {
      const stored = one.get(id);
      return stored ? taken(stored) : undefined;
    },
    keepOnly: (id, alerts) => {
      if (alerts.length === 0) removeOne.run(id);
      else rewrite.run(alerts.length, JSON.stringify(alerts), id);
    },
    oldest: (alerts) => {
      const batches: ReturnType<AlertInbox['oldest']> = [];
      let count = 0;
      for (const stored of oldest.iterate()) {
        batches.push(taken(stored));
        count += stored.size;
        if (count >= alerts) break;
      }
      return batches;
    },
    removeThrough: (id) => {
      remove.run(id);
    },
    oldestWaiting: () => oldestWaiting.get()?.at,
    waits: (id) => waits.get(id)?.yes === 1,
    waitingThrough: (id) => waitingThrough.get(id)?.yes === 1,
  };
};
