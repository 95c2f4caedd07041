import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute, type Receiver } from '@slack/bolt';
import type { IdempotencyRepository } from '../app/ports.js';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { toSlackLogger } from '../logger.js';
import type { ListenerContext } from './listeners/context.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerViews } from './listeners/views/index.js';
import { registerShortcuts } from './listeners/shortcuts/index.js';

export interface SlackAppOptions {
  logger: Logger;
  routes: CustomRoute[];
  /** From auth.test at start-up, so Bolt needs no second call and can ignore the bot's own events. */
  identity: { botId: string; botUserId: string };
}

const createReceiver = (config: Config, options: SlackAppOptions): Receiver => {
  const logger = toSlackLogger(options.logger);
  if (config.slack.appToken) {
    return new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger,
      customRoutes: options.routes,
      installerOptions: { port: config.http.port },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? '',
    endpoints: '/slack/events',
    customRoutes: options.routes,
    logger,
    // Listeners call ack() before their work, so Slack hears back within its 3 seconds.
    processBeforeResponse: false,
  });
};

/** The Bolt app with its receiver; listeners are attached later by `attachListeners`. */
export const createSlackApp = (config: Config, options: SlackAppOptions): App =>
  new App({
    token: config.slack.botToken,
    receiver: createReceiver(config, options),
    logger: toSlackLogger(options.logger),
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      // A call that never answers is abandoned after 10 s; jobs retry with their own backoff, and a
      // rate limit comes back at once with Retry-After so that pages can go first.
      timeout: config.slack.timeoutMs ?? 10_000,
      retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 },
      rejectRateLimitedCalls: true,
    },
    botId: options.identity.botId,
    botUserId: options.identity.botUserId,
    // The token was checked once at start-up (auth.test), which also gave the identity above.
    tokenVerificationEnabled: false,
  });

/**
 * Slack resends an event it did not see acknowledged in time (X-Slack-Retry-Num). The event id is
 * claimed before any listener runs, so a resent event takes effect once.
 */
const oncePerEvent = (idempotency: IdempotencyRepository, now: () => number, logger: Logger) =>
  async ({ body, next }: { body: unknown; next: () => Promise<void> }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !idempotency.claim(`event:${eventId}`, now())) {
      logger.info({ module: 'events', eventId }, 'ignored a repeated event');
      return;
    }
    await next();
  };

export const attachListeners = (app: App, ctx: ListenerContext): void => {
  app.use(oncePerEvent(ctx.deps.idempotency, () => ctx.deps.clock.now(), ctx.logger));
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerEvents(app, ctx);
  registerShortcuts(app, ctx);
  app.error(async (error) => {
    ctx.logger.error({ err: error, code: error.code }, 'unhandled error in a Slack listener');
  });
};
