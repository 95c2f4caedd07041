import { expect, vi } from 'vitest';

/** The work after an ack runs in the background: wait until its effect is visible. */
export const eventually = <T>(check: () => T, timeout = 5000): Promise<T> => vi.waitFor(check, { timeout, interval: 10 });

/** For use inside `eventually`: throws (so it retries) until the value exists. */
export const defined = <T>(value: T | undefined | null): T => {
  expect(value).toBeDefined();
  expect(value).not.toBeNull();
  return value as T;
};
