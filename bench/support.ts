/** What the benchmarks share: percentiles, waiting on a condition, the process's memory, a declare through Slack. */
import { performance } from 'node:perf_hooks';
import type { FakeSlack } from 'slack-emulator';
import { people } from '../test/support/bot-harness.js';
import { declareValues, type DeclareForm } from '../test/support/incident-flows.js';

/** The nearest-rank percentile of ascending samples. */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export const sortedCopy = (samples: number[]): number[] => [...samples].sort((a, b) => a - b);

/** One line: n, min, p50, p99 and max in ms, and in round trips when each Slack answer takes `roundTripMs`. */
export const summary = (name: string, samples: number[], roundTripMs?: number): string => {
  const sorted = sortedCopy(samples);
  const cell = (ms: number) => `${ms.toFixed(1)} ms${roundTripMs ? ` (${(ms / roundTripMs).toFixed(2)} RT)` : ''}`;
  return `${name.padEnd(42)} n=${String(sorted.length).padStart(4)}  min=${cell(sorted[0]!)}  p50=${cell(percentile(sorted, 50))}  p99=${cell(percentile(sorted, 99))}  max=${cell(sorted.at(-1)!)}`;
};

/** Polls every 2 ms: the benchmarks measure the bot, so the wait must not add much of its own. */
export const waitUntil = async (check: () => boolean, timeoutMs = 10_000, what = 'the bot'): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

export const memoryLine = (): string => {
  global.gc?.();
  const memory = process.memoryUsage();
  return `resident memory: ${(memory.rss / 1048576).toFixed(1)} MiB (heap used ${(memory.heapUsed / 1048576).toFixed(1)} MiB; bot, emulator and tsx in one process)`;
};

/** Opens the declare modal with `/incident declare` and submits it; resolves with the acknowledgement. */
export const submitDeclare = async (slack: FakeSlack, channel: string, form: DeclareForm): Promise<{ submittedAt: number; answeredAt: number }> => {
  await slack.runSlashCommand({ user: people.reporter, channel, command: '/incident', text: 'declare' });
  await waitUntil(() => slack.workspace.topModal(people.reporter) !== undefined);
  const view = slack.workspace.topModal(people.reporter)!;
  const submittedAt = performance.now();
  const result = await slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues(form) });
  if (result.status !== 200) throw new Error(`submission answered ${result.status}`);
  return { submittedAt, answeredAt: performance.now() };
};
