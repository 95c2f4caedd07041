import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '../../src/app/ports.js';
import { startBot, type RunningBot } from '../../src/bot.js';
import type { Config } from '../../src/config/env.js';
import { createLogger } from '../../src/logger.js';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from 'slack-emulator';

const configFile = (yaml: string | undefined): string => {
  if (yaml === undefined) return join(tmpdir(), 'incident-bot-no-such-config.yml');
  const path = join(mkdtempSync(join(tmpdir(), 'incident-bot-config-')), 'incident-bot.yml');
  writeFileSync(path, yaml);
  return path;
};

export const signingSecret = 'test-signing-secret-5f1c';

/** People and channels every end-to-end test starts with. */
export const people = {
  reporter: 'U0REPORTER',
  commander: 'U0COMMANDR',
  scribe: 'U0SCRIBE01',
  ops: 'U0OPSLEAD1',
  bystander: 'U0BYSTANDR',
} as const;
export const announcementsChannel = 'C0ANNOUNCE';
export const generalChannelName = 'general';

export interface Harness {
  slack: FakeSlack;
  /** The same fake Slack without waiting for the bot to settle (latency benchmarks time the bot while it works). */
  rawSlack: FakeSlack;
  bot: RunningBot;
  /** Every log line the bot wrote, raw. */
  logs: string[];
  general: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<Config>;
  slack?: FakeSlackOptions;
  /** The YAML configuration file's text (services, schedules, policies); none = built-in defaults. */
  configYaml?: string;
  /** How long a Web API call may take (tests of hung calls keep it short). */
  slackTimeout?: { timeoutMs: number };
  /** The bot's clock; the scheduler does not tick by itself then, call `bot.scheduler.tick()`. */
  clock?: Clock;
  /** Variables the configuration's token_env entries name (alert source and API tokens). */
  env?: Record<string, string>;
  /** Scheduler polling despite an injected clock (benchmarks whose clock moves on its own); null = never. */
  tickEveryMs?: number | null;
}

/**
 * Every interaction with the fake Slack (a command, a click, a message) resolves once the bot has
 * settled: its listener finished and every job that was due has run. Tests assert on that, not on sleeps.
 */
const settling = (slack: FakeSlack, idle: () => Promise<void>): FakeSlack =>
  new Proxy(slack, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close' || property === 'listen') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? result.then(async (answer) => (await idle(), answer)) : result;
      };
    },
  });

/**
 * The real bot (Bolt HTTP receiver, real WebClient, real SQLite) against the fake Slack over loopback.
 */
export const startHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const slack = await startFakeSlack(options.slack);
  slack.addUser({ id: people.reporter, name: 'alice' });
  slack.addUser({ id: people.commander, name: 'bob' });
  slack.addUser({ id: people.scribe, name: 'carol' });
  slack.addUser({ id: people.ops, name: 'dave' });
  slack.addUser({ id: people.bystander, name: 'erin' });
  slack.addChannel({ id: announcementsChannel, name: 'incidents', members: Object.values(people) });

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const config: Config = {
    slack: { botToken: slack.botToken, signingSecret, appToken: undefined, apiUrl: slack.apiUrl, ...options.slackTimeout },
    http: { port: 0, host: '127.0.0.1' },
    databasePath: ':memory:',
    logLevel: 'debug',
    announcementsChannel,
    configPath: configFile(options.configYaml),
    configRequired: options.configYaml !== undefined,
    channelNameTemplate: 'inc-{number}-{slug}',
    publicUrl: undefined,
    ...options.config,
  };
  const bot = await startBot({
    config,
    logger: createLogger(config.logLevel, sink),
    ...(options.clock ? { clock: options.clock, tickEveryMs: null } : {}),
    env: options.env ?? {},
    ...(options.tickEveryMs !== undefined ? { tickEveryMs: options.tickEveryMs } : {}),
  });
  slack.configureApp({ requestUrl: `${bot.url}/slack/events`, signingSecret });
  const general = slack.workspace.channelByName(generalChannelName)!.id;
  return {
    slack: settling(slack, () => bot.idle()),
    rawSlack: slack,
    bot,
    logs,
    general,
    close: async () => {
      await bot.stop();
      await slack.close();
    },
  };
};
