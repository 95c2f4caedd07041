import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sql } from 'drizzle-orm';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
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

/** Statements kept for reuse; drizzle's are few distinct texts (values are bound, not inlined). */
const statementCacheSize = 500;

/**
 * drizzle prepares every query anew, and compiling SQL cost more than running it on the alert
 * intake's path (a third of its time in a profile): the same text gets the same compiled statement
 * back. drizzle runs a statement to completion (run/get/all, never iterate), so one is never busy
 * when asked for again; raw mode, which drizzle switches on for some reads, is reset each time.
 */
const reuseStatements = (connection: Database.Database): void => {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Database.Statement>();
  connection.prepare = ((source: string) => {
    const kept = cache.get(source);
    if (kept) {
      // Least recently used goes first when the cache is full: move this one to the end.
      cache.delete(source);
      cache.set(source, kept);
      return kept.reader ? kept.raw(false) : kept;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > statementCacheSize) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof connection.prepare;
};

/** Opens (creating when needed) the SQLite file, turns on WAL (synchronous NORMAL) and foreign keys, applies migrations. */
export const openDatabase = (path: string): OpenDatabase => {
  let client: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    client = new Database(path);
    client.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a committed transaction
    // survives the process being killed (the OS holds the written log), not a power cut or a kernel
    // crash, which may lose the last commits (never corrupt the file). FULL would fsync every
    // commit, the one cost that dominated taking alerts one per request.
    client.pragma('synchronous = NORMAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    reuseStatements(client);
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder });
    return opened(db, client, path === ':memory:' ? undefined : startCheckpointer(client, path));
  } catch (error) {
    client?.close();
    throw new DatabaseOpenError(path, error);
  }
};

/** The better-sqlite3 connection under drizzle, for the statements prepared once on hot paths. */
export const clientOf = (db: Db): Database.Database => (db as Db & { $client: Database.Database }).$client;

/**
 * Runs work in a transaction (a savepoint inside one) through one transaction function made once:
 * better-sqlite3 builds a new one on every `transaction()` call, which cost more (about 7 µs) than
 * storing a request's alerts.
 */
export const transactionRunner = (client: Database.Database): (<T>(work: () => T) => T) => {
  const run = client.transaction((work: () => unknown) => work());
  return <T>(work: () => T) => run(work) as T;
};

const opened = (db: Db, client: Database.Database, checkpointer?: Checkpointer): OpenDatabase => ({
  db,
  atomically: transactionRunner(client),
  ping: () => {
    try {
      return db.get<{ one: number }>(sql`select 1 as one`)?.one === 1;
    } catch {
      return false;
    }
  },
  close: () => {
    checkpointer?.stop();
    client.close();
  },
});
