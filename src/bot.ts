import { randomUUID } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { WebClient } from '@slack/web-api';
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import { systemClock, type Clock, type IdGenerator } from './app/ports.js';
import type { UseCaseDeps } from './app/use-case-deps.js';
import type { Config } from './config/env.js';
import { healthRoute } from './http/health.js';
import { toSlackLogger } from './logger.js';
import { attachListeners, createSlackApp } from './slack/app.js';
import { createNotifier } from './slack/notifier.js';
import { openDatabase } from './storage/database.js';
import { createIdempotencyRepository } from './storage/idempotency-repository.js';
import { createIncidentRepository } from './storage/incident-repository.js';
import { createTimelineRepository } from './storage/timeline-repository.js';
import { createJobRepository } from './storage/job-repository.js';
import { createEscalationRepository } from './storage/escalation-repository.js';
import { createUpdateRepository } from './storage/update-repository.js';
import { createMaintenanceRepository } from './storage/maintenance-repository.js';
import { planDigest, scheduleDigest } from './app/communication/post-digest.js';
import { scheduleHousekeeping } from './app/housekeeping.js';
import { createStatusPageReader } from './app/communication/read-status-page.js';
import type { StatusPageSnapshot } from './domain/communication/types.js';
import { statusPageRoutes } from './http/status-page/routes.js';
import { postmortemRoute, safeEqual } from './http/postmortem-route.js';
import { createFollowUpRepository } from './storage/follow-up-repository.js';
import { createPostmortemRepository } from './storage/postmortem-repository.js';
import { createSearchRepository } from './storage/search-repository.js';
import { createAlertRepository } from './storage/alert-repository.js';
import { createPeopleDirectory } from './slack/people-directory.js';
import { createStatusPageSource } from './storage/status-page-source.js';
import type { StoredPostmortem } from './app/postmortem/ports.js';

/** Where people reach the bot; used for the status page's own links when status_page.url is unset. */
const publicBaseUrl = (config: Config): string =>
  config.publicUrl ?? `http://${config.http.host && config.http.host !== '0.0.0.0' ? config.http.host : 'localhost'}:${config.http.port}`;
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { jobHandlers } from './scheduler/job-handlers.js';
import { reportJobFailure } from './app/effects/report-failures.js';
import { classifySlackFailure } from './slack/slack-error.js';
import { createConfigStore, type ConfigStore } from './config/config-store.js';
import { loadIncidentConfig } from './config/incident-config-file.js';
import { withEnvironment } from './config/resolve-config.js';
import { checkAlertSecrets, secretReader, type SecretEnv } from './config/alert-secrets.js';
import { alertRoutes, type AlertIntake } from './http/alerts/routes.js';
import { receiveAlertBatches } from './app/alerts/receive-alerts.js';
import { groupCommit } from './app/alerts/group-commit.js';
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
  /** Resolves once no listener is still working and no job is due or running (retries waiting on a later time aside). */
  idle(): Promise<void>;
  config: ConfigStore;
  stop(): Promise<void>;
}

/**
 * The composition root: config → database → repositories → Slack identity → notifier → use-case
 * dependencies → Bolt app with its HTTP routes → listening.
 */
