import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxFolder } from '../../src/scheduler/inbox-folder.js';
import { eventually } from '../support/eventually.js';

const silent = pino({ level: 'silent' });

describe('the inbox folder', () => {
  it('folds after a kick, chunk after chunk until nothing waits, and is busy until then', async () => {
    let waiting = 3;
    const folds: number[] = [];
    const folder = createInboxFolder({ fold: () => (folds.push(waiting), (waiting -= 1) > 0), logger: silent, gatherMs: 1 });
    expect(folder.busy()).toBe(false);
    folder.kick();
    folder.kick();
    expect(folder.busy()).toBe(true);
    await eventually(() => expect(folder.busy()).toBe(false));
    expect(folds).toEqual([3, 2, 1]);
    folder.stop();
  });

  it('tries a failed fold again until it passes: nothing accepted is left behind', async () => {
    let attempts = 0;
    const folder = createInboxFolder({
      fold: () => {
        attempts += 1;
        if (attempts < 3) throw new Error('database is locked');
        return false;
      },
      logger: silent,
      gatherMs: 1,
      retryMs: 5,
    });
    folder.kick();
    await eventually(() => expect(attempts).toBe(3));
    await eventually(() => expect(folder.busy()).toBe(false));
    folder.stop();
  });

  afterEach(() => vi.useRealTimers());

  it('while requests keep coming, spaces its folds to a quarter of the time; once they stop, folds straight on', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'Date'] });
    let spentMs = 0;
    let waiting = 4;
    const foldsAt: number[] = [];
    const busy: boolean[] = [];
    const started = Date.now();
    const folder = createInboxFolder({
      fold: (intakeBusy) => {
        foldsAt.push(Date.now() - started);
        busy.push(intakeBusy);
        spentMs += 10; // each fold takes 10 ms
        return (waiting -= 1) > 0;
      },
      logger: silent,
      gatherMs: 10,
      elapsed: () => spentMs,
    });
    folder.kick();
    vi.advanceTimersByTime(20);
    folder.kick(); // a request between the first fold and the second: the intake is busy
    vi.advanceTimersByTime(100);
    // 10: the first fold, after gathering; 40: 30 ms later (10 ms of folding in 40); then no
    // request came, so the rest folds without a pause.
    expect(foldsAt.slice(0, 3)).toEqual([10, 40, 70]);
    expect(foldsAt[3]! - foldsAt[2]!).toBeLessThanOrEqual(1); // setImmediate: the fake clock may count it as 1 ms
    expect(foldsAt).toHaveLength(4);
    // Each fold is told whether requests came since the last, so it can take a smaller chunk.
    expect(busy).toEqual([true, true, false, false]);
    expect(folder.busy()).toBe(false);
    folder.stop();
  });
});
