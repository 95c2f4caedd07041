import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.js';

const root = new URL('../..', import.meta.url).pathname;
/** The README's start command, `npm start`, is `tsx src/main.ts`; run that process directly so signals reach it. */
const startCommand = (env: Record<string, string>) =>
  spawn(join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const collect = (child: ReturnType<typeof startCommand>) => {
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output, exited };
};

let slack: FakeSlack | undefined;
let dir: string | undefined;
afterEach(async () => {
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the start command', () => {
  it('without Slack credentials names what is missing and exits non-zero', async () => {
    const { output, exited } = collect(startCommand({}));
    expect(await exited).toBe(1);
    expect(output.stderr).toContain('SLACK_BOT_TOKEN');
  });

  it('with credentials connects, serves /healthz, and stops cleanly on SIGTERM', async () => {
    slack = await startFakeSlack();
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-'));
    const child = startCommand({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'start-command-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bot.sqlite'),
    });
    const { output, exited } = collect(child);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start:\n${output.stdout}\n${output.stderr}`)), 15_000);
      child.stdout.on('data', () => {
        const started = output.stdout.split('\n').find((line) => line.includes('incident bot started'));
        if (started) {
          clearTimeout(timer);
          resolve(JSON.parse(started).url);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.stdout).not.toContain(slack.botToken);
    expect(output.stdout).not.toContain('start-command-secret');
  });
});
