import { DateTime } from 'luxon';

/**
 * Times people type in commands and forms, read in the configured time zone. Undefined when the text
 * cannot be read, so the use case can name it back.
 */

/** `09:12` (today, or yesterday when that is still ahead), `2026-11-26T09:12`, or nothing (now). */
export const milestoneTime = (text: string | undefined, zone: string, now: number): number | undefined => {
  const value = text?.trim();
  if (!value) return now;
  const today = DateTime.fromMillis(now, { zone });
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    if (hour > 23 || minute > 59) return undefined;
    const at = today.set({ hour, minute, second: 0, millisecond: 0 });
    return (at.toMillis() > now ? at.minus({ days: 1 }) : at).toMillis();
  }
  const parsed = DateTime.fromISO(value, { zone });
  return parsed.isValid ? parsed.toMillis() : undefined;
};

/** A follow-up due on `YYYY-MM-DD` falls due at 17:00 there: the end of that working day. */
export const dueAtEndOfDay = (date: string, zone: string): number | undefined => {
  const parsed = DateTime.fromISO(date, { zone });
  return parsed.isValid ? parsed.set({ hour: 17, minute: 0, second: 0, millisecond: 0 }).toMillis() : undefined;
};
