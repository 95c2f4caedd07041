import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FakeSlack } from 'slack-emulator';
import { builtBotVariable, recordStartedProcess, runMarker } from './started-processes.js';

const root = new URL('../..', import.meta.url).pathname;

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
  /** Resolves with the HTTP URL once the bot logs that it started. */
  started: Promise<string>;
  /**
   * Sends `signal` to the whole process group (the tsx wrapper and the node process running the
   * bot) and resolves with the wrapper's exit code once it is gone.
   */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the bot as its own process, with exactly the given environment, so signals (SIGTERM, SIGHUP,
 * SIGKILL) reach the bot itself. By default it runs `src/main.ts` as the global setup compiled it
 * (test/support/bot-build.ts: the same code, without tsx compiling every file again on each start);
 * `{ npmStart: true }` runs the README's start command, `npm start`, which is
 * `node --import tsx src/main.ts`. The bot leads its own process group, and signals go to the whole
 * group, so nothing it started can outlive it.
 */
export const startBotProcess = (env: Record<string, string>, options: { npmStart?: boolean } = {}): BotProcess => {
  const built = process.env[builtBotVariable];
  const args = options.npmStart || !built ? ['--import', 'tsx', 'src/main.ts'] : [built];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env, ...runMarker() },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  recordStartedProcess(child.pid);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
    return exited;
  };
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output.stdout}\n${output.stderr}`)), 45_000);
    const look = () => {
      const line = output.stdout.split('\n').find((candidate) => candidate.includes('incident bot started'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line).url);
    };
    child.stdout.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bot exited before starting:\n${output.stdout}\n${output.stderr}`));
    });
  });
  started.catch(() => undefined);
  return { child, output, exited, started, stop };
};

/** One row from the running bot's own SQLite file, read the way an operator would (read-only, WAL). */
export const queryBotDatabase = <T>(databasePath: string, query: string): T | undefined => {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).get() as T | undefined;
  } finally {
    db.close();
  }
};

/** Every row a query returns from the bot's own SQLite file (read-only). */
export const queryBotDatabaseAll = <T>(databasePath: string, query: string): T[] => {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
};

/** The environment of a bot process against the fake Slack, with its database and configuration in `dir`. */
export const botEnv = (slack: FakeSlack, dir: string, signingSecret: string) => ({
  SLACK_BOT_TOKEN: slack.botToken,
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_API_URL: slack.apiUrl,
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_PATH: join(dir, 'bot.sqlite'),
  CONFIG_PATH: join(dir, 'incident-bot.yml'),
});

/**
 * `botEnv`, and a `launch()` that starts the bot and points the fake Slack's app at it (each
 * process is kept in `running`, for the test to stop).
 */
export const botAgainst = (slack: FakeSlack, dir: string, signingSecret: string, running: BotProcess[]) => {
  const env = botEnv(slack, dir, signingSecret);
  const launch = async (): Promise<BotProcess> => {
    const bot = startBotProcess(env);
    running.push(bot);
    slack.configureApp({ requestUrl: `${await bot.started}/slack/events`, signingSecret });
    return bot;
  };
  return { env, launch };
};
