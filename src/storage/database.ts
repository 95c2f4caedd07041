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

/** The database file could not be opened, created or migrated; start-up names the variable that set the path. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot open the database ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Opens (creating when needed) the SQLite file, turns on WAL and foreign keys, applies migrations. */
export const openDatabase = (path: string): OpenDatabase => {
  let client: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    client = new Database(path);
    client.pragma('journal_mode = WAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder });
    return opened(db, client);
  } catch (error) {
    client?.close();
    throw new DatabaseOpenError(path, error);
  }
};

const opened = (db: Db, client: Database.Database): OpenDatabase => ({
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
});
