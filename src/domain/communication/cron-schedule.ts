import { CronExpressionParser } from 'cron-parser';

/**
 * The one cron dialect of the bot. The configuration check and the scheduler both go through
 * `nextCronTime`, so an expression the check accepts is one the bot can schedule, and the reverse.
 * cron-parser computes the next time after any given instant in any time zone, which a durable job
 * (a row with a due time, driven by the injected clock) needs; node-cron 4 only reports the next run
 * of a started task against the wall clock.
 */
const fieldCount = 5;

/** The next time `expression` fires strictly after `after` (ms UTC), in `timezone`. Throws when it cannot. */
export const nextCronTime = (expression: string, timezone: string, after: number): number => {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  // cron-parser also reads 6-field (seconds) and shortened expressions; a digest is minute-grained.
  if (fields.length !== fieldCount) throw new Error(`has ${fields.length} field${fields.length === 1 ? '' : 's'}, needs ${fieldCount}`);
  return CronExpressionParser.parse(expression, { currentDate: new Date(after), tz: timezone }).next().getTime();
};

/** Why the expression cannot be scheduled, or undefined when it can. */
export const cronProblem = (expression: string, timezone = 'UTC'): string | undefined => {
  try {
    nextCronTime(expression, timezone, 0);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
