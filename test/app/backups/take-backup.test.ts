import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, scheduleBackups } from '../../../src/app/backups/take-backup.js';
import { jobKeys } from '../../../src/app/job-keys.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';
import { eventually } from '../../support/eventually.js';

const hour = 3_600_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A world on a database file, backing up into `backups/` every hour, keeping two; its log lines kept. */
const backedUp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'incident-bot-backups-'));
  dirs.push(dir);
  const backups = join(dir, 'backups');
  const clock = fixedClock(Date.UTC(2026, 11, 2, 6, 0));
  const world = useCaseWorld({ configYaml: `backups: { dir: ${backups}, every: 1h, keep: 2 }\n`, clock, databasePath: join(dir, 'bot.sqlite') });
  const logs: { msg: string; err?: { message: string }; file?: string }[] = [];
  world.deps.log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  return { world, backups, clock, logs };
};

describe('backups the bot takes itself', () => {
  it('takes one at once and one every hour, keeps the newest two of its own, clears a half-written copy, and leaves other files alone', async () => {
    const { world, backups, clock, logs } = backedUp();
    mkdirSync(backups);
    writeFileSync(join(backups, 'notes.txt'), 'an operator’s file');
    writeFileSync(join(backups, 'incident-bot-before-upgrade.sqlite'), 'a backup taken by hand');
    // Half a copy, from a bot stopped while it was being written.
    writeFileSync(join(backups, '.incident-bot-20261201T180000Z.sqlite.partial'), 'half a copy');
    const start = clock.now();

    const taken = () => logs.filter((line) => line.msg === 'backup taken').map((line) => line.file);
    scheduleBackups(world.deps, world.deps.config(), { now: true });
    await world.runDueJobs();
    // The job is done once the copy has started; the copy ends on its own thread.
    expect(world.deps.jobs.pending(jobKeys.backup)?.dueAt).toBe(start + hour);
    await eventually(() => expect(taken()).toHaveLength(1));
    expect(readdirSync(backups).sort()).toEqual(['incident-bot-20261202T060000Z.sqlite', 'incident-bot-before-upgrade.sqlite', 'notes.txt']);

    for (const n of [2, 3]) {
      await world.advance(hour);
      await eventually(() => expect(taken()).toHaveLength(n));
    }
    expect(readdirSync(backups).sort()).toEqual([backupFileName(start + hour), backupFileName(start + 2 * hour), 'incident-bot-before-upgrade.sqlite', 'notes.txt']);
    expect(taken()).toEqual([0, 1, 2].map((n) => join(backups, backupFileName(start + n * hour))));
    world.close();
  });

  it('logs a backup that fails as an error, tries again at its time, and recovers', async () => {
    const { world, backups, logs } = backedUp();
    scheduleBackups(world.deps, world.deps.config(), { now: true });
    await world.runDueJobs();
    const failed = () => logs.filter((line) => line.msg === 'backup failed').map((line) => line.err?.message);
    await eventually(() => expect(failed()).toEqual([`the folder ${backups} does not exist`]));
    expect(existsSync(backups)).toBe(false);

    mkdirSync(backups);
    await world.advance(hour);
    await eventually(() => expect(readdirSync(backups)).toHaveLength(1));
    expect(failed()).toHaveLength(1);
    world.close();
  });

  it('keeps none pending once the configuration has no backups', () => {
    const { world } = backedUp();
    scheduleBackups(world.deps, world.deps.config(), { now: true });
    expect(world.deps.jobs.pending(jobKeys.backup)).toBeDefined();
    scheduleBackups(world.deps, { backups: null }, { now: false });
    expect(world.deps.jobs.pending(jobKeys.backup)).toBeUndefined();
    world.close();
  });

  it('takes one copy at a time: a second asked for while the first is being copied is refused, and the first goes on', async () => {
    const { world, backups, logs } = backedUp();
    mkdirSync(backups);
    const first = world.deps.backups.take(join(backups, 'first.sqlite'));
    await expect(world.deps.backups.take(join(backups, 'second.sqlite'))).rejects.toThrow('the previous backup is still being taken');
    await first;
    expect(readdirSync(backups)).toEqual(['first.sqlite']);
    expect(logs).toEqual([]);
    world.close();
  });
});
