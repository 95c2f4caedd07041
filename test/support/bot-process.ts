import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import Database from 'better-sqlite3';

const root = new URL('../..', import.meta.url).pathname;

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
  /** Resolves with the HTTP URL once the bot logs that it started. */
  started: Promise<string>;
}

/**
 * The README's start command, `npm start`, is `node --import tsx src/main.ts`: run that process
 * directly, with exactly the given environment, so signals (SIGTERM, SIGHUP, SIGKILL) reach the bot itself.
 */
export const startBotProcess = (env: Record<string, string>): BotProcess => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
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
  return { child, output, exited, started };
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
