import { randomUUID } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { WebClient } from '@slack/web-api';
import type { App, CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import { systemClock, type Clock, type IdGenerator, type JobRepository } from './app/ports.js';
import type { UseCaseDeps } from './app/use-case-deps.js';
import type { Config } from './config/env.js';
import { healthRoute } from './http/health.js';
import { toSlackLogger } from './logger.js';
import { attachListeners, createSlackApp, slackClientOptions } from './slack/app.js';
import { createNotifier } from './slack/notifier.js';
import { openDatabase, type OpenDatabase } from './storage/database.js';
import { databaseBackups } from './storage/backup.js';
import { createJobRepository } from './storage/job-repository.js';
import { planDigest, scheduleDigest } from './app/communication/post-digest.js';
import { scheduleHousekeeping } from './app/housekeeping.js';
import { scheduleSloEvaluation } from './app/slo/evaluate-slos.js';
import { scheduleBackups } from './app/backups/take-backup.js';
import { createStatusPageReader } from './app/communication/read-status-page.js';
import { statusPageRoutes } from './http/status-page/routes.js';
import { postmortemRoute, safeEqual } from './http/postmortem-route.js';
import { createPeopleDirectory } from './slack/people-directory.js';
import { createUserGroupCache, type UserGroupCache } from './slack/user-group-members.js';
import { namedGroups } from './domain/permissions/permissions.js';
import { createStatusPageSource } from './storage/status-page-source.js';
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { jobHandlers } from './scheduler/job-handlers.js';
import { reportJobFailure } from './app/effects/report-failures.js';
import { classifySlackFailure } from './slack/slack-error.js';
import { createConfigStore, type ConfigStore } from './config/config-store.js';
import { loadIncidentConfig } from './config/incident-config-file.js';
import { withEnvironment } from './config/resolve-config.js';
import { checkAlertSecrets, secretReader, type SecretEnv } from './config/alert-secrets.js';
import { alertRoutes, readSentAlerts } from './http/alerts/routes.js';
import { prometheusSliSource } from './http/prometheus/sli-source.js';
import { alertClassOf } from './domain/alerts/route.js';
import { startAlertFolding, type AlertFolding } from './alert-folding.js';
import { createRepositories } from './storage/repositories.js';
import { maintenanceRoutes } from './http/alerts/maintenance-routes.js';
import { cancelApiMaintenance, putApiMaintenance } from './app/alerts/api-maintenance.js';

export interface BotOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  newId?: IdGenerator;
  /** Milliseconds between scheduler ticks; null leaves ticking to the caller (tests). */
  tickEveryMs?: number | null;
  /** More HTTP routes on the same server (the local sandbox's UI). */
  extraRoutes?: CustomRoute[];
  /** Where the alert sources' and the API's tokens are read (the variables the configuration names). */
  env?: SecretEnv;
  /** The first log line once Slack answered; the sandbox says it runs against its emulator. */
  startedMessage?: string;
}

export interface RunningBot {
  /** Base URL of the HTTP server (HTTP mode), e.g. http://127.0.0.1:3000 */
  url: string | undefined;
  deps: UseCaseDeps;
  scheduler: Scheduler;
  /**
   * Resolves once no listener is still working, no accepted alert waits to be folded and no job is
   * due or running (retries waiting on a later time aside).
   */
  idle(): Promise<void>;
  config: ConfigStore;
  stop(): Promise<void>;
}

type SlackIdentity = { botId: string; botUserId: string; workspaceUrl: string };

/** Where people reach the bot; used for the status page's own links when status_page.url is unset. */
const publicBaseUrl = (config: Config): string =>
  config.publicUrl ?? `http://${config.http.host && config.http.host !== '0.0.0.0' ? config.http.host : 'localhost'}:${config.http.port}`;

/** Who the token belongs to (auth.test), failing within seconds when Slack is unreachable. */
const identifyBot = async (config: Config, logger: Logger, startedMessage: string): Promise<SlackIdentity> => {
  const client = new WebClient(config.slack.botToken, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger: toSlackLogger(logger),
    // Fail start-up within seconds when Slack is unreachable, rather than retrying for half an hour.
    retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2000 },
  });
  const identity = await client.auth.test();
  if (!identity.bot_id || !identity.user_id || !identity.url) {
    throw new Error('auth.test did not describe a bot: is SLACK_BOT_TOKEN a bot token (xoxb-…)?');
  }
  logger.info({ team: identity.team, botUserId: identity.user_id }, startedMessage);
  return { botId: identity.bot_id, botUserId: identity.user_id, workspaceUrl: identity.url };
};

