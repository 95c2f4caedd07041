import pino from 'pino';
import { describe, expect, it } from 'vitest';
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
});
