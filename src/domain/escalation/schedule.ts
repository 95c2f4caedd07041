import { mergeAscending, onCallInRotation, prepareRotation, rotationBoundaries, type Rotation } from './rotation.js';
import type { Schedule } from './types.js';
import { localZone } from './wall-clock.js';

const DAY = 24 * 60 * 60 * 1_000;
export const defaultHorizonMs = 60 * DAY;

export interface OnCallChange {
  at: number;
  users: string[];
}

export interface Shift {
  scheduleId: string;
  start: number;
  /** null when the shift does not end within the horizon */
  end: number | null;
}

interface PreparedSchedule {
  schedule: Schedule;
  rotations: Rotation[];
}

const prepare = (schedule: Schedule): PreparedSchedule => {
  const local = localZone(schedule.timezone);
  return { schedule, rotations: schedule.layers.map((layer) => prepareRotation(layer, local)) };
};

const whoIsOnCall = ({ schedule, rotations }: PreparedSchedule, at: number): string[] => {
  const overriding = schedule.overrides.filter((override) => override.from <= at && at < override.to);
  if (overriding.length > 0) return [...new Set(overriding.map((override) => override.user))];
  for (const rotation of rotations) {
    const user = onCallInRotation(rotation, at);
    if (user !== undefined) return [user];
  }
  return [];
};

const sameUsers = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((user, index) => user === b[index]);

/**
 * Every change of who is on call in (from, until], in order. Only instants where some part of the
 * schedule can change are evaluated: override edges, turn starts, restriction window edges.
 */
function* changesBetween(prepared: PreparedSchedule, from: number, until: number): Generator<OnCallChange> {
  const overrideEdges = prepared.schedule.overrides.flatMap((override) => [override.from, override.to]).sort((a, b) => a - b);
  const candidates = mergeAscending(
    [overrideEdges.values(), ...prepared.rotations.map((rotation) => rotationBoundaries(rotation, from))],
    from,
  );
  let current = whoIsOnCall(prepared, from);
  for (const at of candidates) {
    if (at > until) return;
    const users = whoIsOnCall(prepared, at);
    if (!sameUsers(users, current)) {
      yield { at, users };
      current = users;
    }
  }
}

/**
 * Who is on call at `at`: everyone with an active override (in listed order); otherwise the person
 * on call in the first layer that has someone; otherwise nobody.
 */
export const onCallAt = (schedule: Schedule, at: number): string[] => whoIsOnCall(prepare(schedule), at);

/** The first instant after `from` at which `onCallAt` changes, and who is on call from then on. */
export const nextChange = (schedule: Schedule, from: number, horizonMs = defaultHorizonMs): OnCallChange | undefined => {
  const changes = changesBetween(prepare(schedule), from, from + horizonMs);
  const first = changes.next();
  return first.done ? undefined : first.value;
};

const shiftIn = (schedule: Schedule, userId: string, from: number, horizonMs: number): Shift | undefined => {
  const prepared = prepare(schedule);
  let start: number | undefined = whoIsOnCall(prepared, from).includes(userId) ? from : undefined;
  if (start === undefined) {
    for (const change of changesBetween(prepared, from, from + horizonMs)) {
      if (change.users.includes(userId)) {
        start = change.at;
        break;
      }
    }
  }
  if (start === undefined) return undefined;
  for (const change of changesBetween(prepared, start, start + horizonMs)) {
    if (!change.users.includes(userId)) return { scheduleId: schedule.id, start, end: change.at };
  }
  return { scheduleId: schedule.id, start, end: null };
};

/**
 * When this person is next on call across the schedules (start = from when on call now) and until
 * when. The earliest start wins; on a tie, the schedule listed first.
 */
export const nextShiftFor = (
  schedules: Schedule[],
  userId: string,
  from: number,
  horizonMs = defaultHorizonMs,
): Shift | undefined => {
  let earliest: Shift | undefined;
  for (const schedule of schedules) {
    const shift = shiftIn(schedule, userId, from, horizonMs);
    if (shift && (!earliest || shift.start < earliest.start)) earliest = shift;
  }
  return earliest;
};
