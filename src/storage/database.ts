import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sql } from 'drizzle-orm';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  db: Db;
  /** Runs `work` in one transaction (a savepoint when one is already open); `work` must not await. */
  atomically<T>(work: () => T): T;
  /** True when a trivial query answers; used by /healthz. */
  ping(): boolean;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** Opens (creating when needed) the SQLite file, turns on WAL and foreign keys, applies migrations. */
export const openDatabase = (path: string): OpenDatabase => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle({ client, schema });
  migrate(db, { migrationsFolder });
  return {
    db,
    atomically: (work) => client.transaction(work)(),
    ping: () => {
      try {
        return db.get<{ one: number }>(sql`select 1 as one`)?.one === 1;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
};
