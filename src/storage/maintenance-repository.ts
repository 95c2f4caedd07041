import { asc, eq, gt } from 'drizzle-orm';
import type { IdGenerator } from '../app/ports.js';
import type { MaintenanceRepository } from '../app/communication/ports.js';
import type { Db } from './database.js';
import { maintenances } from './schema.js';

export const createMaintenanceRepository = (db: Db, newId: IdGenerator): MaintenanceRepository => ({
  create: (input) => db.insert(maintenances).values({ id: newId(), ...input }).returning().get(),
  findById: (id) => db.select().from(maintenances).where(eq(maintenances.id, id)).get(),
  listEndingAfter: (since) => db.select().from(maintenances).where(gt(maintenances.endsAt, since)).orderBy(asc(maintenances.startsAt)).all(),
  cancel: (id, at) => {
    db.update(maintenances).set({ cancelledAt: at }).where(eq(maintenances.id, id)).run();
  },
});
