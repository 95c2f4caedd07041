import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { startBot } from './bot.js';
import { ConfigError, loadConfig, loadLogLevel, wantsSandbox } from './config/env.js';
import { createLogger } from './logger.js';
import { createLifecycle, type Started } from './process-lifecycle.js';
import { explainStartupError } from './startup-error.js';

/** A start-up problem the person starting the bot can fix: one line naming the variable or file, exit 1. */
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const readDotEnv = () => {
  // A .env file in the working directory is read when present; variables already set win.
  if (!existsSync('.env')) return;
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    throw new ConfigError(`.env: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
};

/**
 * No Slack variable at all: the same bot against the built-in Slack emulator. The sandbox and the
 * emulator are loaded here and only here, so a start against Slack never loads them.
 */
const startLocalSandbox = async (logger: Logger): Promise<Started> => {
  logger.info({ mode: 'sandbox' }, 'no Slack variable is set: starting the local sandbox (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run against Slack)');
  const { startSandbox } = await import('./sandbox/start-sandbox.js');
  const started = await startSandbox({ env: process.env, logger });
  process.stdout.write(`\nno Slack credentials: running the local sandbox at ${started.url}\n(set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run against Slack; see README.md)\n\n`);
  return { config: started.bot.config, stop: started.stop };
};

/**
 * Process concerns only: read the environment, install the signal and crash handlers, then start
 * (against Slack, or the local sandbox when no Slack variable is set).
 */
const main = async () => {
  let logger;
  try {
    readDotEnv();
    logger = createLogger(loadLogLevel(process.env));
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const sandbox = wantsSandbox(process.env);
  const lifecycle = createLifecycle({ events: process, logger, exit: (code) => process.exit(code) });
  try {
    await lifecycle.start(async (): Promise<Started> => (sandbox ? startLocalSandbox(logger) : startBot({ config: loadConfig(process.env), logger })));
  } catch (error) {
    const explained = explainStartupError(error, { databasePath: sandbox ? 'SANDBOX_DATABASE_PATH' : 'DATABASE_PATH' });
    if (explained) return fail(explained);
    logger.fatal({ err: error }, 'could not start');
    return process.exit(1);
  }
};

await main();