/** A job repository that says when a job was written, so the scheduler runs it without waiting for its next poll. */
const announcingJobs = (jobs: JobRepository): { jobs: JobRepository; onScheduled(listener: () => void): void } => {
  const listeners: (() => void)[] = [];
  return {
    jobs: {
      ...jobs,
      schedule: (job, now) => {
        const stored = jobs.schedule(job, now);
        for (const listener of listeners) listener();
        return stored;
      },
    },
    onScheduled: (listener) => listeners.push(listener),
  };
};

interface DepsInput {
  config: Config;
  database: OpenDatabase;
  configStore: ConfigStore;
  identity: SlackIdentity;
  jobs: JobRepository;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  /** Where the variables the configuration names (token_env) are read. */
  env: SecretEnv;
  userGroups: UserGroupCache;
}

/** Repositories over the database, Slack through the notifier, the configuration in force: what the use cases are given. */
const buildDeps = ({ config, database, configStore, identity, jobs, clock, newId, logger, env, userGroups }: DepsInput): UseCaseDeps => {
  const { db } = database;
  // The jobs' own client: the same options as the listeners' (Bolt's), separate from the start-up check.
  const client = new WebClient(config.slack.botToken, { ...slackClientOptions(config), logger: toSlackLogger(logger) });
  const onceClient = new WebClient(config.slack.botToken, { ...slackClientOptions(config), retryConfig: { retries: 0 }, logger: toSlackLogger(logger) });
  return {
    // Plain batches are stored as they came: read into alerts by their endpoint's parser when folded.
    ...createRepositories(
      db,
      newId,
      readSentAlerts(
        () => configStore.current().alerts.serviceLabel,
        (error) => logger.error({ err: error, module: 'alert-inbox' }, 'an accepted alert batch could not be read back; passed over'),
      ),
    ),
    jobs,
    atomically: database.atomically,
    notifier: createNotifier({ client, onceClient, workspaceUrl: identity.workspaceUrl, botUserId: identity.botUserId, clock, logger, config: configStore.current }),
    clock,
    settings: { channelNameTemplate: config.channelNameTemplate, botUserId: identity.botUserId },
    log: logger.child({ module: 'incidents' }),
    config: configStore.current,
    people: createPeopleDirectory({ client, clock, logger }),
    userGroups,
    publicUrl: () => publicBaseUrl(config),
    slis: prometheusSliSource(() => configStore.current().prometheus, env),
    backups: databaseBackups(config.databasePath),
  };
};

type RoutesInput = Pick<DepsInput, 'config' | 'database' | 'configStore' | 'logger' | 'env'> & { folding: AlertFolding };

/** The HTTP routes besides Slack's: health, postmortem drafts, alert intake, the maintenance API, the status page. */
const buildRoutes = (deps: UseCaseDeps, { config, database, configStore, env, logger, folding }: RoutesInput): CustomRoute[] => {
  const { clock } = deps;
  const secrets = secretReader(configStore.current, env);
  const readSnapshot = createStatusPageReader(
    { source: createStatusPageSource(database.db), clock, config: configStore.current },
    { fallbackUrl: `${publicBaseUrl(config)}/status` },
  );
  const failed = (module: string, what: string) => (error: unknown) => logger.error({ err: error, module }, what);
  return [
    healthRoute(database.ping),
    postmortemRoute((incidentId, token) => {
      const stored = deps.postmortems.find(incidentId);
      return stored && safeEqual(stored.token, token) ? stored.markdown : undefined;
    }),
    ...alertRoutes({
      secrets,
      now: () => clock.now(),
      serviceLabel: () => configStore.current().alerts.serviceLabel,
      pages: (labels) => alertClassOf(configStore.current().alerts, labels) === 'critical',
      receive: folding.accept,
      onError: failed('alerts', 'alert intake failed'),
    }),
    ...maintenanceRoutes({
      token: () => secrets.apiToken(),
      put: (input) => putApiMaintenance(deps, input),
      cancel: (id) => cancelApiMaintenance(deps, id),
      onError: failed('maintenance-api', 'maintenance API failed'),
    }),
    ...statusPageRoutes(readSnapshot, { now: () => clock.now(), onError: failed('status-page', 'status page failed') }),
  ];
};

