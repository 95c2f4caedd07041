import type { SloStatusStore } from '../app/slo/slo-ports.js';
import type { Db } from './database.js';
import { sloStatus } from './schema.js';

export const createSloStatusRepository = (db: Db): SloStatusStore => ({
  save: (status) => {
    db.insert(sloStatus).values(status).onConflictDoUpdate({ target: sloStatus.sloId, set: status }).run();
  },
  list: () => db.select().from(sloStatus).all(),
});
