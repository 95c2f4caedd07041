import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../src/storage/schema.js';
import { createFollowUpRepository } from '../../src/storage/follow-up-repository.js';
import { createIncidentRepository } from '../../src/storage/incident-repository.js';
import { createSearchRepository } from '../../src/storage/search-repository.js';
import { createTimelineRepository } from '../../src/storage/timeline-repository.js';
import { sequentialIds } from '../support/clock.js';
import { migrationsBefore as olderMigrations, migrationsFolder } from '../support/migrations.js';

const searchMigration = '0009_search_what_people_wrote';
let before: { folder: string; remove(): void } | undefined;
afterEach(() => before?.remove());

/** The migrations as they were before searchMigration, in a folder of their own. */
const migrationsBefore = (): string => (before = olderMigrations(searchMigration)).folder;

describe(`migration ${searchMigration}`, () => {
  it('indexes what a database already holds, and drops the postmortem template from the index', () => {
    const client = new Database(':memory:');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: migrationsBefore() });

    const ids = sequentialIds();
    const t0 = Date.UTC(2026, 0, 1);
    const incident = createIncidentRepository(db, ids).create(
      { title: 'Checkout errors', severity: 'SEV2', summary: 'acquirer timeouts', impact: '', services: [], isPrivate: false, reporterId: 'U1', commanderId: 'U1' },
      t0,
    );
    createTimelineRepository(db, ids).appendOnce(incident.id, { kind: 'message', actorId: 'U1', at: t0, text: 'sentinel quorum lost', data: {} }, { ts: '1.1', permalink: null, sourceKey: 'message:1.1' });
    createTimelineRepository(db, ids).append(incident.id, { kind: 'status_changed', actorId: 'U1', at: t0, text: 'bot wording', data: {} });
    createFollowUpRepository(db, ids).add({ incidentId: incident.id, text: 'Tune the eviction policy', ownerId: null, dueAt: null, blocking: false, createdBy: 'U1', createdAt: t0 });
    // As that schema held it (the repository reads columns added since).
    client.prepare('insert into postmortems (incident_id, markdown, token, generated_at, generated_by) values (?, ?, ?, ?, ?)').run(incident.id, '## Where we got lucky\nlow traffic', 'tok', t0, 'U1');

    migrate(db, { migrationsFolder });
    const search = createSearchRepository(db);
    for (const word of ['checkout', 'acquirer', 'sentinel', 'eviction']) expect(search.search([word], { limit: 5 }).map((hit) => hit.incidentId), word).toEqual([incident.id]);
    for (const word of ['lucky', 'traffic', 'wording']) expect(search.search([word], { limit: 5 }), word).toEqual([]);
    client.close();
  });
});
