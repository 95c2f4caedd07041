import { describe, expect, it } from 'vitest';
import { nextChange, nextShiftFor, type Shift } from '../../../src/domain/escalation/schedule.js';
import type { Schedule } from '../../../src/domain/escalation/types.js';
import {
  ALICE,
  at,
  BOB,
  CAROL,
  DAVE,
  iso,
  layer,
  londonDaily,
  newYorkWeekly,
  officeHours,
  override,
  schedule,
  twoLayers,
  weekdaysOnly,
  weeknights,
} from './schedule-fixtures.js';

const DAY = 24 * 60 * 60 * 1_000;

const newYorkTwelveHours = schedule('America/New_York', [layer([ALICE, BOB], '12h', '2026-03-07T21:00')]);
const newYorkOfficeHours = schedule('America/New_York', [
  layer([ALICE], '1w', '2026-03-02T00:00', { days: weekdaysOnly, from: '09:00', to: '17:00' }),
]);
const withOverrides = schedule(
  'UTC',
  [layer([ALICE], '1w', '2026-01-05T00:00')],
  [override(CAROL, '2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z'), override(DAVE, '2026-01-05T11:00:00Z', '2026-01-05T13:00:00Z')],
);
const hiddenHandoff = schedule('UTC', [
  layer([ALICE], '1w', '2026-01-05T00:00', { days: weekdaysOnly, from: '09:00', to: '17:00' }),
  layer([BOB, CAROL], '1d', '2026-01-05T12:00'),
]);
const overrideBySameUser = schedule(
  'UTC',
  [layer([ALICE], '1w', '2026-01-05T00:00')],
  [override(ALICE, '2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z'), override(BOB, '2026-01-05T14:00:00Z', '2026-01-05T15:00:00Z')],
);
const nightGap = schedule('America/New_York', [layer([ALICE], '1d', '2026-03-01T00:00', { days: ['sun'], from: '02:30', to: '03:30' })]);
// 01:00–01:30 happens twice in New York on 2026-11-01: at 05:00Z (EDT) and 06:00Z (EST).
const repeatedHour = schedule('America/New_York', [
  layer([ALICE], '1d', '2026-11-01T00:00', { days: ['sun'], from: '01:00', to: '01:30' }),
]);
const allTheTime = schedule('UTC', [layer([ALICE], '1w', '2026-01-05T00:00')]);

const change = (subject: Schedule, from: string, horizonMs?: number): { at: string; users: string[] } | undefined => {
  const next = nextChange(subject, at(from), horizonMs);
  return next && { at: iso(next.at), users: next.users };
};

describe('nextChange', () => {
  it.each<[string, Schedule, string, { at: string; users: string[] } | undefined]>([
    ['weekly handoff after spring DST', newYorkWeekly, '2026-03-05T00:00:00Z', { at: '2026-03-09T13:00:00.000Z', users: [BOB] }],
    ['weekly handoff after fall DST', newYorkWeekly, '2026-10-28T00:00:00Z', { at: '2026-11-02T14:00:00.000Z', users: [BOB] }],
    ['strictly after a handoff instant', newYorkWeekly, '2026-03-09T13:00:00Z', { at: '2026-03-16T13:00:00.000Z', users: [ALICE] }],
    ['daily handoff on the London DST day', londonDaily, '2026-03-28T12:00:00Z', { at: '2026-03-29T08:00:00.000Z', users: [CAROL] }],
    ['12h handoff', newYorkTwelveHours, '2026-03-08T03:00:00Z', { at: '2026-03-08T14:00:00.000Z', users: [BOB] }],
    ['office hours close', officeHours, '2026-01-05T12:00:00Z', { at: '2026-01-05T17:00:00.000Z', users: [] }],
    ['office hours reopen on Monday', officeHours, '2026-01-09T18:00:00Z', { at: '2026-01-12T09:00:00.000Z', users: [ALICE] }],
    ['office hours in New York reopen at 13:00Z after DST', newYorkOfficeHours, '2026-03-06T23:00:00Z', { at: '2026-03-09T13:00:00.000Z', users: [ALICE] }],
    ['Friday night ends on Saturday morning', weeknights, '2026-01-10T08:00:00Z', { at: '2026-01-10T09:00:00.000Z', users: [] }],
    ['no Sunday night: next is Monday evening', weeknights, '2026-01-10T10:00:00Z', { at: '2026-01-12T17:00:00.000Z', users: [ALICE] }],
    ['first layer hands over to the second', twoLayers, '2026-01-05T10:00:00Z', { at: '2026-01-05T17:00:00.000Z', users: [BOB] }],
    ['second layer takes back over on Monday', twoLayers, '2026-01-10T10:00:00Z', { at: '2026-01-12T09:00:00.000Z', users: [ALICE] }],
    ['a handoff hidden behind the first layer is no change', hiddenHandoff, '2026-01-05T10:00:00Z', { at: '2026-01-05T17:00:00.000Z', users: [BOB] }],
    ['override starts', withOverrides, '2026-01-05T09:30:00Z', { at: '2026-01-05T10:00:00.000Z', users: [CAROL] }],
    ['second override joins', withOverrides, '2026-01-05T10:30:00Z', { at: '2026-01-05T11:00:00.000Z', users: [CAROL, DAVE] }],
    ['overrides end', withOverrides, '2026-01-05T12:30:00Z', { at: '2026-01-05T13:00:00.000Z', users: [ALICE] }],
    ['an override by the person already on call is no change', overrideBySameUser, '2026-01-05T09:00:00Z', { at: '2026-01-05T14:00:00.000Z', users: [BOB] }],
    ['window opening inside the DST gap opens at the jump', nightGap, '2026-03-08T06:00:00Z', { at: '2026-03-08T07:00:00.000Z', users: [ALICE] }],
    ['window opening inside the DST gap closes at 03:30 EDT', nightGap, '2026-03-08T07:00:00Z', { at: '2026-03-08T07:30:00.000Z', users: [] }],
    ['repeated hour, first pass closes', repeatedHour, '2026-11-01T05:10:00Z', { at: '2026-11-01T05:30:00.000Z', users: [] }],
    ['repeated hour, opens again when the clock goes back', repeatedHour, '2026-11-01T05:40:00Z', { at: '2026-11-01T06:00:00.000Z', users: [ALICE] }],
    ['repeated hour, second pass closes', repeatedHour, '2026-11-01T06:10:00Z', { at: '2026-11-01T06:30:00.000Z', users: [] }],
    ['nobody changes ever', allTheTime, '2026-01-05T10:00:00Z', undefined],
    ['empty schedule', schedule('UTC', []), '2026-01-05T10:00:00Z', undefined],
  ])('%s', (_name, subject, from, expected) => {
    expect(change(subject, from)).toEqual(expected);
  });

  it.each<[string, number, { at: string; users: string[] } | undefined]>([
    ['handoff beyond the horizon', 4 * DAY, undefined],
    ['handoff exactly at the horizon', at('2026-03-09T13:00:00Z') - at('2026-03-05T00:00:00Z'), { at: '2026-03-09T13:00:00.000Z', users: [BOB] }],
  ])('respects the horizon: %s', (_name, horizonMs, expected) => {
    expect(change(newYorkWeekly, '2026-03-05T00:00:00Z', horizonMs)).toEqual(expected);
  });

  // How fast is a benchmark's question (bench/), not a test's: a wall-clock bound fails on a loaded machine.
  it('finds the next shift across dozens of busy schedules', () => {
    const busy = Array.from({ length: 50 }, (_, index) =>
      schedule('America/New_York', [
        layer([ALICE], '30m', '2026-01-05T00:00', { days: ['sat'], from: '09:00', to: '09:30' }),
        layer([BOB, CAROL], '30m', '2026-01-05T00:00', { days: weekdaysOnly, from: '22:00', to: '06:00' }),
        layer([DAVE], '1w', '2026-01-05T00:00'),
      ], [], `busy-${index}`),
    );
    const shift = nextShiftFor(busy, ALICE, at('2026-01-05T10:00:00Z'));
    // Fifty copies of one schedule: one answer, later than asked.
    const changes = busy.map((subject) => nextChange(subject, at('2026-01-05T10:00:00Z')));
    expect(changes[0]!.at).toBeGreaterThan(at('2026-01-05T10:00:00Z'));
    expect(changes).toEqual(busy.map(() => changes[0]));
    // Saturday 09:00 EST is 14:00Z.
    expect(shift).toEqual({ scheduleId: 'busy-0', start: at('2026-01-10T14:00:00Z'), end: at('2026-01-10T14:30:00Z') });
  });
});

