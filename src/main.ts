import { existsSync } from 'node:fs';
import { startBot } from './bot.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createLogger } from './logger.js';
import { startSandbox } from './sandbox/start-sandbox.js';
import { slackErrorCode } from './slack/slack-error.js';

interface Running {
  config: { reload(): unknown };
  stop(): Promise<void>;
}

const fail = (message: string): never => {
  process.stderr.write(`${message}\nSee README.md and .env.example.\n`);
  process.exit(1);
};

/**
 * Process concerns only: read the environment, start (against Slack, or the local sandbox when no
 * Slack credentials are given), reload the configuration on SIGHUP, stop cleanly on SIGTERM/SIGINT.
 */
const main = async () => {
  // A .env file in the working directory is read when present; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const sandbox = !process.env.SLACK_BOT_TOKEN?.trim();
  const logger = createLogger(process.env.LOG_LEVEL?.trim() || 'info');
  // Node ends the process on an unhandled rejection; a pager that dies pages nobody. Log it and stay up.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  let running: Running;
  try {
    if (sandbox) {
      const started = await startSandbox({ env: process.env, logger });
      running = { config: started.bot.config, stop: started.stop };
      process.stdout.write(`\nno Slack credentials: running the local sandbox at ${started.url}\n(set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run against Slack; see README.md)\n\n`);
    } else {
      const bot = await startBot({ config: loadConfig(process.env), logger });
      running = bot;
    }
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    const code = slackErrorCode(error);
    logger.fatal({ err: error, slackError: code }, code === 'invalid_auth' ? 'Slack refused SLACK_BOT_TOKEN (invalid_auth)' : 'could not start');
    return process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  // Re-read the configuration file without a restart; an invalid file is refused and the old one kept.
  process.on('SIGHUP', () => void running.config.reload());
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
};

await main();
