import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { transition } from '../src/domain/incident/transition.js';
import type { Severity } from '../src/domain/incident/severity.js';
import type { Incident } from '../src/domain/incident/incident.js';
import { openDatabase } from '../src/storage/database.js';
import { createIncidentRepository } from '../src/storage/incident-repository.js';
import { createUpdateRepository } from '../src/storage/update-repository.js';

const newestMigration = (): string => {
  const journal = JSON.parse(readFileSync(new URL('../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.at(-1)?.tag ?? 'none';
};

const day = 86_400_000;
const hour = 3_600_000;
const severities: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const serviceSets = [['payments'], ['search'], ['payments', 'search']];
/** Still being worked on when the benchmark runs. */
export const activeIncidents = 10;

/**
 * `count` incidents declared evenly over the year before `now`, through the bot's own repositories
 * and lifecycle: each has a public first update; all but the last `activeIncidents` were resolved an
 * hour later with a public update, and all but 1% of those closed. One in ten is private.
 * The file is kept in the temp directory per count and copied for each run.
 */
export const seededDatabase = (count: number, now: number): string => {
  // Named after the newest migration, so a kept file never meets a schema it was not made with.
  const template = join(tmpdir(), `incident-bot-bench-${count}-${newestMigration()}.sqlite`);
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.building`;
    const database = openDatabase(building);
    const client = (database.db as unknown as { $client: import('better-sqlite3').Database }).$client;
    client.pragma('synchronous = OFF');
    const incidents = createIncidentRepository(database.db, randomUUID);
    const updates = createUpdateRepository(database.db, randomUUID);
    const step = (365 * day) / count;
    const move = (incident: Incident, to: 'resolved' | 'closed', at: number): Incident => {
      const result = transition(incident, { type: 'set_status', to, actorId: 'U0BENCH', reason: '' }, at);
      if (!result.ok) throw new Error(result.error.message);
      incidents.save(result.incident, result.events);
      return result.incident;
    };
    const started = performance.now();
    client.exec('BEGIN');
    for (let i = 0; i < count; i += 1) {
      if (i > 0 && i % 5_000 === 0) {
        client.exec('COMMIT; BEGIN');
        process.stderr.write(`  seeded ${i} of ${count}\r`);
      }
      const at = Math.round(now - 365 * day + i * step);
      const severity = severities[i % severities.length]!;
      const incident = incidents.create(
        { title: `Bench incident ${i}`, severity, summary: 'seeded', impact: '', services: serviceSets[i % serviceSets.length]!, isPrivate: i % 10 === 0, reporterId: 'U0BENCH', commanderId: 'U0COMMANDER' },
        at,
      );
      const base = { incidentId: incident.id, severity, whatChanged: 'seeded', impact: '', nextSteps: '', nextUpdateAt: null, postedBy: 'U0BENCH' };
      updates.add({ ...base, status: 'investigating', customerMessage: `We are investigating problems (${i}).`, postedAt: at + 60_000 });
      if (i >= count - activeIncidents) continue;
      updates.add({ ...base, status: 'resolved', customerMessage: `This incident has been resolved (${i}).`, postedAt: at + hour });
      const resolved = move(incident, 'resolved', at + hour);
      if (i % 100 !== 0) move(resolved, 'closed', at + 2 * hour);
    }
    client.exec('COMMIT');
    client.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
    renameSync(building, template);
    rmSync(`${building}-wal`, { force: true });
    rmSync(`${building}-shm`, { force: true });
    process.stderr.write(`  seeded ${count} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const copy = join(tmpdir(), `incident-bot-bench-${count}-${process.pid}.sqlite`);
  copyFileSync(template, copy);
  return copy;
};

export const removeDatabase = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
};
