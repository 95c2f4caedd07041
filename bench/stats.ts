import { Worker } from 'node:worker_threads';
import { percentile as nearestRank, sortedCopy } from './support.js';

/** The nearest-rank percentile of samples in any order (support.ts's, on a sorted copy). */
export const percentile = (samples: readonly number[], p: number): number => nearestRank(sortedCopy([...samples]), p) ?? Number.NaN;

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

export interface LoadResult {
  latencies: number[];
  errors: number;
  bytes: number;
  elapsedMs: number;
}

/**
 * HTTP GET load from a worker thread (keep-alive): `closed` keeps `connections` requests in
 * flight; `open` sends `rate` requests a second on schedule.
 */
export const httpLoad = (options: { url: string; mode: 'closed' | 'open'; connections?: number; rate?: number; durationMs: number }) => {
  const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), { workerData: options });
  const result = new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', (message: LoadResult) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
  });
  return { result, stop: () => worker.postMessage('stop') };
};

