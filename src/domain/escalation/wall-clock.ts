import { IANAZone } from 'luxon';
import { weekdays, type Weekday } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** No time zone changes its offset twice within this long, so one probe at each end of a chunk suffices. */
const CHUNK = 12 * HOUR;
/** UTC offsets lie within -12h … +14h, so a local wall time is never further than this from UTC. */
const MAX_OFFSET = 15 * HOUR;

interface Chunk {
  before: number;
  after: number;
  /** first instant with the `after` offset; past the chunk when the offset does not change */
  changesAt: number;
}

/**
 * A time zone that answers "what is the UTC offset at this instant" from a memo of 12-hour chunks:
 * asking Intl (which luxon does) costs microseconds per call, and rotations ask thousands of times.
 */
export interface LocalZone {
  zone: IANAZone;
  /** minutes east of UTC at `at` */
  offsetAt(at: number): number;
  /** instants in [from, until) at which the offset changes, ascending */
  changesBetween(from: number, until: number): number[];
}

const zones = new Map<string, LocalZone>();
/** Time zone rules do not change while the process runs, so the memo is shared (and capped). */
const MAX_CHUNKS = 20_000;

export const localZone = (timezone: string): LocalZone => {
  let local = zones.get(timezone);
  if (!local) {
    local = createLocalZone(timezone);
    zones.set(timezone, local);
  }
  return local;
};

const createLocalZone = (timezone: string): LocalZone => {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new Error(`unknown time zone "${timezone}"`);
  const chunks = new Map<number, Chunk>();
  const chunkAt = (index: number): Chunk => {
    let chunk = chunks.get(index);
    if (!chunk) {
      const start = index * CHUNK;
      const end = start + CHUNK - 1;
      const before = zone.offset(start);
      const after = zone.offset(end);
      let changesAt = end + 1;
      if (before !== after) {
        let low = start;
        changesAt = end;
        while (changesAt - low > 1) {
          const middle = Math.floor((low + changesAt) / 2);
          if (zone.offset(middle) === before) low = middle;
          else changesAt = middle;
        }
      }
      chunk = { before, after, changesAt };
      if (chunks.size >= MAX_CHUNKS) chunks.clear();
      chunks.set(index, chunk);
    }
    return chunk;
  };
  return {
    zone,
    offsetAt: (at) => {
      const chunk = chunkAt(Math.floor(at / CHUNK));
      return at < chunk.changesAt ? chunk.before : chunk.after;
    },
    changesBetween: (from, until) => {
      const changes: number[] = [];
      for (let index = Math.floor(from / CHUNK); index * CHUNK < until; index += 1) {
        const chunk = chunkAt(index);
        if (chunk.before !== chunk.after && chunk.changesAt >= from && chunk.changesAt < until) changes.push(chunk.changesAt);
      }
      return changes;
    },
  };
};

/** What a clock on the wall shows at instant `at`. */
export interface WallTime {
  weekday: Weekday;
  /** 0 … 1439 */
  minuteOfDay: number;
}

export const wallTimeAt = (local: LocalZone, at: number): WallTime => {
  const wall = new Date(at + local.offsetAt(at) * MINUTE);
  return {
    weekday: weekdays[(wall.getUTCDay() + 6) % 7] as Weekday,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
};

/** "HH:MM" → minutes after midnight. */
export const minuteOfDay = (hhmm: string): number => {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

export const previousWeekday = (day: Weekday): Weekday => weekdays[(weekdays.indexOf(day) + 6) % 7] as Weekday;

/**
 * Instants after `from`, ascending, at which the local clock shows one of `times` (minutes after
 * midnight), day after day, plus the instants where the clock jumps (DST), since a jump can skip
 * over a time (no instant shows it) or repeat it (two instants do).
 */
export function* wallClockEdges(local: LocalZone, times: number[], from: number): Generator<number> {
  const wallNow = new Date(from + local.offsetAt(from) * MINUTE);
  // Local midnight of the day before `from`, written as if it were UTC.
  let midnight = Date.UTC(wallNow.getUTCFullYear(), wallNow.getUTCMonth(), wallNow.getUTCDate()) - DAY;
  let pending: number[] = [];
  for (;;) {
    const edges = new Set<number>(local.changesBetween(midnight - MAX_OFFSET, midnight + DAY - MAX_OFFSET));
    const offsets = new Set([local.offsetAt(midnight - MAX_OFFSET), local.offsetAt(midnight + DAY + MAX_OFFSET)]);
    for (const time of times) {
      for (const offset of offsets) {
        const candidate = midnight + time * MINUTE - offset * MINUTE;
        if (local.offsetAt(candidate) === offset) edges.add(candidate);
      }
    }
    pending = [...pending, ...edges].sort((a, b) => a - b);
    midnight += DAY;
    // Later days only produce instants after this, even when a clock goes back across midnight.
    const settled = midnight - MAX_OFFSET;
    const ready = pending.filter((edge) => edge < settled);
    pending = pending.filter((edge) => edge >= settled);
    yield* ready.filter((edge) => edge > from);
  }
}
