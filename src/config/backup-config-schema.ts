import { z } from 'zod';
import { durationHint, parseDuration } from '../domain/escalation/duration.js';
import { strict, text } from './schema-parts.js';

// The backups section of the configuration file (snake_case), and what it becomes.

const everyHint = `${durationHint}, at least 1m`;
const every = z.string({ error: everyHint }).transform((value, context) => {
  const parsed = parseDuration(value);
  if (!parsed || parsed.ms < 60_000) context.addIssue({ code: 'custom', message: everyHint, input: value });
  return parsed?.ms ?? z.NEVER;
});
const keepHint = 'must be a whole number from 1 to 1000';

export const backupsSection = {
  backups: strict({ dir: text, every: every.optional(), keep: z.number({ error: keepHint }).int(keepHint).min(1, keepHint).max(1000, keepHint).optional() }).nullish(),
};

export interface BackupsConfig {
  /** The folder the backups go to (relative: to the bot's working folder, as DATABASE_PATH). */
  dir: string;
  everyMs: number;
  /** How many of the newest backups are kept; older ones are deleted after each new one. */
  keep: number;
}

/** Four a day, a week of them: a bad change found days later still has a copy from before it. */
const defaultEveryMs = 6 * 3_600_000;
const defaultKeep = 28;

export const toBackupsConfig = (file: { backups?: { dir: string; every?: number | undefined; keep?: number | undefined } | null | undefined }): { backups: BackupsConfig | null } => ({
  backups: file.backups ? { dir: file.backups.dir, everyMs: file.backups.every ?? defaultEveryMs, keep: file.backups.keep ?? defaultKeep } : null,
});
