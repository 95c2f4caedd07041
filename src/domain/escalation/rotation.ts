import { DateTime } from 'luxon';
import type { Restriction, ScheduleLayer } from './types.js';
import { minuteOfDay, previousWeekday, wallClockEdges, wallTimeAt, type LocalZone } from './wall-clock.js';

/** A layer with its handoff resolved once, so evaluating many instants stays cheap. */
export interface Rotation {
  layer: ScheduleLayer;
  local: LocalZone;
  handoff: DateTime;
  handoffMs: number;
  /** Calendar-day turn starts already computed; luxon date arithmetic is the slow part. */
  starts: Map<number, number>;
}

export const prepareRotation = (layer: ScheduleLayer, local: LocalZone): Rotation => {
  const handoff = DateTime.fromISO(layer.handoff, { zone: local.zone });
  if (!handoff.isValid) throw new Error(`invalid handoff "${layer.handoff}"`);
  if (layer.rotation.ms <= 0) throw new Error(`rotation must be positive, got "${layer.rotation.text}"`);
  return { layer, local, handoff, handoffMs: handoff.toMillis(), starts: new Map() };
};

/**
 * Start of turn k. Whole-day rotations add local calendar days, so a 09:00 handoff stays at 09:00
 * across DST changes; shorter rotations add absolute time.
 */
export const turnStart = (rotation: Rotation, k: number): number => {
  const days = rotation.layer.rotation.calendarDays;
  if (days === null) return rotation.handoffMs + k * rotation.layer.rotation.ms;
  let start = rotation.starts.get(k);
  if (start === undefined) {
    start = rotation.handoff.plus({ days: k * days }).toMillis();
    rotation.starts.set(k, start);
  }
  return start;
};

/** The turn whose start ≤ at; negative before the handoff. */
export const turnAt = (rotation: Rotation, at: number): number => {
  let k = Math.floor((at - rotation.handoffMs) / rotation.layer.rotation.ms);
  // A DST change can move a calendar-day turn start by an hour either way from the estimate.
  while (turnStart(rotation, k) > at) k -= 1;
  while (turnStart(rotation, k + 1) <= at) k += 1;
  return k;
};

const userOfTurn = (users: string[], k: number): string | undefined => users[((k % users.length) + users.length) % users.length];

export const isWithinRestriction = (restriction: Restriction, local: LocalZone, at: number): boolean => {
  const { weekday, minuteOfDay: now } = wallTimeAt(local, at);
  const from = minuteOfDay(restriction.from);
  const to = minuteOfDay(restriction.to);
  if (from < to) return restriction.days.includes(weekday) && now >= from && now < to;
  // The window spans midnight; it belongs to the day on which it started.
  return (
    (restriction.days.includes(weekday) && now >= from) ||
    (restriction.days.includes(previousWeekday(weekday)) && now < to)
  );
};

export const onCallInRotation = (rotation: Rotation, at: number): string | undefined => {
  const { restrict, users } = rotation.layer;
  if (users.length === 0) return undefined;
  if (restrict && !isWithinRestriction(restrict, rotation.local, at)) return undefined;
  return userOfTurn(users, turnAt(rotation, at));
};

/** Instants after `from`, ascending, at which this layer's answer may change. */
export function* rotationBoundaries(rotation: Rotation, from: number): Generator<number> {
  const { restrict, users } = rotation.layer;
  // With one person the turns all look alike; only the restriction can change anything.
  const turns = users.length > 1 ? turnStarts(rotation, from) : undefined;
  const edges = restrict
    ? wallClockEdges(rotation.local, [minuteOfDay(restrict.from), minuteOfDay(restrict.to)], from)
    : undefined;
  yield* mergeAscending([turns, edges].filter((source) => source !== undefined), from);
}

function* turnStarts(rotation: Rotation, from: number): Generator<number> {
  for (let k = turnAt(rotation, from) + 1; ; k += 1) yield turnStart(rotation, k);
}

/** Merges ascending, endless sources into one ascending stream of distinct values after `after`. */
export function* mergeAscending(sources: Iterator<number>[], after: number): Generator<number> {
  const heads = sources.map((source) => ({ source, value: source.next() }));
  let last = after;
  for (;;) {
    let smallest = Number.POSITIVE_INFINITY;
    for (const head of heads) {
      while (!head.value.done && head.value.value <= last) head.value = head.source.next();
      if (!head.value.done && head.value.value < smallest) smallest = head.value.value;
    }
    if (smallest === Number.POSITIVE_INFINITY) return;
    yield smallest;
    last = smallest;
  }
}
