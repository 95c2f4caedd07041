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
  const oldest = client.prepare<[], InboxRow>('select id, source_id, received_at, size, alerts, format from alert_inbox order by id');
  const remove = client.prepare<[number]>('delete from alert_inbox where id <= ?');
  const anyWaiting = client.prepare<[], { yes: number }>('select exists (select 1 from alert_inbox) as yes');
  return {
    add: (batches) => {
      for (const batch of batches) insert.run(batch.sourceId, batch.receivedAt, batch.size, batch.body, batch.format);
    },
    oldest: (alerts) => {
      const taken: ReturnType<AlertInbox['oldest']> = [];
      let count = 0;
      for (const row of oldest.iterate()) {
        taken.push({ id: row.id, sourceId: row.source_id, receivedAt: row.received_at, alerts: read(decode, row) });
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
