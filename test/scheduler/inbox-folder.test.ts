import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxFolder, foldShare, loopTime } from '../../src/scheduler/inbox-folder.js';
import { eventually } from '../support/eventually.js';

const silent = pino({ level: 'silent' });

describe('the inbox folder', () => {
  it('folds after a kick, chunk after chunk until nothing waits, and is busy until then', async () => {
    let waiting = 3;
    const folds: number[] = [];
    const folder = createInboxFolder({ fold: () => (folds.push(waiting), (waiting -= 1) > 0 ? 0 : undefined), logger: silent, gatherMs: 1 });
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
        return undefined;
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

  /**
   * Runs a folder for `forMs` on fake timers: its folds each take 10 ms and report `lagMs`, the loop
   * is `idleShare` idle between folds, and a request is accepted at the start, at `kickAt`, and, with
   * `requests`, every millisecond until the last fold.
   */
  const foldFor = (options: { folds: number; lagMs: number; idleShare: number; forMs: number; kickAt?: number; requests?: boolean }) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'Date'] });
    let spentMs = 0;
    let waiting = options.folds;
    const foldsAt: number[] = [];
    const small: boolean[] = [];
    const started = Date.now();
    const folder = createInboxFolder({
      fold: (smallChunk) => {
        foldsAt.push(Date.now() - started);
        small.push(smallChunk);
        spentMs += 10;
        if ((waiting -= 1) > 0) return options.lagMs;
        clearInterval(requests);
        return undefined;
      },
      logger: silent,
      gatherMs: 10,
      elapsed: () => spentMs,
      loop: () => ({ ms: 5, idleMs: 5 * options.idleShare }),
    });
    const requests = options.requests ? setInterval(() => folder.kick(), 1) : undefined;
    folder.kick();
    if (options.kickAt !== undefined) setTimeout(() => folder.kick(), options.kickAt);
    vi.advanceTimersByTime(options.forMs);
    const busy = folder.busy();
    folder.stop();
    return { foldsAt, small, busy };
  };

  it('while requests keep the loop busy and the backlog is under a second old, folds take 2% of the time in small chunks; once they stop, it folds straight on', () => {
    const { foldsAt, small, busy } = foldFor({ folds: 4, lagMs: 200, idleShare: 0, forMs: 2_000, kickAt: 20 });
    // 10: the first fold, after gathering; 500: 490 ms later (10 ms of folding in 500); then no
    // request came, so the rest folds without a pause.
    expect(foldsAt.slice(0, 3)).toEqual([10, 500, 990]);
    expect(foldsAt[3]! - foldsAt[2]!).toBeLessThanOrEqual(1); // setImmediate: the fake clock may count it as 1 ms
    expect(foldsAt).toHaveLength(4);
    // Small chunks while requests came since the last fold, whole ones after.
    expect(small).toEqual([true, true, false, false]);
    expect(busy).toBe(false);
  });

  it('takes more of the loop, in whole chunks, as the backlog ages: half of it once the oldest batch has waited 5 s', () => {
    const { foldsAt, small } = foldFor({ folds: 4, lagMs: 6_000, idleShare: 0, forMs: 200, requests: true });
    // Each fold (10 ms) is followed by as long answering: the clock here moves only between folds.
    expect(foldsAt).toEqual([10, 20, 30, 40]);
    // The first fold did not know yet how far behind it was.
    expect(small).toEqual([true, false, false, false]);
  });

  it('folds straight on while requests leave the loop idle half the time or more, however far behind', () => {
    const { foldsAt } = foldFor({ folds: 4, lagMs: 6_000, idleShare: 0.6, forMs: 200, requests: true });
    expect(foldsAt).toHaveLength(4);
    expect(foldsAt.at(-1)! - foldsAt[0]!).toBeLessThanOrEqual(3);
  });

  it('gives folding 2% of a busy loop under a second behind, rising to half of it at 5 s', () => {
    expect([0, 1_000, 3_000, 5_000, 60_000].map(foldShare)).toEqual([0.02, 0.02, 0.26, 0.5, 0.5]);
  });

  it("measures the event loop's idle time: waiting on a timer is idle, running code is not", async () => {
    const loop = loopTime();
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The test runner's own work shares this loop: some of the wait, not all of it, is idle.
    expect(loop().idleMs).toBeGreaterThan(5);
    const until = performance.now() + 30;
    while (performance.now() < until);
    const ran = loop();
    expect(ran.ms).toBeGreaterThanOrEqual(29);
    expect(ran.idleMs).toBe(0);
  });
});
