import { parseDuration } from '../../../src/domain/escalation/duration.js';
import type { Duration, Restriction, Schedule, ScheduleLayer, ScheduleOverride } from '../../../src/domain/escalation/types.js';

export const ALICE = 'U0ALICE';
export const BOB = 'U0BOB';
export const CAROL = 'U0CAROL';
export const DAVE = 'U0DAVE';

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms;
};
export const iso = (ms: number): string => new Date(ms).toISOString();

export const duration = (text: string): Duration => {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`bad duration in test: ${text}`);
  return parsed;
};

export const layer = (users: string[], rotation: string, handoff: string, restrict?: Restriction): ScheduleLayer => ({
  users,
  rotation: duration(rotation),
  handoff,
  ...(restrict ? { restrict } : {}),
});

export const override = (user: string, from: string, to: string): ScheduleOverride => ({ user, from: at(from), to: at(to) });

export const schedule = (
  timezone: string,
  layers: ScheduleLayer[],
  overrides: ScheduleOverride[] = [],
  id = 'primary',
): Schedule => ({ id, name: id, timezone, layers, overrides });

export const weekdaysOnly: Restriction['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Weekly Alice/Bob from Monday 2026-03-02 09:00 New York time. */
export const newYorkWeekly = schedule('America/New_York', [layer([ALICE, BOB], '1w', '2026-03-02T09:00')], [], 'ny-weekly');

/** Daily Alice/Bob/Carol from Friday 2026-03-27 09:00 London time. */
export const londonDaily = schedule('Europe/London', [layer([ALICE, BOB, CAROL], '1d', '2026-03-27T09:00')], [], 'london-daily');

/** Alice, UTC, weekdays 09:00–17:00 (Monday 2026-01-05 is the handoff). */
export const officeHours = schedule(
  'UTC',
  [layer([ALICE], '1w', '2026-01-05T00:00', { days: weekdaysOnly, from: '09:00', to: '17:00' })],
  [],
  'office-hours',
);

/** Alice, UTC, weeknights 17:00–09:00; a night belongs to the weekday it started on. */
export const weeknights = schedule(
  'UTC',
  [layer([ALICE], '1w', '2026-01-05T00:00', { days: weekdaysOnly, from: '17:00', to: '09:00' })],
  [],
  'weeknights',
);

/** Office hours Alice first, Bob around the clock behind her. */
export const twoLayers = schedule(
  'UTC',
  [
    layer([ALICE], '1w', '2026-01-05T00:00', { days: weekdaysOnly, from: '09:00', to: '17:00' }),
    layer([BOB], '1w', '2026-01-05T00:00'),
  ],
  [],
  'two-layers',
);
