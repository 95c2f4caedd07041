import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { runBackup } from '../../src/storage/backup-command.js';
import { addAlertWorkspace, alertsConfigYaml, alertTokens } from '../support/alerts-config.js';
import { botEnv, queryBotDatabase, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { killProcessTree } from '../support/kill-process-tree.js';
import { migrationsBefore } from '../support/migrations.js';
import { eventually } from '../support/eventually.js';

const root = new URL('../..', import.meta.url).pathname;
let slack: FakeSlack | undefined;
const dirs: string[] = [];
const running: BotProcess[] = [];
afterEach(async () => {
  for (const bot of running.splice(0)) if (bot.child.pid) killProcessTree(bot.child.pid);
  await slack?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'incident-bot-backup-'));
  dirs.push(dir);
  return dir;
};

/** Every alert the database holds, folded or still waiting in the inbox. */
const alertsHeld = (databasePath: string): number =>
  queryBotDatabase<{ n: number }>(databasePath, 'select (select count(*) from alerts) + (select coalesce(sum(size), 0) from alert_inbox) as n')!.n;

describe('npm run db:backup', () => {
  it('takes its own backup at start-up; copies the database of a running bot while it folds a flood: the copy holds every alert answered before it, and a bot starts on it', async () => {
    slack = await startFakeSlack();
    addAlertWorkspace(slack);
    const dir = tempDir();
    const env = { ...botEnv(slack, dir, 'backup-secret'), ...alertTokens };
    // Its own backups too: one at start-up, into a folder of its own.
    const automatic = join(dir, 'automatic');
    mkdirSync(automatic);
    writeFileSync(env.CONFIG_PATH, `${alertsConfigYaml()}backups: { dir: ${automatic}, every: 6h }\n`);
    const bot = startBotProcess(env);
    running.push(bot);
    const url = await bot.started;
    await eventually(() => expect(bot.output.stdout).toContain('"msg":"backup taken"'));
    expect(readdirSync(automatic)).toEqual([expect.stringMatching(/^incident-bot-\d{8}T\d{6}Z\.sqlite$/)]);

    // 20 batches of 500 distinct warnings, all answered 202: the bot is still folding them when the backup starts.
    const batch = (n: number) => Array.from({ length: 500 }, (_, i) => ({ labels: { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `b${n}-h${i}` } }));
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { authorization: `Bearer ${alertTokens.PROMETHEUS_ALERTS_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(batch(n)) }).then((response) => response.status),
      ),
    );
    expect(statuses.every((status) => status === 202)).toBe(true);

    // The command itself, as the README gives it, with only DATABASE_PATH set.
    const backups = join(tempDir(), 'nightly');
    mkdirSync(backups);
    const target = join(backups, 'incident-bot.sqlite');
    const command = spawnSync(process.execPath, ['--import', 'tsx', 'src/storage/backup-command.ts', target], { cwd: root, env: { PATH: process.env.PATH ?? '', DATABASE_PATH: env.DATABASE_PATH }, encoding: 'utf8' });
    expect(command.stderr).toBe('');
    expect(command.status).toBe(0);
    expect(command.stdout).toMatch(new RegExp(`^backed up to ${target}: [\\d.]+ MiB, 0 incident\\(s\\) \\(0 active\\), \\d+ alert\\(s\\), \\d+ pending job\\(s\\), schema of \\d{4}-\\d{2}-\\d{2}\\n$`));
    // One file, whole: no write-ahead log beside it, no partial copy left.
    expect(readdirSync(backups)).toEqual(['incident-bot.sqlite']);
    // One snapshot: every alert answered is in it, folded or still in the inbox, however far folding had got.
    expect(alertsHeld(target)).toBe(10_000);

    // The restore drill opens a copy as this version would at a restore, and leaves the backup as it was.
    const before = readFileSync(target);
    const drill: string[] = [];
    expect(await runBackup(['--check', target], {}, { out: (line) => drill.push(line), err: (line) => drill.push(`err: ${line}`) })).toBe(0);
    expect(drill).toEqual([expect.stringMatching(new RegExp(`^restorable: ${target}: [\\d.]+ MiB, 0 incident\\(s\\) \\(0 active\\), \\d+ alert\\(s\\), \\d+ pending job\\(s\\), schema of \\d{4}-\\d{2}-\\d{2}$`))]);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(backups)).toEqual(['incident-bot.sqlite']);

    // Restored: a bot started on the copy folds what was waiting and has all 10,000.
    const restoredDir = tempDir();
    const restoredEnv = { ...botEnv(slack, restoredDir, 'backup-secret'), ...alertTokens, DATABASE_PATH: target };
    writeFileSync(restoredEnv.CONFIG_PATH, alertsConfigYaml());
    const restored = startBotProcess(restoredEnv);
    running.push(restored);
    await restored.started;
    expect(queryBotDatabase<{ n: number }>(target, 'select count(*) as n from alerts')!.n).toBe(10_000);
  }, 120_000);

  it('refuses, in one line and without touching anything, a missing database, an existing target, a missing folder and no target at all', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(`out: ${line}`), err: (line: string) => lines.push(`err: ${line}`) };
    const existing = join(dir, 'kept.sqlite');
    writeFileSync(existing, 'an earlier backup');

    expect(await runBackup([join(dir, 'new.sqlite')], { DATABASE_PATH: join(dir, 'absent.sqlite') }, output)).toBe(1);
    expect(await runBackup([existing], { DATABASE_PATH: existing }, output)).toBe(1);
    expect(await runBackup([join(dir, 'no-such-folder', 'b.sqlite')], { DATABASE_PATH: existing }, output)).toBe(1);
    expect(await runBackup([], {}, output)).toBe(2);
    expect(await runBackup([join(dir, 'b.sqlite')], { DATABASE_PATH: 'postgres://bot:secret@db/incidents' }, output)).toBe(1);
    expect(lines).toEqual([
      `err: no database at ${join(dir, 'absent.sqlite')} (DATABASE_PATH): nothing to back up`,
      `err: ${existing} already exists: give the backup a new name`,
      `err: the folder ${join(dir, 'no-such-folder')} does not exist`,
      expect.stringMatching(/^err: usage: npm run db:backup -- <new file>/),
      expect.stringMatching(/^err: Invalid configuration: DATABASE_PATH: must be the path of a SQLite file/),
    ]);
    expect(lines.join('\n')).not.toContain('secret');
    expect(existsSync(join(dir, 'new.sqlite'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['kept.sqlite']);
  });

  it('--check migrates a backup an older version took, as a restore would, and refuses a file that is not one', async () => {
    const dir = tempDir();
    const older = migrationsBefore('0023_slo_budget_notice');
    const backup = join(dir, 'older.sqlite');
    try {
      const database = new Database(backup);
      migrate(drizzle({ client: database }), { migrationsFolder: older.folder });
      database.close();
    } finally {
      older.remove();
    }
    const notOne = join(dir, 'notes.txt');
    writeFileSync(notOne, 'not a database');
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`err: ${line}`) };
    expect(await runBackup(['--check', backup], {}, output)).toBe(0);
    expect(await runBackup(['--check', notOne], {}, output)).toBe(1);
    expect(await runBackup(['--check'], {}, output)).toBe(2);
    expect(lines[0]).toMatch(new RegExp(`^restorable: ${backup}: .*, schema of \\d{4}-\\d{2}-\\d{2} \\(migrated from the schema of \\d{4}-\\d{2}-\\d{2}\\)$`));
    expect(lines.slice(1)).toEqual([`err: ${notOne} is not a database of this bot`, expect.stringMatching(/^err: usage: npm run db:backup -- <new file>/)]);
    // The backup itself was not migrated.
    const still = new Database(backup, { readonly: true });
    expect((still.prepare("select count(*) as n from sqlite_master where name = 'slo_status'").get() as { n: number }).n).toBe(1);
    expect((still.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(23);
    still.close();
  });
});
