import type { Clock } from '../../src/app/ports.js';

/** A clock that only moves when told to: hours of incident time pass in no real time. */
export interface FixedClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export const fixedClock = (start = Date.UTC(2026, 10, 26, 9, 0, 0)): FixedClock => {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
};

/** Deterministic ids: id-1, id-2 … */
export const sequentialIds = (prefix = 'id') => {
  let next = 0;
  return () => `${prefix}-${(next += 1)}`;
};