export const startBot = async ({
  config,
  logger,
  clock = systemClock,
  newId = randomUUID,
  tickEveryMs = 2_000,
  extraRoutes = [],
  env = process.env,
  startedMessage = 'connected to Slack',
}: BotOptions): Promise<RunningBot> => {
  const configStore = createConfigStore(() => withEnvironment(loadIncidentConfig(config.configPath, { required: config.configRequired }), config), logger);
  checkAlertSecrets(configStore.current(), env);
  const database = openDatabase(config.databasePath);
  try {
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

    // The status page reads the use-case dependencies, which need the Slack app's client: bind late.
    let findPostmortem: (incidentId: string) => StoredPostmortem | undefined = () => undefined;
    let readSnapshot: () => StatusPageSnapshot = () => {
      throw new Error('status page read before start-up finished');
    };
    const secrets = secretReader(configStore.current, env);
    let receive: AlertIntake['receive'] = () => {
      throw new Error('alerts received before start-up finished');
    };
    const app = createSlackApp(config, {
      logger,
      routes: [
        ...extraRoutes,
        healthRoute(database.ping),
        postmortemRoute((incidentId, token) => {
          const stored = findPostmortem(incidentId);
          return stored && safeEqual(stored.token, token) ? stored.markdown : undefined;
        }),
        ...alertRoutes({
          secrets,
          now: () => clock.now(),
          serviceLabel: () => configStore.current().alerts.serviceLabel,
          receive: (sourceId, alerts) => receive(sourceId, alerts),
          onError: (error) => logger.error({ err: error, module: 'alerts' }, 'alert intake failed'),
        }),
        ...maintenanceRoutes({
          token: () => secrets.apiToken(),
          put: (input) => putApiMaintenance(deps, input),
          cancel: (id) => cancelApiMaintenance(deps, id),
          onError: (error) => logger.error({ err: error, module: 'maintenance-api' }, 'maintenance API failed'),
        }),
        ...statusPageRoutes(() => readSnapshot(), {
          now: () => clock.now(),
          onError: (error) => logger.error({ err: error, module: 'status-page' }, 'status page failed'),
        }),
      ],
      identity: { botId: identity.bot_id, botUserId: identity.user_id },
    });
    // Every job written wakes the scheduler once its transaction has committed.
    let wake = () => {};
    const jobRepository = createJobRepository(database.db, newId);
    const jobs: typeof jobRepository = {
      ...jobRepository,
      schedule: (job, now) => {
        const stored = jobRepository.schedule(job, now);
        wake();
        return stored;
      },
    };
    const deps: UseCaseDeps = {
      atomically: database.atomically,
      incidents: createIncidentRepository(database.db, newId),
      timeline: createTimelineRepository(database.db, newId),
      idempotency: createIdempotencyRepository(database.db),
      notifier: createNotifier({ client: app.client, workspaceUrl: identity.url, botUserId: identity.user_id, clock, logger, config: configStore.current }),
      clock,
      settings: { channelNameTemplate: config.channelNameTemplate },
      log: logger.child({ module: 'incidents' }),
      jobs,
      escalations: createEscalationRepository(database.db, newId),
      config: configStore.current,
      updates: createUpdateRepository(database.db, newId),
      maintenances: createMaintenanceRepository(database.db, newId),
      followUps: createFollowUpRepository(database.db, newId),
      postmortems: createPostmortemRepository(database.db),
      search: createSearchRepository(database.db),
      people: createPeopleDirectory({ client: app.client, clock, logger }),
      publicUrl: () => publicBaseUrl(config),
      alerts: createAlertRepository(database.db, newId),
    };
    findPostmortem = (incidentId) => deps.postmortems.find(incidentId);
    readSnapshot = createStatusPageReader(
      { source: createStatusPageSource(database.db), clock, config: configStore.current },
      { fallbackUrl: `${publicBaseUrl(config)}/status` },
    );
    const storeTogether = groupCommit((batches) => receiveAlertBatches(deps, batches));
    receive = (sourceId, alerts) => storeTogether({ sourceId, alerts });
    // Listener work still running after its ack(), for `idle()`.
    let inFlight = 0;
    app.use(async ({ next }) => {
      inFlight += 1;
      try {
        await next();
      } finally {
        inFlight -= 1;
      }
    });
    attachListeners(app, { deps, logger });
    const scheduler = createScheduler({
      jobs: jobRepository,
      handlers: jobHandlers(deps),
      clock,
      logger,
      classify: classifySlackFailure,
      onFailure: reportJobFailure(deps),
    });
    wake = () => scheduler.kick();

    const server = (await app.start({ port: config.http.port, host: config.http.host })) as Server | undefined;
    const address = config.slack.appToken ? undefined : (server?.address() as AddressInfo | null);
    const url = address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : undefined;
    scheduleDigest(deps);
    scheduleHousekeeping(deps);
    // A reload may change the digest's cron: the pending digest moves to the new file's next time
    // before that file is put in force, and a schedule that cannot run refuses the reload.
    configStore.onReload((next) => planDigest(deps, next.digest));
    if (tickEveryMs) await scheduler.start(tickEveryMs);
    logger.info({ url, mode: config.slack.appToken ? 'socket' : 'http', pendingJobs: deps.jobs.countPending() }, 'incident bot started');

    const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 1));
    const idle = async () => {
      for (let round = 0; round < 10_000; round += 1) {
        await nextTurn();
        if (inFlight > 0) continue;
        const { ran, failed } = await scheduler.tick();
        if (ran === 0 && failed === 0 && inFlight === 0) return;
      }
      throw new Error('the bot did not settle');
    };

    return {
      url,
      deps,
      scheduler,
      idle,
      config: configStore,
      stop: async () => {
        await scheduler.stop();
        await app.stop();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
};
