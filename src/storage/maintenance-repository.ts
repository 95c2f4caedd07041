import { asc, eq, gt, sql } from 'drizzle-orm';
import type { IdGenerator } from '../app/ports.js';
import type { MaintenanceRepository } from '../app/communication/ports.js';
import type { Db } from './database.js';
import { maintenances } from './schema.js';

/** listEndingAfter runs for every batch of alerts folded: its query is built once per database, not per call. */
const endingAfterQueries = new WeakMap<Db, ReturnType<typeof prepareEndingAfter>>();
const prepareEndingAfter = (db: Db) =>
  db.select().from(maintenances).where(gt(maintenances.endsAt, sql.placeholder('since'))).orderBy(asc(maintenances.startsAt)).prepare();
const endingAfterQuery = (db: Db) => {
  const kept = endingAfterQueries.get(db) ?? prepareEndingAfter(db);
  endingAfterQueries.set(db, kept);
  return kept;
};

export const createMaintenanceRepository = (db: Db, newId: IdGenerator): MaintenanceRepository => ({
  create: (input) => db.insert(maintenances).values({ id: newId(), ...input }).returning().get(),
  findById: (id) => db.select().from(maintenances).where(eq(maintenances.id, id)).get(),
  listEndingAfter: (since) => endingAfterQuery(db).all({ since }),
  cancel: (id, at) => {
    db.update(maintenances).set({ cancelledAt: at }).where(eq(maintenances.id, id)).run();
  },
});
