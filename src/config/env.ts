import { z } from 'zod';
import { defaultChannelNameTemplate } from '../domain/incident/channel-name.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const channelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD');

export const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({
      error: 'is required: the bot token (xoxb-…) from your Slack app\'s "OAuth & Permissions" page (or set no SLACK_ variable at all to run the local sandbox)',
    })
    .min(1, 'is required: the bot token (xoxb-…)'),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  SLACK_API_URL: z.url('must be a URL such as https://slack.com/api/').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  // A URL here would quietly become a SQLite file under a directory named `postgres:`.
  DATABASE_PATH: z
    .string()
    .min(1)
    .refine((path) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(path), 'must be the path of a SQLite file such as db/incident-bot.sqlite: the bot keeps its state in SQLite, and a database URL (postgres://…) is not supported')
    .default('db/incident-bot.sqlite'),
  LOG_LEVEL: z
    .enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })
    .default('info'),
  ANNOUNCEMENTS_CHANNEL: channelId.optional(),
  CONFIG_PATH: z.string().min(1).optional(),
  PUBLIC_URL: z.url('must be the URL people use to reach the bot, such as https://incident-bot.example.com').optional(),
  CHANNEL_NAME_TEMPLATE: z
    .string()
    .includes('{number}', { message: 'must contain {number} so every incident gets its own channel' })
    .default(defaultChannelNameTemplate),
});

export type Env = z.infer<typeof envSchema>;

/** The variables that say "run against Slack". */
export const slackVariables = Object.keys(envSchema.shape).filter((name) => name.startsWith('SLACK_'));

/**
 * The local sandbox runs only when no Slack variable is set at all (blank counts as unset): a half-made
 * Slack setup, a signing secret without its token, must be refused by name rather than quietly turn
 * into the sandbox.
 */
export const wantsSandbox = (source: NodeJS.ProcessEnv = process.env): boolean => slackVariables.every((name) => !source[name]?.trim());

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
    /** How long one Web API call may take before it is abandoned (and its job retried); 10 s unless a test says otherwise. */
    timeoutMs?: number;
  };
  http: { port: number; host: string | undefined };
  databasePath: string;
  logLevel: Env['LOG_LEVEL'];
  announcementsChannel: string | undefined;
  /** The YAML configuration file: CONFIG_PATH, or ./incident-bot.yml when that exists. */
  configPath: string;
  /** True when CONFIG_PATH was set: then a missing file is an error rather than "use the defaults". */
  configRequired: boolean;
  channelNameTemplate: string;
  /** The URL people reach the bot at (status page links, Atom feed ids); no trailing slash. */
  publicUrl: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Blank values count as unset, as they do in most .env tooling. */
const withoutBlanks = (source: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())));

/** One line per bad variable, each naming it, so a start-up error reads (and greps) on its own. */
const refuse = (problems: { variable: string; message: string }[]): never => {
  throw new ConfigError(problems.map((problem) => `Invalid configuration: ${problem.variable}: ${problem.message}`).join('\n'));
};

const issueProblems = (error: z.ZodError) => error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message }));

/**
 * LOG_LEVEL alone, before anything else: the logger is made first, and an unknown level must be a
 * one-line refusal rather than pino's stack trace.
 */
export const loadLogLevel = (source: NodeJS.ProcessEnv = process.env): Env['LOG_LEVEL'] => {
  const parsed = envSchema.shape.LOG_LEVEL.safeParse(source.LOG_LEVEL?.trim() || undefined);
  return parsed.success ? parsed.data : refuse(issueProblems(parsed.error).map((problem) => ({ ...problem, variable: 'LOG_LEVEL' })));
};

/** DATABASE_PATH alone, for the commands that need only the database (`npm run db:backup`). */
export const loadDatabasePath = (source: NodeJS.ProcessEnv = process.env): string => {
  const parsed = envSchema.shape.DATABASE_PATH.safeParse(source.DATABASE_PATH?.trim() || undefined);
  return parsed.success ? parsed.data : refuse(issueProblems(parsed.error).map((problem) => ({ ...problem, variable: 'DATABASE_PATH' })));
};

/** Parses the environment; throws a ConfigError naming every bad variable and never echoing a value. */
export const loadConfig = (source: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = envSchema.safeParse(withoutBlanks(source));
  if (!parsed.success) return refuse(issueProblems(parsed.error));
  const env = parsed.data;
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    return refuse([{ variable: 'SLACK_SIGNING_SECRET', message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)' }]);
  }
  return {
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
    },
    http: { port: env.PORT, host: env.HOST },
    databasePath: env.DATABASE_PATH,
    logLevel: env.LOG_LEVEL,
    announcementsChannel: env.ANNOUNCEMENTS_CHANNEL,
    configPath: env.CONFIG_PATH ?? 'incident-bot.yml',
    configRequired: env.CONFIG_PATH !== undefined,
    channelNameTemplate: env.CHANNEL_NAME_TEMPLATE,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
  };
};
