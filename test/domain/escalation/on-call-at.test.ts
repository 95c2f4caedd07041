import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/domain/escalation/schedule.js';
import type { Schedule } from '../../../src/domain/escalation/types.js';
import {
  ALICE,
  at,
  BOB,
  CAROL,
  DAVE,
  layer,
  londonDaily,
  newYorkWeekly,
  officeHours,
  override,
  schedule,
  twoLayers,
  weeknights,
} from './schedule-fixtures.js';

const utcDaily = schedule('UTC', [layer([ALICE, BOB, CAROL], '1d', '2026-01-05T09:00')]);
const newYorkTwelveHours = schedule('America/New_York', [layer([ALICE, BOB], '12h', '2026-03-07T21:00')]);
const withOverrides = schedule(
  'UTC',
  [layer([ALICE], '1w', '2026-01-05T00:00')],
  [override(CAROL, '2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z'), override(DAVE, '2026-01-05T11:00:00Z', '2026-01-05T13:00:00Z')],
);
const nightGap = schedule('America/New_York', [layer([ALICE], '1d', '2026-03-01T00:00', { days: ['sun'], from: '02:30', to: '03:30' })]);

describe('onCallAt', () => {
  it.each<[string, Schedule, string, string[]]>([
    // Weekly handoff Monday 09:00 New York: 14:00Z in winter (EST), 13:00Z once DST starts on 2026-03-08.
    ['NY weekly, first turn', newYorkWeekly, '2026-03-02T14:00:00Z', [ALICE]],
    ['NY weekly, a minute before the first handoff', newYorkWeekly, '2026-03-02T13:59:00Z', [BOB]],
    ['NY weekly, just before the 09:00 EDT handoff', newYorkWeekly, '2026-03-09T12:59:59.999Z', [ALICE]],
    ['NY weekly, 09:00 EDT handoff is 13:00Z', newYorkWeekly, '2026-03-09T13:00:00Z', [BOB]],
    ['NY weekly, 13:30Z after spring DST is already Bob', newYorkWeekly, '2026-03-09T13:30:00Z', [BOB]],
    // 2026-11-02 is turn 35 (Bob); DST ended 2026-11-01, so 09:00 EST is 14:00Z again.
    ['NY weekly, 13:59Z on 2026-11-02 is still turn 34', newYorkWeekly, '2026-11-02T13:59:00Z', [ALICE]],
    ['NY weekly, 09:00 EST handoff is 14:00Z', newYorkWeekly, '2026-11-02T14:00:00Z', [BOB]],
    ['NY weekly, the handoff before fall DST is 13:00Z', newYorkWeekly, '2026-10-26T13:00:00Z', [ALICE]],
    ['NY weekly, before that handoff', newYorkWeekly, '2026-10-26T12:59:00Z', [BOB]],
    // Daily 09:00 London: 09:00Z in GMT, 08:00Z in BST (from 2026-03-29 until 2026-10-25).
    ['London daily, first turn', londonDaily, '2026-03-27T09:00:00Z', [ALICE]],
    ['London daily, second turn', londonDaily, '2026-03-28T09:00:00Z', [BOB]],
    ['London daily, just before the BST handoff', londonDaily, '2026-03-29T07:59:59Z', [BOB]],
    ['London daily, 09:00 BST is 08:00Z', londonDaily, '2026-03-29T08:00:00Z', [CAROL]],
    ['London daily, 08:00Z on the day after', londonDaily, '2026-03-30T08:00:00Z', [ALICE]],
    ['London daily, 08:30Z on 2026-10-25 (GMT again) is still the previous turn', londonDaily, '2026-10-25T08:30:00Z', [BOB]],
    ['London daily, 09:00 GMT on 2026-10-25', londonDaily, '2026-10-25T09:00:00Z', [CAROL]],
    ['London daily, 2026-10-24 handoff was 08:00Z (BST)', londonDaily, '2026-10-24T08:00:00Z', [BOB]],
    // Daily in UTC, including turns before the handoff (k negative).
    ['UTC daily, turn 0', utcDaily, '2026-01-05T09:00:00Z', [ALICE]],
    ['UTC daily, turn 1', utcDaily, '2026-01-06T12:00:00Z', [BOB]],
    ['UTC daily, turn 2', utcDaily, '2026-01-07T09:00:00Z', [CAROL]],
    ['UTC daily, turn 3 wraps around', utcDaily, '2026-01-08T09:00:00Z', [ALICE]],
    ['UTC daily, turn -1 just before the handoff', utcDaily, '2026-01-05T08:59:59Z', [CAROL]],
    ['UTC daily, turn -2', utcDaily, '2026-01-03T09:00:00Z', [BOB]],
    ['UTC daily, turn -3', utcDaily, '2026-01-03T08:59:00Z', [ALICE]],
    ['UTC daily, turn -30', utcDaily, '2025-12-06T09:00:00Z', [ALICE]],
    // 12h turns are absolute: 21:00 EST = 02:00Z, then every 12 hours regardless of DST.
    ['12h, turn 0', newYorkTwelveHours, '2026-03-08T02:00:00Z', [ALICE]],
    ['12h, end of turn 0', newYorkTwelveHours, '2026-03-08T13:59:59Z', [ALICE]],
    ['12h, turn 1 at 14:00Z (10:00 EDT, not 09:00)', newYorkTwelveHours, '2026-03-08T14:00:00Z', [BOB]],
    ['12h, turn 2', newYorkTwelveHours, '2026-03-09T02:00:00Z', [ALICE]],
    ['12h, turn -1', newYorkTwelveHours, '2026-03-08T01:59:00Z', [BOB]],
    // Weekdays 09:00–17:00 UTC; 2026-01-05 is a Monday.
    ['office hours, Monday 09:00', officeHours, '2026-01-05T09:00:00Z', [ALICE]],
    ['office hours, Monday 08:59', officeHours, '2026-01-05T08:59:59Z', []],
    ['office hours, Monday 16:59:59', officeHours, '2026-01-05T16:59:59Z', [ALICE]],
    ['office hours, Monday 17:00 is excluded', officeHours, '2026-01-05T17:00:00Z', []],
    ['office hours, Friday noon', officeHours, '2026-01-09T12:00:00Z', [ALICE]],
    ['office hours, Saturday noon', officeHours, '2026-01-10T12:00:00Z', []],
    // Weeknights 17:00–09:00: Friday night runs into Saturday morning, Sunday night is off.
    ['weeknights, Friday 17:00', weeknights, '2026-01-09T17:00:00Z', [ALICE]],
    ['weeknights, Saturday 08:59 (Friday night)', weeknights, '2026-01-10T08:59:00Z', [ALICE]],
    ['weeknights, Saturday 09:00', weeknights, '2026-01-10T09:00:00Z', []],
    ['weeknights, Saturday 20:00', weeknights, '2026-01-10T20:00:00Z', []],
    ['weeknights, Monday 08:00 (Sunday night)', weeknights, '2026-01-12T08:00:00Z', []],
    ['weeknights, Monday noon', weeknights, '2026-01-12T12:00:00Z', []],
    ['weeknights, Monday 17:00', weeknights, '2026-01-12T17:00:00Z', [ALICE]],
    ['weeknights, Tuesday 03:00 (Monday night)', weeknights, '2026-01-13T03:00:00Z', [ALICE]],
    // The first layer with someone on call decides.
    ['two layers, office hours go to the first layer', twoLayers, '2026-01-05T10:00:00Z', [ALICE]],
    ['two layers, evenings fall through to the second', twoLayers, '2026-01-05T18:00:00Z', [BOB]],
    ['two layers, weekends fall through to the second', twoLayers, '2026-01-10T10:00:00Z', [BOB]],
    // Overrides beat every layer; overlapping overrides are all on call, in listed order.
    ['override start is inclusive', withOverrides, '2026-01-05T10:00:00Z', [CAROL]],
    ['overlapping overrides', withOverrides, '2026-01-05T11:30:00Z', [CAROL, DAVE]],
    ['override end is exclusive', withOverrides, '2026-01-05T12:00:00Z', [DAVE]],
    ['after the overrides, the layer again', withOverrides, '2026-01-05T13:00:00Z', [ALICE]],
    ['before the overrides, the layer', withOverrides, '2026-01-05T09:59:59Z', [ALICE]],
    // 02:30 does not exist on 2026-03-08 in New York: the clock jumps from 02:00 EST to 03:00 EDT.
    ['window opening in the DST gap, just before the jump', nightGap, '2026-03-08T06:59:59Z', []],
    ['window opening in the DST gap, right after the jump (03:00 EDT)', nightGap, '2026-03-08T07:00:00Z', [ALICE]],
    ['window opening in the DST gap, 03:30 EDT', nightGap, '2026-03-08T07:30:00Z', []],
    // Nobody.
    ['no layers and no overrides', schedule('UTC', []), '2026-01-05T10:00:00Z', []],
    ['only an override that is over', schedule('UTC', [], [override(CAROL, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')]), '2026-01-05T10:00:00Z', []],
  ])('%s', (_name, subject, instant, expected) => {
    expect(onCallAt(subject, at(instant))).toEqual(expected);
  });
});
