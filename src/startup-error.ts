import { ConfigError } from './config/env.js';
import { slackErrorCode } from './slack/slack-error.js';
import { DatabaseOpenError } from './storage/database.js';

/** The environment variables that set what start-up could not use (they differ in the local sandbox). */
export interface StartupVariables {
  databasePath: 'DATABASE_PATH' | 'SANDBOX_DATABASE_PATH';
}

const listenProblems: Record<string, string> = {
  EADDRINUSE: 'is already in use',
  EACCES: 'needs privileges this process does not have',
};

const refusedTokens = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * One line naming the variable or file behind a start-up failure that the person starting the bot
 * can fix, or undefined for a failure of the bot itself (then logged whole).
 */
export const explainStartupError = (error: unknown, variables: StartupVariables): string | undefined => {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof DatabaseOpenError) return `${variables.databasePath}: ${error.message}`;
  const code = typeof error === 'object' && error !== null ? (error as NodeJS.ErrnoException) : undefined;
  if (code?.syscall === 'listen' && code.code) {
    const { address, port } = error as { address?: string; port?: number };
    if (code.code === 'EADDRNOTAVAIL') return `HOST: ${address ?? 'the address'} is not an address of this machine (EADDRNOTAVAIL)`;
    const problem = listenProblems[code.code] ?? 'cannot be listened on';
    return `PORT: ${port ?? 'the port'}${address ? ` on ${address}` : ''} ${problem} (${code.code})`;
  }
  const slack = slackErrorCode(error);
  if (slack && refusedTokens.has(slack)) return `SLACK_BOT_TOKEN: Slack refused it (${slack})`;
  return undefined;
};
