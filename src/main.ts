import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config/env.js';
import { createLogger } from './logger.js';
import { startBot } from './bot.js';
import { slackErrorCode } from './slack/slack-error.js';

/** Process concerns only: read the environment, start, stop cleanly on SIGTERM/SIGINT. */
const main = async () => {
  // A .env file in the working directory is read when present; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md and .env.example.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let bot;
  try {
    bot = await startBot({ config, logger });
  } catch (error) {
    const code = slackErrorCode(error);
    logger.fatal({ err: error, slackError: code }, code === 'invalid_auth' ? 'Slack refused SLACK_BOT_TOKEN (invalid_auth)' : 'could not start');
    process.exit(1);
  }
  const running = bot;
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