const shiftAsText = (shift: Shift | undefined): { scheduleId: string; start: string; end: string | null } | undefined =>
  shift && { scheduleId: shift.scheduleId, start: iso(shift.start), end: shift.end === null ? null : iso(shift.end) };

const laterCarol = schedule('UTC', [], [override(CAROL, '2026-01-07T00:00:00Z', '2026-01-08T00:00:00Z')], 'later');
const soonerCarol = schedule('UTC', [], [override(CAROL, '2026-01-06T00:00:00Z', '2026-01-06T06:00:00Z')], 'sooner');

describe('nextShiftFor', () => {
  it.each<[string, Schedule[], string, string, number | undefined, ReturnType<typeof shiftAsText>]>([
    ['on call now: starts now, ends at the handoff', [newYorkWeekly], ALICE, '2026-03-03T00:00:00Z', undefined,
      { scheduleId: 'ny-weekly', start: '2026-03-03T00:00:00.000Z', end: '2026-03-09T13:00:00.000Z' }],
    ['on call later: the next turn', [newYorkWeekly], BOB, '2026-03-03T00:00:00Z', undefined,
      { scheduleId: 'ny-weekly', start: '2026-03-09T13:00:00.000Z', end: '2026-03-16T13:00:00.000Z' }],
    ['never on call', [newYorkWeekly, officeHours], DAVE, '2026-03-03T00:00:00Z', undefined, undefined],
    ['not within the horizon', [newYorkWeekly], BOB, '2026-03-03T00:00:00Z', DAY, undefined],
    ['restricted layer: the next window', [officeHours], ALICE, '2026-01-10T12:00:00Z', undefined,
      { scheduleId: 'office-hours', start: '2026-01-12T09:00:00.000Z', end: '2026-01-12T17:00:00.000Z' }],
    ['second layer, on call now until the first layer takes over', [officeHours, twoLayers], BOB, '2026-01-10T12:00:00Z', undefined,
      { scheduleId: 'two-layers', start: '2026-01-10T12:00:00.000Z', end: '2026-01-12T09:00:00.000Z' }],
    ['the earliest shift wins over list order', [laterCarol, soonerCarol], CAROL, '2026-01-05T00:00:00Z', undefined,
      { scheduleId: 'sooner', start: '2026-01-06T00:00:00.000Z', end: '2026-01-06T06:00:00.000Z' }],
    ['on call with no end in sight', [allTheTime], ALICE, '2026-01-05T10:00:00Z', undefined,
      { scheduleId: 'primary', start: '2026-01-05T10:00:00.000Z', end: null }],
  ])('%s', (_name, schedules, user, from, horizonMs, expected) => {
    expect(shiftAsText(nextShiftFor(schedules, user, at(from), horizonMs))).toEqual(expected);
  });
});