/** Counts listener work still running after its ack(), for `idle()`. */
const countInFlight = (app: App): (() => number) => {
  let inFlight = 0;
  app.use(async ({ next }) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  return () => inFlight;
};

/** `busy`: listener work still running or accepted alerts still to fold. */
const settles = (scheduler: Scheduler, busy: () => boolean) => async () => {
  const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 1));
  for (let round = 0; round < 10_000; round += 1) {
    await nextTurn();
    if (busy()) continue;
    const { ran, failed } = await scheduler.tick();
    if (ran === 0 && failed === 0 && !busy()) return;
  }
  throw new Error('the bot did not settle');
};

const listeningUrl = (config: Config, server: Server | undefined): string | undefined => {
  const address = config.slack.appToken ? undefined : (server?.address() as AddressInfo | null);
  return address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : undefined;
};

/**
 * The composition root, in order and with nothing bound late: configuration → database → Slack
 * identity → repositories and notifier (the use cases' dependencies) → HTTP routes → Bolt app with
 * its listeners → scheduler → listening. main.ts only reads the environment, installs the signal
 * handlers and calls this.
 */
export const startBot = async (options: BotOptions): Promise<RunningBot> => {
  const { config, logger, clock = systemClock, newId = randomUUID, tickEveryMs = 2_000, extraRoutes = [], env = process.env } = options;
  const configStore = createConfigStore(() => withEnvironment(loadIncidentConfig(config.configPath, { required: config.configRequired }), config), logger);
  checkAlertSecrets(configStore.current(), env);
  const database = openDatabase(config.databasePath);
  try {
    const identity = await identifyBot(config, logger, options.startedMessage ?? 'connected to Slack');
    const jobRepository = createJobRepository(database.db, newId);
    const { jobs, onScheduled } = announcingJobs(jobRepository);
    // Its own client, without retries: the next read (its timer, or the next check) is the retry.
    const userGroups = createUserGroupCache({
      client: new WebClient(config.slack.botToken, { ...slackClientOptions(config), retryConfig: { retries: 0 }, logger: toSlackLogger(logger) }),
      logger,
      groups: () => namedGroups(configStore.current().permissions),
    });
    const deps = buildDeps({ config, database, configStore, identity, jobs, clock, newId, logger, env, userGroups });
    const folding = startAlertFolding(deps, logger);
    const routes = [...extraRoutes, ...buildRoutes(deps, { config, database, configStore, env, logger, folding })];
    const app = createSlackApp(config, { logger, routes, identity: { botId: identity.botId, botUserId: identity.botUserId } });
    const inFlight = countInFlight(app);
    attachListeners(app, { deps, logger });
    const scheduler = createScheduler({ jobs: jobRepository, handlers: jobHandlers(deps), clock, logger, classify: classifySlackFailure, onFailure: reportJobFailure(deps) });
    // Every job written wakes the scheduler once its transaction has committed.
    onScheduled(() => scheduler.kick());

    const url = listeningUrl(config, await app.start({ port: config.http.port, host: config.http.host }));
    scheduleDigest(deps);
    scheduleHousekeeping(deps);
    scheduleSloEvaluation(deps, configStore.current());
    scheduleBackups(deps, configStore.current(), { now: true });
    void userGroups.refresh();
    // A reload may change the digest's cron: the pending digest moves to the new file's next time
    // before that file is put in force, and a schedule that cannot run refuses the reload.
    configStore.onReload((next) => planDigest(deps, next.digest));
    // SLOs added by a reload start being evaluated (the job reads the configuration when it runs);
    // removing them all ends the evaluations.
    configStore.onReload((next) => () => scheduleSloEvaluation(deps, next));
    configStore.onReload((next) => () => scheduleBackups(deps, next, { now: false }));
    // The groups a reload names are read at once, from the new file (not in force yet when this runs).
    configStore.onReload((next) => () => void userGroups.refresh(namedGroups(next.permissions)));
    if (tickEveryMs) await scheduler.start(tickEveryMs);
    logger.info({ url, mode: config.slack.appToken ? 'socket' : 'http', pendingJobs: deps.jobs.countPending() }, 'incident bot started');
    const stop = async () => {
      folding.stop();
      userGroups.stop();
      await scheduler.stop();
      await app.stop();
      database.close();
    };
    return { url, deps, scheduler, idle: settles(scheduler, () => inFlight() > 0 || folding.busy()), config: configStore, stop };
  } catch (error) {
    database.close();
    throw error;
  }
};
