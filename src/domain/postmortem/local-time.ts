import { DateTime, IANAZone } from 'luxon';
import { localZone } from '../escalation/wall-clock.js';

/**
 * Wall-clock formatting in one IANA zone, in English so the draft is byte-identical wherever it is
 * generated. An unknown zone falls back to UTC rather than printing "Invalid DateTime".
 */
export interface LocalTime {
  zone: string;
  /** "09:05" */
  time(at: number): string;
  /** "2024-03-31" */
  date(at: number): string;
  /** "2024-03-31 09:05" */
  dateTime(at: number): string;
  /** "Sunday 31 March 2024" */
  longDate(at: number): string;
  /** "GMT", "BST", "EDT"; a numeric offset ("GMT+5:30") where the zone has no abbreviation */
  abbreviation(at: number): string;
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A postmortem formats thousands of instants; a luxon DateTime each costs a call into Intl. The
 * offset comes from the memo the escalation code keeps per zone, and the rest is arithmetic.
 */
export const localTime = (timezone: string): LocalTime => {
  const zone = IANAZone.isValidZone(timezone) ? timezone : 'UTC';
  const offsets = localZone(zone);
  const wall = (at: number) => new Date(at + offsets.offsetAt(at) * 60_000);
  const date = (at: number) => {
    const d = wall(at);
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  };
  const time = (at: number) => {
    const d = wall(at);
    return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  };
  const abbreviations = new Map<number, string>();
  return {
    zone,
    time,
    date,
    dateTime: (at) => `${date(at)} ${time(at)}`,
    longDate: (at) => {
      const d = wall(at);
      return `${weekdayNames[d.getUTCDay()]} ${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    },
    abbreviation: (at) => {
      const offset = offsets.offsetAt(at);
      let name = abbreviations.get(offset);
      if (name === undefined) {
        const instant = DateTime.fromMillis(at, { zone, locale: 'en-US' });
        name = instant.toFormat('ZZZZ');
        // en-US only names American zones; British English knows the European ones (BST, CEST).
        if (/^GMT[+-]/.test(name)) name = instant.setLocale('en-GB').toFormat('ZZZZ');
        abbreviations.set(offset, name);
      }
      return name;
    },
  };
};
