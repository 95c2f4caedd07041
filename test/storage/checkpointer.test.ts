import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/storage/checkpointer.js';
import { openDatabase } from '../../src/storage/database.js';
import { eventually } from '../support/eventually.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

const autocheckpoint = (client: Database.Database) => client.pragma('wal_autocheckpoint', { simple: true });

describe('the checkpointer', () => {
  it('copies the log into the database on its own thread, so that no commit has to', async () => {
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-checkpoint-'));
    const path = join(dir, 'bot.sqlite');
    const database = openDatabase(path);
    const client = (database.db as unknown as { $client: Database.Database }).$client;
    // The writer would checkpoint only past 20,000 pages of log (80 MB): far more than written here.
    expect(autocheckpoint(client)).toBe(20_000);
    const before = statSync(path).size;
    client.exec('create table filler (id integer primary key, text text)');
    const insert = client.prepare('insert into filler (text) values (?)');
    database.atomically(() => {
      for (let row = 0; row < 2_000; row += 1) insert.run('x'.repeat(2_000));
    });
    // About 4 MB committed: the database file grows only when the checkpointer copies the log in.
    await eventually(() => expect(statSync(path).size).toBeGreaterThan(before + 3_000_000));
    database.close();
  });

  it('hands checkpoints back to the writer when its thread fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-checkpoint-'));
    const client = new Database(join(dir, 'bot.sqlite'));
    client.pragma('journal_mode = WAL');
    const checkpointer = startCheckpointer(client, join(dir, 'no-such-folder', 'bot.sqlite'));
    await eventually(() => expect(autocheckpoint(client)).toBe(1_000));
    checkpointer.stop();
    client.close();
  });
});
