import type { Duration } from './types.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const units = {
  s: { ms: SECOND, days: null },
  m: { ms: MINUTE, days: null },
  h: { ms: HOUR, days: null },
  d: { ms: DAY, days: 1 },
  w: { ms: 7 * DAY, days: 7 },
} as const;

const durationPattern = /^(\d{1,6})([smhdw])$/;

export const durationHint = 'must be a duration such as 30s, 5m, 1h, 1d or 1w';

/**
 * Parses `30s`, `5m`, `1h`, `1d`, `2w` (a positive whole number and one unit). Days and weeks keep
 * their calendar length so a rotation can add local days; `24h` stays exactly 24 hours.
 */
export const parseDuration = (text: string): Duration | undefined => {
  const match = durationPattern.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = units[match[2] as keyof typeof units];
  if (amount <= 0) return undefined;
  return {
    text: `${amount}${match[2]}`,
    ms: amount * unit.ms,
    calendarDays: unit.days === null ? null : amount * unit.days,
  };
};
