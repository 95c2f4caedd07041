import { DateTime } from 'luxon';

/**
 * Times as the status page writes them, remembered: luxon takes 0.1–0.7 ms to format one instant
 * in a zone, and a rebuild after a change formats the same instants (update times, day headings)
 * as the one before. Each text depends only on the instant, the zone and the format, so it can be
 * kept; the map is emptied when it grows large.
 */
const remembered = new Map<string, string>();
const maxRemembered = 100_000;
const remember = (key: string, make: () => string): string => {
  let text = remembered.get(key);
  if (text === undefined) {
    if (remembered.size >= maxRemembered) remembered.clear();
    text = make();
    remembered.set(key, text);
  }
  return text;
};

/** The instant in the page's zone (UTC when the zone is unknown), with British day-month order. */
export const zoned = (ms: number, timeZone: string): DateTime => {
  const time = DateTime.fromMillis(ms, { zone: timeZone, locale: 'en-GB' });
  return time.isValid ? time : DateTime.fromMillis(ms, { zone: 'utc', locale: 'en-GB' });
};

/** `zoned(ms, timeZone).toFormat(format)`, remembered. */
export const formatZoned = (ms: number, timeZone: string, format: string): string =>
  remember(`${timeZone}|${format}|${ms}`, () => zoned(ms, timeZone).toFormat(format));

/** ISO 8601 with the page's offset and milliseconds, as Statuspage writes them (`2022-02-15T13:14:17.849-08:00`). */
export const isoTime = (ms: number, timeZone: string): string =>
  remember(`${timeZone}|iso|${ms}`, () => {
    const time = DateTime.fromMillis(ms, { zone: timeZone });
    return (time.isValid ? time : DateTime.fromMillis(ms, { zone: 'utc' })).toISO({ includeOffset: true })!;
  });

const dayLists = new Map<string, number[]>();
/** The starts of `days` days in the zone, today's first; one list per day and zone is kept. */
export const dayStartsBack = (now: number, timeZone: string, days: number): number[] => {
  const today = zoned(now, timeZone).startOf('day');
  const key = `${timeZone}|${today.toMillis()}|${days}`;
  let starts = dayLists.get(key);
  if (!starts) {
    if (dayLists.size > 16) dayLists.clear();
    starts = Array.from({ length: days }, (_, offset) => today.minus({ days: offset }).toMillis());
    dayLists.set(key, starts);
  }
  return starts;
};
