import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { eventually } from '../support/eventually.js';

let slack: FakeSlack | undefined;
let dir: string | undefined;
const started: BotProcess[] = [];
/** The README's `npm start`, as written (the other process tests run the compiled bot). */
const start = (env: Record<string, string>): BotProcess => {
  const bot = startBotProcess(env, { npmStart: true });
  started.push(bot);
  return bot;
};
afterEach(async () => {
  // A failed expectation must not leave a bot running.
  await Promise.all(started.splice(0).map((bot) => bot.stop('SIGKILL')));
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the start command', () => {
  it('without any Slack variable runs the local sandbox on loopback, says so first, and says where', async () => {
    const bot = start({ PORT: '0', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: ' ' });
    const url = await bot.started;
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const firstLine = JSON.parse(bot.output.stdout.split('\n')[0]!) as { msg: string };
    expect(firstLine.msg).toMatch(/^no Slack variable is set: starting the local sandbox/);
    await eventually(() => expect(bot.output.stdout).toMatch(/no Slack credentials: running the local sandbox at http:\/\/localhost:\d+\/sandbox/));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const page = await fetch(`${url}/sandbox`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Alice Reporter');
    expect(await bot.stop('SIGTERM')).toBe(0);
  });

  it('with credentials connects, serves /healthz, and stops cleanly on SIGTERM', async () => {
    slack = await startFakeSlack();
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-'));
    const bot = start({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'start-command-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bot.sqlite'),
    });
    const url = await bot.started;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.output.stdout).not.toMatch(/sandbox/i);
    expect(bot.output.stdout).not.toContain(slack.botToken);
    expect(bot.output.stdout).not.toContain('start-command-secret');
  });
});
