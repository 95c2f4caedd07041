import { lt } from 'drizzle-orm';
import type { IdempotencyRepository } from '../app/ports.js';
import type { Db } from './database.js';
import { processedRequests } from './schema.js';

export const createIdempotencyRepository = (db: Db): IdempotencyRepository => ({
  claim: (key, now) =>
    db.insert(processedRequests).values({ key, processedAt: now }).onConflictDoNothing().run().changes === 1,
  prune: (before) => db.delete(processedRequests).where(lt(processedRequests.processedAt, before)).run().changes,
});
