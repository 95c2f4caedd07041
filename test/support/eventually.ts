import { expect, vi } from 'vitest';

/**
 * The work after an ack runs in the background: wait until its effect is visible. The timeout only
 * bounds how long a failing test hangs (a passing one returns as soon as the check holds), so it is
 * generous: on a loaded 2-core machine a step can take several times as long as on an idle one.
 */
export const eventually = <T>(check: () => T, timeout = 15_000): Promise<T> => vi.waitFor(check, { timeout, interval: 10 });

/** For use inside `eventually`: throws (so it retries) until the value exists. */
export const defined = <T>(value: T | undefined | null): T => {
  expect(value).toBeDefined();
  expect(value).not.toBeNull();
  return value as T;
};
