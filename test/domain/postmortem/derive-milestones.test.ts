import { describe, expect, it } from 'vitest';
import { deriveMilestones, durations } from '../../../src/domain/postmortem/derive-milestones.js';
import { formatElapsed } from '../../../src/domain/postmortem/format-elapsed.js';
import type { Milestones, PostmortemInput } from '../../../src/domain/postmortem/types.js';
import { at, HOUR, makeInput, milestone, MINUTE, statusChange, T0 } from './postmortem-fixtures.js';

describe('formatElapsed', () => {
  const cases: [number | null, string][] = [
    [null, 'n/a'],
    [0, '0m'],
    [59_999, '0m'],
    [45_000, '0m'],
    [MINUTE, '1m'],
    [47 * MINUTE + 59_000, '47m'],
    [59 * MINUTE, '59m'],
    [HOUR, '1h 00m'],
    [2 * HOUR + 5 * MINUTE, '2h 05m'],
    [23 * HOUR + 59 * MINUTE, '23h 59m'],
    [24 * HOUR, '1d 0h 00m'],
    [27 * HOUR + 10 * MINUTE, '1d 3h 10m'],
    [3 * 24 * HOUR + 2 * HOUR + 5 * MINUTE, '3d 2h 05m'],
    [-5 * MINUTE, '-5m'],
    [-30_000, '0m'],
    [-(HOUR + MINUTE), '-1h 01m'],
    [Number.NaN, 'n/a'],
  ];
  it.each(cases)('%s ms → %s', (ms, expected) => {
    expect(formatElapsed(ms)).toBe(expected);
  });
});

describe('deriveMilestones', () => {
  const cases: { name: string; input: PostmortemInput; expected: Milestones }[] = [
    {
      name: 'nothing recorded: started and detected at declaration, mitigated unknown',
      input: makeInput({ incident: { resolvedAt: null, status: 'identified' } }),
      expected: { started: T0, detected: T0, acknowledged: null, mitigated: null, resolved: null },
    },
    {
      name: 'first move to monitoring is mitigation, even when resolved later',
      input: makeInput({
        timeline: [statusChange(at(30), 'investigating', 'identified'), statusChange(at(45), 'identified', 'monitoring'), statusChange(at(90), 'monitoring', 'resolved')],
      }),
      expected: { started: T0, detected: T0, acknowledged: null, mitigated: at(45), resolved: at(90) },
    },
    {
      name: 'resolved straight from investigating: resolution is mitigation',
      input: makeInput({ timeline: [statusChange(at(90), 'investigating', 'resolved')] }),
      expected: { started: T0, detected: T0, acknowledged: null, mitigated: at(90), resolved: at(90) },
    },
    {
      name: 'a fix that did not hold keeps the first mitigation; entries in any order',
      input: makeInput({
        timeline: [
          statusChange(at(70), 'investigating', 'monitoring'),
          statusChange(at(40), 'identified', 'monitoring'),
          statusChange(at(50), 'monitoring', 'investigating'),
        ],
      }),
      expected: { started: T0, detected: T0, acknowledged: null, mitigated: at(40), resolved: at(90) },
    },
    {
      name: 'milestones set by hand override; the latest setting wins; deleted ones are ignored',
      input: makeInput({
        timeline: [
          milestone('started', at(-50), at(100)),
          milestone('started', at(-30), at(120)),
          milestone('started', at(-90), at(130), { deletedAt: at(131) }),
          milestone('detected', at(-10), at(100)),
          milestone('mitigated', at(20), at(100)),
          statusChange(at(45), 'identified', 'monitoring'),
        ],
      }),
      expected: { started: at(-30), detected: at(-10), acknowledged: null, mitigated: at(20), resolved: at(90) },
    },
    {
      name: 'the earliest acknowledgement of any page',
      input: makeInput({
        pages: [
          { startedAt: at(1), acknowledgedAt: at(9), acknowledgedBy: 'U_A' },
          { startedAt: at(2), acknowledgedAt: null, acknowledgedBy: null },
          { startedAt: at(3), acknowledgedAt: at(6), acknowledgedBy: 'U_B' },
        ],
      }),
      expected: { started: T0, detected: T0, acknowledged: at(6), mitigated: null, resolved: at(90) },
    },
    {
      name: 'a milestone without its own time counts from when it was recorded; unknown names are ignored',
      input: makeInput({
        timeline: [
          milestone('mitigated', at(0), at(33), { data: { milestone: 'mitigated' } }),
          milestone('finished', at(5), at(5)),
        ],
      }),
      expected: { started: T0, detected: T0, acknowledged: null, mitigated: at(33), resolved: at(90) },
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(deriveMilestones(input)).toEqual(expected);
  });
});

describe('durations', () => {
  const cases: { name: string; m: Milestones; expected: Record<string, string> }[] = [
    {
      name: 'all known',
      m: { started: at(-30), detected: at(-10), acknowledged: at(-4), mitigated: at(95), resolved: at(30 * 60 + 5) },
      expected: { toDetect: '20m', toAcknowledge: '6m', toMitigate: '2h 05m', toResolve: '1d 6h 35m' },
    },
    {
      name: 'unknown sides are n/a',
      m: { started: T0, detected: T0, acknowledged: null, mitigated: null, resolved: null },
      expected: { toDetect: '0m', toAcknowledge: 'n/a', toMitigate: 'n/a', toResolve: 'n/a' },
    },
    {
      name: 'inconsistent milestones are reported as computed',
      m: { started: T0, detected: T0, acknowledged: at(-3), mitigated: at(45), resolved: at(90) },
      expected: { toDetect: '0m', toAcknowledge: '-3m', toMitigate: '45m', toResolve: '1h 30m' },
    },
  ];
  it.each(cases)('$name', ({ m, expected }) => {
    const d = durations(m);
    expect({
      toDetect: formatElapsed(d.toDetect),
      toAcknowledge: formatElapsed(d.toAcknowledge),
      toMitigate: formatElapsed(d.toMitigate),
      toResolve: formatElapsed(d.toResolve),
    }).toEqual(expected);
  });

  it('returns milliseconds and null', () => {
    expect(durations({ started: T0, detected: at(7), acknowledged: null, mitigated: at(8), resolved: null })).toEqual({
      toDetect: 7 * MINUTE,
      toAcknowledge: null,
      toMitigate: 8 * MINUTE,
      toResolve: null,
    });
  });
});
