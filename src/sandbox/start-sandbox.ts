import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports.js';
import { startBot, type RunningBot } from '../bot.js';
import { loadConfig } from '../config/env.js';
import { sandboxRoutes } from './sandbox-routes.js';
import { seedWorkspace } from './seed-workspace.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';

export const sandboxConfigPath = fileURLToPath(new URL('./sandbox-config.yml', import.meta.url));

export interface RunningSandbox {
  /** http://localhost:<port>/sandbox */
  url: string;
  bot: RunningBot;
  slack: FakeSlack;
  stop(): Promise<void>;
}

/**
 * No Slack credentials: the same bot runs against the built-in Slack emulator on loopback. The
 * emulator speaks the real Web API protocol to the bot's WebClient and delivers Slack-signed
 * requests to its receiver; people use it in the browser at /sandbox. Everything listens on 127.0.0.1.
 */
export const startSandbox = async (options: { env: NodeJS.ProcessEnv; logger: Logger; clock?: Clock; tickEveryMs?: number | null }): Promise<RunningSandbox> => {
  const slack = await startFakeSlack();
  seedWorkspace(slack);
  const signingSecret = randomBytes(24).toString('hex');
  const config = loadConfig({
    ...options.env,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: slack.apiUrl,
    HOST: '127.0.0.1',
    // The emulated workspace lives in memory, so the bot's state does too unless asked otherwise.
    DATABASE_PATH: options.env.SANDBOX_DATABASE_PATH || ':memory:',
    // The sandbox's own configuration: its ids match the seeded people and channels.
    CONFIG_PATH: options.env.SANDBOX_CONFIG_PATH || sandboxConfigPath,
  });
  try {
    const bot = await startBot({
      config,
      logger: options.logger,
      startedMessage: 'running the local sandbox (the built-in Slack emulator)',
      extraRoutes: sandboxRoutes(slack, { onError: (error) => options.logger.error({ err: error, module: 'sandbox' }, 'sandbox request failed') }),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.tickEveryMs !== undefined ? { tickEveryMs: options.tickEveryMs } : {}),
    });
    slack.configureApp({ requestUrl: `${bot.url}/slack/events`, signingSecret });
    const port = new URL(bot.url!).port;
    return {
      url: `http://localhost:${port}/sandbox`,
      bot,
      slack,
      stop: async () => {
        await bot.stop();
        await slack.close();
      },
    };
  } catch (error) {
    await slack.close();
    throw error;
  }
};
