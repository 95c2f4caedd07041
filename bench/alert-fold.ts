/**
 * Folding accepted alerts, without HTTP: the bot's fold (read the inbox, fold each alert into its
 * row, decide it, settle its groups, commit) over the real use cases and repositories, on an
 * in-memory SQLite and on a SQLite file as the bot keeps it (WAL, with its checkpoint thread). New
 * alerts and repeats (the same 5,000 alerts sent again, as Prometheus resends), in batches of 64
 * folded 512 at a time (a backlog) and one per batch folded 128 at a time (folding beside a stream
 * of requests). Twelve rounds each; the median is shown, in µs of wall time per alert.
 *
 *   npm run bench:fold
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptAlertBatches, incomingBatch } from '../src/app/alerts/accept-alerts.js';
import { busyFoldChunk, foldAlertInbox, foldChunk } from '../src/app/alerts/fold-alert-inbox.js';
import type { IncomingAlert } from '../src/domain/alerts/alert.js';
import { fingerprintOf } from '../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml } from '../test/support/alerts-config.js';
import { fixedClock } from '../test/support/clock.js';
import { useCaseWorld } from '../test/support/use-case-deps.js';
import { percentile, sortedCopy } from './support.js';

const rounds = 12;

const measure = (databasePath: string | undefined, distinct: number) => {
  const clock = fixedClock(Date.UTC(2026, 10, 28, 22, 0));
  const world = useCaseWorld({ configYaml: alertsConfigYaml(), clock, databasePath });
  let serial = 0;
  const alert = (): IncomingAlert => {
    serial += 1;
    const labels = { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `logs-${serial % distinct}` };
    return { fingerprint: fingerprintOf(labels), labels, annotations: { summary: 'disk over 90%' }, startsAt: 0, endsAt: null, generatorUrl: null };
  };
  /** µs per alert to fold `batches` accepted batches of `size`, `chunk` alerts per transaction. */
  const round = (batches: number, size: number, chunk: number): number => {
    for (let batch = 0; batch < batches; batch += 1) acceptAlertBatches(world.deps, [incomingBatch('prometheus', Array.from({ length: size }, alert))]);
    const started = performance.now();
    while (foldAlertInbox(world.deps, chunk) !== undefined);
    return ((performance.now() - started) * 1000) / (batches * size);
  };
  const backlog: number[] = [];
  const stream: number[] = [];
  for (let index = 0; index < rounds; index += 1) {
    clock.advance(1_000);
    backlog.push(round(300, 64, foldChunk));
    stream.push(round(3_000, 1, busyFoldChunk));
  }
  world.close();
  const median = (samples: number[]) => percentile(sortedCopy(samples), 50).toFixed(1);
  return `batches of 64, ${foldChunk} a fold: ${median(backlog)} µs/alert; one per batch, ${busyFoldChunk} a fold: ${median(stream)} µs/alert`;
};

const dir = mkdtempSync(join(tmpdir(), 'incident-bot-bench-fold-'));
try {
  for (const [name, distinct] of [['new alerts', Number.MAX_SAFE_INTEGER], ['repeats of 5,000', 5_000]] as const) {
    process.stdout.write(`${name.padEnd(18)} in memory: ${measure(undefined, distinct)}\n`);
    process.stdout.write(`${name.padEnd(18)} in a file: ${measure(join(dir, `${distinct}.sqlite`), distinct)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
