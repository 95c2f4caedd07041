import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * The worker's whole program: its own connection to the same file, copying the write-ahead log
 * into the database every `everyMs` (a PASSIVE checkpoint never waits for, nor blocks, the writer).
 */
const program = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
`;

/** How large the log may grow (in 4 KiB pages) before the writer checkpoints it itself, as SQLite does by default. */
const ownCheckpointPages = 1_000;
/** With the checkpointer running: only if it falls far behind (80 MB of log) does the writer step in. */
const fallbackCheckpointPages = 20_000;

export interface Checkpointer {
  stop(): void;
}

/**
 * Checkpoints on another thread. SQLite's own checkpoint runs in whichever commit crosses the log's
 * size limit: it copies the log into the database and syncs the disk, on the event loop, and was
 * most of what a commit cost once the alerts table was large (a fold's commit went from about
 * 28 to 9 µs per alert). A checkpoint holds nothing that a crash could lose: what is committed is
 * in the log until it is copied. If the worker fails, the writer checkpoints for itself again.
 */
export const startCheckpointer = (client: Database.Database, path: string, everyMs = 50): Checkpointer => {
  client.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`);
  const ownAgain = () => {
    if (client.open) client.pragma(`wal_autocheckpoint = ${ownCheckpointPages}`);
  };
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(program, { eval: true, workerData: { driver, path, everyMs } });
  } catch {
    ownAgain();
    return { stop: () => undefined };
  }
  worker.unref();
  worker.on('error', ownAgain);
  return {
    stop: () => {
      worker.removeAllListeners('error');
      void worker.terminate();
    },
  };
};
