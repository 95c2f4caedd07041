import type { Logger } from 'pino';

/** What a started bot (or sandbox) offers the process. */
export interface Started {
  config: { reload(): unknown };
  stop(): Promise<void>;
}

/** The part of `process` the lifecycle uses, so it can be exercised without a real process. */
export interface ProcessEvents {
  on(event: 'SIGTERM' | 'SIGINT' | 'SIGHUP', listener: () => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

export interface LifecycleOptions {
  events: ProcessEvents;
  logger: Logger;
  exit: (code: number) => void;
  /**
   * How long a stop during start-up waits for it to finish (then stops the bot) before exiting anyway:
   * a start-up held up by an unanswered Slack call must not hold up the stop. Nothing is lost by
   * leaving early: every write is an SQLite transaction and claimed jobs are put back at the next start.
   */
  startUpWaitMs?: number;
  /** How long a stop waits for the running bot to stop (jobs in flight, the HTTP server) before exiting. */
  stopGraceMs?: number;
}

export interface Lifecycle {
  /** Starts; rejects with start-up's error unless a stop was asked for meanwhile (then it never settles). */
  start(begin: () => Promise<Started>): Promise<Started>;
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    promise.then(resolve, () => resolve(undefined)).finally(() => clearTimeout(timer));
  });

/** Whether the bot stopped cleanly within `ms`; a failed stop is logged. */
const stopWithin = async (bot: Started, ms: number, logger: Logger): Promise<boolean> => {
  const stopped = await within(
    bot.stop().then(
      () => true,
      (error: unknown) => {
        logger.error({ err: error }, 'clean stop failed');
        return false;
      },
    ),
    ms,
  );
  return stopped === true;
};

/**
 * Installs the signal and crash handlers first, so that nothing that happens during start-up finds
 * the process without them: SIGTERM/SIGINT stop cleanly at any moment (a second one stops at once) (waiting a bounded time for a
 * start-up in progress, and for the bot to stop), SIGHUP reloads the configuration (once started, if it came during start-up),
 * and stray rejections and exceptions become structured log lines. An unhandled rejection is logged
 * and the process goes on: all state lives in SQLite transactions and the pager must keep paging. An
 * uncaught exception leaves the stack in an unknown state, so the process stops (exit 1) and the
 * durable jobs resume at the next start.
 */
export const createLifecycle = ({ events, logger, exit, startUpWaitMs = 2_000, stopGraceMs = 10_000 }: LifecycleOptions): Lifecycle => {
  let starting: Promise<Started> | undefined;
  let running: Started | undefined;
  let stopping = false;
  let reloadAsked = false;

  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason, duringStartUp: running === undefined }, 'stopping');
    const bot = running ?? (starting ? await within(starting, startUpWaitMs) : undefined);
    if (bot && !(await stopWithin(bot, stopGraceMs, logger))) code = code || 1;
    exit(code);
  };

  // A second SIGTERM/SIGINT while stopping (Ctrl-C pressed again) leaves at once.
  // stop() is not awaited by the event emitter and never rejects: a failed stop is logged and exits non-zero.
  const onStopSignal = (signal: 'SIGTERM' | 'SIGINT') => () => {
    if (!stopping) return void stop(signal, 0);
    logger.warn({ signal }, 'stopping at once: asked again while stopping');
    exit(1);
  };
  events.on('SIGTERM', onStopSignal('SIGTERM'));
  events.on('SIGINT', onStopSignal('SIGINT'));
  events.on('SIGHUP', () => {
    if (stopping) return;
    if (running) running.config.reload();
    else {
      reloadAsked = true;
      logger.info('configuration reload asked during start-up: it runs once started');
    }
  });
  events.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  events.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; stopping');
    void stop('uncaughtException', 1);
  });

  return {
    start: async (begin) => {
      starting = begin();
      let bot: Started;
      try {
        bot = await starting;
      } catch (error) {
        // A stop asked for during start-up has already decided how the process ends.
        if (stopping) return new Promise<never>(() => undefined);
        throw error;
      }
      running = bot;
      if (reloadAsked && !stopping) bot.config.reload();
      return bot;
    },
  };
};
