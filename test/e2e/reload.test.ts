import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextCronTime } from '../../src/domain/communication/cron-schedule.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { queryBotDatabase, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { eventually } from '../support/eventually.js';

let slack: FakeSlack | undefined;
let bot: BotProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The pending digest's due time, read from the bot's own database file. */
const pendingDigestAt = (databasePath: string): number | undefined =>
  queryBotDatabase<{ dueAt: number }>(databasePath, "select due_at as dueAt from jobs where key = 'digest' and status = 'pending'")?.dueAt;

const logLines = (process: BotProcess, msg: string): Record<string, unknown>[] =>
  process.output.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);

/** The due time the digest must have after a reload that happened between `before` and now. */
const dueAfterReload = (cron: string, timezone: string, before: number): number[] => [nextCronTime(cron, timezone, before), nextCronTime(cron, timezone, Date.now())];

describe('kill -HUP on the running process', () => {
  it('refuses a file whose schedule cannot run, staying up with the old one; a valid file reschedules the digest', async () => {
    slack = await startFakeSlack();
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-reload-'));
    const configPath = join(dir, 'incident-bot.yml');
    const databasePath = join(dir, 'bot.sqlite');
    writeFileSync(configPath, 'digest:\n  cron: "0 9 * * 1-5"\n  timezone: UTC\n');
    const startedBefore = Date.now();
    bot = startBotProcess({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'reload-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      CONFIG_PATH: configPath,
    });
    const url = await bot.started;
    const firstDue = pendingDigestAt(databasePath);
    expect(dueAfterReload('0 9 * * 1-5', 'UTC', startedBefore)).toContain(firstDue);

    // node-cron accepted this; the scheduler cannot run it. Before the fix the process exited here.
    writeFileSync(configPath, 'digest:\n  cron: "0 9 * * monday"\n  timezone: UTC\n');
    bot.child.kill('SIGHUP');
    const refused = await eventually(() => {
      const [line] = logLines(bot!, 'configuration reload refused; keeping the configuration in force');
      expect(line, bot!.output.stdout + bot!.output.stderr).toBeDefined();
      return line!;
    }, 60_000);
    expect(String(refused.reason)).toContain('digest.cron');
    expect(String(refused.reason)).toContain('"0 9 * * monday"');
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(pendingDigestAt(databasePath)).toBe(firstDue);

    writeFileSync(configPath, 'digest:\n  cron: "30 7 * * *"\n  timezone: Asia/Tokyo\n');
    const reloadedBefore = Date.now();
    bot.child.kill('SIGHUP');
    await eventually(() => expect(logLines(bot!, 'configuration reloaded')).toHaveLength(1), 60_000);
    const rescheduled = pendingDigestAt(databasePath);
    expect(rescheduled).not.toBe(firstDue);
    expect(dueAfterReload('30 7 * * *', 'Asia/Tokyo', reloadedBefore)).toContain(rescheduled);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 180_000);
});
