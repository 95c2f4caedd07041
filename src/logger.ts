import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import { pino, type Logger } from 'pino';

/**
 * JSON logs. Redaction is a second line of defence: no code path logs a token or secret on purpose,
 * and these paths are blanked if one ever reaches a log object.
 */
export const redactedPaths = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  'config.slack',
];

export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { service: 'incident-bot', pid: process.pid } }, destination);

/** Bolt and the WebClient log through pino too, so one stream has everything. */
export const toSlackLogger = (logger: Logger): SlackLogger => {
  const child = logger.child({ module: 'bolt' });
  let level = LogLevel.INFO;
  const message = (parts: unknown[]) => parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts) => child.debug(message(parts)),
    info: (...parts) => child.info(message(parts)),
    warn: (...parts) => child.warn(message(parts)),
    error: (...parts) => child.error(message(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
};
