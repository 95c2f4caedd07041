/**
 * Cost of one scheduler tick with a realistic backlog: 1,000 open incidents and 10,000 pending jobs
 * in a real SQLite file (WAL), and the process's resident memory.
 *
 *   npm run bench:scheduler            # 1000 incidents, 10000 jobs
 *   npm run bench:scheduler -- 5000 50000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { jobKinds, type JobKind } from '../src/app/job-kinds.js';
import { createScheduler } from '../src/scheduler/scheduler.js';
import { openDatabase } from '../src/storage/database.js';
import { createIncidentRepository } from '../src/storage/incident-repository.js';
import { createJobRepository } from '../src/storage/job-repository.js';

const incidentCount = Number(process.argv[2] ?? 1000);
const jobCount = Number(process.argv[3] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'incident-bot-bench-'));
const database = openDatabase(join(dir, 'bench.sqlite'));
let now = Date.UTC(2026, 10, 26, 12);
const clock = { now: () => now };
const incidents = createIncidentRepository(database.db, randomUUID);
const jobs = createJobRepository(database.db, randomUUID);

const ids: string[] = [];
database.db.transaction(() => {
  for (let i = 0; i < incidentCount; i += 1) {
    ids.push(
      incidents.create(
        { title: `Incident ${i}`, severity: 'SEV2', summary: '', impact: '', services: [], isPrivate: false, reporterId: 'U1', commanderId: 'U1' },
        now,
      ).id,
    );
  }
  for (let i = 0; i < jobCount; i += 1) {
    // Spread over the next 24 hours, as reminders and escalations would be.
    jobs.schedule({ kind: jobKinds[i % jobKinds.length] as JobKind, key: `bench:${i}`, incidentId: ids[i % ids.length], dueAt: now + 1 + Math.floor((i / jobCount) * 86_400_000) }, now);
  }
});

let handled = 0;
const noop = async () => {
  handled += 1;
};
const handlers = Object.fromEntries(jobKinds.map((kind) => [kind, noop])) as Record<JobKind, typeof noop>;
const scheduler = createScheduler({ jobs, handlers, clock, logger: pino({ level: 'silent' }) });

const time = async (runs: number, before: () => void) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    before();
    const started = process.hrtime.bigint();
    await scheduler.tick();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return `p50=${samples[Math.floor(samples.length / 2)]!.toFixed(3)} ms  p99=${samples[Math.ceil(samples.length * 0.99) - 1]!.toFixed(3)} ms  (${runs} ticks)`;
};

console.log(`node ${process.version}; ${incidentCount} incidents, ${jobs.countPending()} pending jobs`);
console.log(`tick, nothing due:          ${await time(500, () => undefined)}`);
// Each tick finds about 7 jobs due (10,000 jobs over 24 h, advancing one minute per tick).
console.log(`tick, ~7 due jobs each:     ${await time(500, () => (now += 60_000))}`);
console.log(`jobs run: ${handled}; pending left: ${jobs.countPending()}`);
global.gc?.();
const memory = process.memoryUsage();
console.log(`resident memory: ${(memory.rss / 1048576).toFixed(1)} MiB (heap used ${(memory.heapUsed / 1048576).toFixed(1)} MiB)`);
database.close();
rmSync(dir, { recursive: true, force: true });
