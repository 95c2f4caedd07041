import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createPageLane } from '../../src/scheduler/page-lane.js';

const silent = pino({ level: 'silent' });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** An inbox of batch ids as the lane sees it; `ahead` says what folding a batch's pages does. */
const world = (ahead: (id: number) => 'folded' | 'left' | 'throws' = () => 'folded') => {
  const waiting = new Set<number>();
  const tried: number[] = [];
  let config = { version: 1 };
  const lane = createPageLane({
    foldPages: (id) => {
      tried.push(id);
      const result = ahead(id);
      if (result === 'throws') throw new Error('no');
      return result;
    },
    waiting: (id) => waiting.has(id),
    anyWaitingThrough: (id) => [...waiting].some((waits) => waits <= id),
    config: () => config,
    logger: silent,
  });
  const accept = (ids: number[], paging: number[], stale = false) => {
    for (const id of ids) waiting.add(id);
    lane.accepted(Math.max(...ids), paging, stale);
  };
  /** These batches were folded in their turn, and the lane heard of it. */
  const foldedInTurn = async (...ids: number[]) => {
    for (const id of ids) waiting.delete(id);
    lane.folded();
    await nextTurn();
  };
  return { lane, waiting, tried, accept, foldedInTurn, reload: () => (config = { version: config.version + 1 }) };
};

describe('the page lane', () => {
  it('takes batches that page ahead of the backlog, in the order they arrived', async () => {
    const { tried, accept } = world();
    accept([1, 2, 3], []);
    accept([4, 5], [4]);
    accept([6], [6]);
    await nextTurn();
    expect(tried).toEqual([4, 6]);
  });

  it('leaves a batch nothing waits before to its turn, and everything behind it in the lane waits for that', async () => {
    const { tried, accept, foldedInTurn } = world();
    accept([1], [1]);
    accept([2, 3], [3]);
    await nextTurn();
    expect(tried).toEqual([]);
    // Batch 1 is folded in its turn: 3 now goes ahead of 2.
    await foldedInTurn(1);
    expect(tried).toEqual([3]);
  });

  it('a batch left whole (a resolve in it) or whose fold fails holds back the lane behind it until its turn', async () => {
    const { lane, tried, accept, foldedInTurn } = world((id) => (id === 2 ? 'left' : id === 4 ? 'throws' : 'folded'));
    // Batch 1 is the backlog throughout.
    accept([1, 2, 3], [2, 3]);
    await nextTurn();
    expect(tried).toEqual([2]);
    await foldedInTurn(2);
    expect(tried).toEqual([2, 3]);
    accept([4, 5], [4, 5]);
    await nextTurn();
    // 4 fails and stays where it is, so 5 waits behind it.
    expect(tried).toEqual([2, 3, 4]);
    await foldedInTurn(4);
    expect(tried).toEqual([2, 3, 4, 5]);
    expect(lane.busy()).toBe(false);
  });

  it('after a reload, takes nothing ahead until every batch accepted before it is folded', async () => {
    const { tried, accept, foldedInTurn, reload } = world();
    accept([1, 2], []);
    reload();
    accept([3, 4], [4]);
    await nextTurn();
    expect(tried).toEqual([]);
    await foldedInTurn(1, 2);
    expect(tried).toEqual([4]);
  });

  it('takes nothing read under a configuration reloaded since ahead, nor anything behind it until that is folded', async () => {
    const { waiting, tried, accept, foldedInTurn } = world();
    accept([1, 2], [2], true);
    accept([3], [3]);
    await nextTurn();
    expect(tried).toEqual([]);
    await foldedInTurn(2);
    // 1, read before the reload too, still waits.
    expect(tried).toEqual([]);
    waiting.delete(1);
    accept([4, 5], [5]);
    await nextTurn();
    // 3 is first in the inbox now: taken whole in its turn, and 5 behind it waits for that.
    expect(tried).toEqual([]);
    await foldedInTurn(3);
    expect(tried).toEqual([5]);
  });
});
