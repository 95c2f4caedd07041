import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { explainStartupError } from '../../src/startup-error.js';
import { openDatabase } from '../../src/storage/database.js';
import { startBotProcess } from '../support/bot-process.js';
import { eventually } from '../support/eventually.js';

let dir: string;
let slack: FakeSlack | undefined;
const closers: (() => Promise<unknown>)[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'incident-bot-start-'));
});
afterEach(async () => {
  await slack?.close();
  slack = undefined;
  for (const close of closers.splice(0)) await close();
  rmSync(dir, { recursive: true, force: true });
});

const withSlack = async (env: Record<string, string> = {}) => {
  slack = await startFakeSlack();
  return {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: 'start-up-secret',
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    ...env,
  };
};

/** The process ends with exit code 1 and exactly one line on stderr, naming `name`, and no stack trace. */
const refusesWithOneLine = async (env: Record<string, string>, name: string): Promise<string> => {
  const bot = startBotProcess(env);
  expect(await bot.exited).toBe(1);
  const lines = bot.output.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^(Invalid configuration: )?${name}: `));
  expect(bot.output.stdout).not.toMatch(/"stack"|\n\s+at /);
  return lines[0]!;
};

describe('start-up errors are one line naming the variable, exit code 1', () => {
  it('an unknown LOG_LEVEL', async () => {
    const line = await refusesWithOneLine({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL');
    expect(line).toContain('must be one of fatal, error, warn, info, debug, trace, silent');
  });

  it('a DATABASE_PATH that cannot be created', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const line = await refusesWithOneLine(await withSlack({ DATABASE_PATH: join(dir, 'a-file', 'bot.sqlite') }), 'DATABASE_PATH');
    expect(line).toContain(join(dir, 'a-file', 'bot.sqlite'));
  });

  // The same path through main.ts as the case above (one spawn shows it); only the cause differs.
  it('a DATABASE_PATH that is a folder', () => {
    const failure = (() => {
      try {
        openDatabase(dir).close();
      } catch (error) {
        return error;
      }
    })();
    expect(explainStartupError(failure, { databasePath: 'DATABASE_PATH' })).toMatch(new RegExp(`^DATABASE_PATH: cannot open the database ${dir}: `));
  });

  it('a PORT already in use', async () => {
    const taken = createTcpServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => taken.close(resolve)));
    const port = (taken.address() as AddressInfo).port;
    const line = await refusesWithOneLine(await withSlack({ PORT: String(port) }), 'PORT');
    expect(line).toBe(`PORT: ${port} on 127.0.0.1 is already in use (EADDRINUSE)`);
  });

  // Only an environment with no Slack variable at all is the local sandbox; half a Slack setup is refused.
  it('a signing secret without the bot token', async () => {
    const line = await refusesWithOneLine({ SLACK_SIGNING_SECRET: 'start-up-secret', PORT: '0', HOST: '127.0.0.1' }, 'SLACK_BOT_TOKEN');
    expect(line).toContain('is required');
  });

  it('an app-level token or an API URL without the bot token', async () => {
    await refusesWithOneLine({ SLACK_APP_TOKEN: 'xapp-1-start-up', PORT: '0', HOST: '127.0.0.1' }, 'SLACK_BOT_TOKEN');
    await refusesWithOneLine({ SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '0', HOST: '127.0.0.1' }, 'SLACK_BOT_TOKEN');
  });

  it('a bot token without the signing secret (nor an app-level token)', async () => {
    const line = await refusesWithOneLine({ SLACK_BOT_TOKEN: 'xoxb-start-up', PORT: '0', HOST: '127.0.0.1' }, 'SLACK_SIGNING_SECRET');
    expect(line).toContain('is required in HTTP mode');
  });

  it('a bot token Slack refuses', async () => {
    const env = await withSlack();
    await refusesWithOneLine({ ...env, SLACK_BOT_TOKEN: 'xoxb-not-the-one' }, 'SLACK_BOT_TOKEN');
  });
});

describe('signals during start-up', () => {
  it('SIGTERM while start-up waits on Slack stops cleanly (exit 0), without waiting for Slack', async () => {
    // A Slack that takes the request and never answers holds start-up at auth.test.
    const requests: string[] = [];
    const silent: Server = createServer((request) => requests.push(request.url ?? ''));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          silent.closeAllConnections();
          silent.close(resolve);
        }),
    );
    const bot = startBotProcess({
      SLACK_BOT_TOKEN: 'xoxb-held',
      SLACK_SIGNING_SECRET: 'start-up-secret',
      SLACK_API_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bot.sqlite'),
    });
    await eventually(() => expect(requests).toContain('/api/auth.test'), 60_000);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const stopping = bot.output.stdout.split('\n').find((line) => line.includes('"msg":"stopping"'));
    expect(JSON.parse(stopping!)).toMatchObject({ reason: 'SIGTERM', duringStartUp: true });
  });
});
