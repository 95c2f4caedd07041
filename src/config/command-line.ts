import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Runs `run` as the command line when the module at `moduleUrl` is the file node was started with
 * (`npm run config:check`, `npm run db:backup`): like the bot, it reads `.env` when present
 * (variables already set win), writes lines to stdout and stderr, and exits with what `run` returns.
 */
export const runAsCommand = (moduleUrl: string, run: (args: readonly string[], env: NodeJS.ProcessEnv, output: CommandOutput) => number | Promise<number>): void => {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  if (existsSync('.env')) process.loadEnvFile('.env');
  void Promise.resolve(
    run(process.argv.slice(2), process.env, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    }),
  ).then((code) => {
    process.exitCode = code;
  });
};
