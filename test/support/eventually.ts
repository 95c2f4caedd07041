import { vi } from 'vitest';

/** The work after an ack runs in the background: wait until its effect is visible. */
export const eventually = <T>(check: () => T, timeout = 5000): Promise<T> => vi.waitFor(check, { timeout, interval: 10 });
