import { Worker } from 'node:worker_threads';

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};

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

/** Polls `check` until it holds (every event-loop turn), or fails after `timeoutMs`. */
export const waitUntil = async (check: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the bot');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};
