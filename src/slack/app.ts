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
import { guardSlackRequests } from './request-guard.js';
import { acknowledgeUnhandled } from './listeners/acknowledge-unhandled.js';
import { actionIds } from './ids.js';
import { exactRoutes } from './exact-routes.js';

export interface SlackAppOptions {
  logger: Logger;
  routes: CustomRoute[];
  /** From auth.test at start-up, so Bolt needs no second call and can ignore the bot's own events. */
  identity: { botId: string; botUserId: string };
}

const slackEndpoints = ['/slack/events'];

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
  const signingSecret = config.slack.signingSecret ?? '';
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: slackEndpoints,
    customRoutes: options.routes,
    logger,
    // Listeners call ack() before their work, so Slack hears back within its 3 seconds.
    processBeforeResponse: false,
  });
  receiver.requestListener = exactRoutes(options.routes)(guardSlackRequests({ signingSecret, endpoints: slackEndpoints, logger: options.logger })(receiver.requestListener));
  return receiver;
};

/** How the bot's Web API clients call Slack: the listeners' (Bolt's) and the jobs' (the notifier's). */
export const slackClientOptions = (config: Config) => ({
  ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
  // A call that never answers is abandoned after 10 s; jobs retry with their own backoff, and a
  // rate limit comes back at once with Retry-After so that pages can go first.
  timeout: config.slack.timeoutMs ?? 10_000,
  retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 },
  rejectRateLimitedCalls: true,
});

/** The Bolt app with its receiver; listeners are attached later by `attachListeners`. */
export const createSlackApp = (config: Config, options: SlackAppOptions): App =>
  new App({
    token: config.slack.botToken,
    receiver: createReceiver(config, options),
    logger: toSlackLogger(options.logger),
    clientOptions: slackClientOptions(config),
    botId: options.identity.botId,
    botUserId: options.identity.botUserId,
    // The token was checked once at start-up (auth.test), which also gave the identity above.
    tokenVerificationEnabled: false,
  });

/**
 * What makes a delivery unique: Slack resends an event it did not see acknowledged in time
 * (X-Slack-Retry-Num) with the same event id, and a slash command carries a trigger_id that is never
 * issued twice, so a replayed command is recognised by it. View submissions are claimed by view id in
 * their listener, where a repeat still needs an answer for the modal.
 */
const deliveryKey = (body: unknown): { key: string; kind: 'event' | 'command' } | undefined => {
  const { event_id: eventId, command, trigger_id: triggerId } = body as { event_id?: unknown; command?: unknown; trigger_id?: unknown };
  if (typeof eventId === 'string') return { key: `event:${eventId}`, kind: 'event' };
  if (typeof command === 'string' && typeof triggerId === 'string') return { key: `command:${triggerId}`, kind: 'command' };
  return undefined;
};

/** Claims each event and each slash command before any listener runs, so a repeat takes effect once. */
const oncePerDelivery = (idempotency: IdempotencyRepository, now: () => number, logger: Logger) =>
  async ({ body, ack, next }: { body: unknown; ack?: () => Promise<void>; next: () => Promise<void> }) => {
    const delivery = deliveryKey(body);
    if (delivery && !idempotency.claim(delivery.key, now())) {
      // Events were acknowledged by Bolt already; a command still needs its answer within 3 seconds.
      if (delivery.kind === 'command') await ack?.();
      logger.info({ module: 'receiver', key: delivery.key }, `ignored a repeated ${delivery.kind}`);
      return;
    }
    await next();
  };

export const attachListeners = (app: App, ctx: ListenerContext): void => {
  app.use(oncePerDelivery(ctx.deps.idempotency, () => ctx.deps.clock.now(), ctx.logger));
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerEvents(app, ctx);
  registerShortcuts(app, ctx);
  acknowledgeUnhandled(app, Object.values(actionIds));
  app.error(async (error) => {
    ctx.logger.error({ err: error, code: error.code }, 'unhandled error in a Slack listener');
  });
};
