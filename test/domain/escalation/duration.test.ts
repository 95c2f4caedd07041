import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/domain/escalation/duration.js';
import type { Duration } from '../../../src/domain/escalation/types.js';

describe('parseDuration', () => {
  it.each<[string, Duration | undefined]>([
    ['30s', { text: '30s', ms: 30_000, calendarDays: null }],
    ['5m', { text: '5m', ms: 300_000, calendarDays: null }],
    ['1h', { text: '1h', ms: 3_600_000, calendarDays: null }],
    ['12h', { text: '12h', ms: 43_200_000, calendarDays: null }],
    ['24h', { text: '24h', ms: 86_400_000, calendarDays: null }],
    ['1d', { text: '1d', ms: 86_400_000, calendarDays: 1 }],
    ['3d', { text: '3d', ms: 259_200_000, calendarDays: 3 }],
    ['1w', { text: '1w', ms: 604_800_000, calendarDays: 7 }],
    ['2w', { text: '2w', ms: 1_209_600_000, calendarDays: 14 }],
    [' 15m ', { text: '15m', ms: 900_000, calendarDays: null }],
    ['0m', undefined],
    ['5', undefined],
    ['m', undefined],
    ['1.5h', undefined],
    ['-5m', undefined],
    ['5 m', undefined],
    ['5M', undefined],
    ['1y', undefined],
    ['1fortnight', undefined],
    ['', undefined],
  ])('%j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });
});
