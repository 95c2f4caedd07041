import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewIncident } from '../../src/app/incident/ports.js';
import { createFollowUpRepository } from '../../src/storage/follow-up-repository.js';
import { createIncidentRepository } from '../../src/storage/incident-repository.js';
import { createPostmortemRepository } from '../../src/storage/postmortem-repository.js';
import { createSearchRepository, ftsQuery } from '../../src/storage/search-repository.js';
import { createTimelineRepository } from '../../src/storage/timeline-repository.js';
import { sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

const t0 = Date.UTC(2026, 0, 1);
const base: NewIncident = { title: '', severity: 'SEV2', summary: '', impact: '', services: [], isPrivate: false, reporterId: 'U1', commanderId: 'U1' };
let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe('search repository (FTS5)', () => {
  it('finds incidents by title and by what people wrote, best first, and follows edits and deletions', () => {
    const ids = sequentialIds();
    const incidents = createIncidentRepository(database.db, ids);
    const timeline = createTimelineRepository(database.db, ids);
    const search = createSearchRepository(database.db);
    const redis = incidents.create({ ...base, title: 'Redis failover storm' }, t0);
    const payments = incidents.create({ ...base, title: 'Payments latency', summary: 'acquirer slow' }, t0);
    timeline.appendOnce(payments.id, { kind: 'message', actorId: 'U1', at: t0, text: 'sentinel quorum lost', data: {} }, { ts: '1.1', permalink: null, sourceKey: 'message:1.1' });
    createFollowUpRepository(database.db, ids).add({ incidentId: redis.id, text: 'Tune the eviction policy', ownerId: null, dueAt: null, blocking: false, createdBy: 'U1', createdAt: t0 });

    expect(search.search(['redis'], { limit: 5 }).map((hit) => hit.incidentId)).toEqual([redis.id]);
    expect(search.search(['sentinel'], { limit: 5 }).map((hit) => hit.incidentId)).toEqual([payments.id]);
    expect(search.search(['evict'], { limit: 5 }).map((hit) => hit.incidentId)).toEqual([redis.id]);
    expect(search.search(['redis', 'sentinel'], { limit: 5 })).toEqual([]);
    expect(search.search(['redis', 'sentinel'], { limit: 5, anyWord: true }).map((hit) => hit.incidentId).sort()).toEqual([redis.id, payments.id].sort());
    expect(search.search(['redis'], { limit: 5, excludeIncidentId: redis.id })).toEqual([]);

    timeline.edit(payments.id, 'message:1.1', 'zookeeper quorum lost', t0 + 1);
    expect(search.search(['sentinel'], { limit: 5 })).toEqual([]);
    expect(search.search(['zookeeper'], { limit: 5 }).map((hit) => hit.incidentId)).toEqual([payments.id]);
    timeline.remove(payments.id, 'message:1.1', t0 + 2);
    expect(search.search(['zookeeper'], { limit: 5 })).toEqual([]);
  });

  it("never matches the bot's own words: the postmortem template and bot events are not indexed", () => {
    const ids = sequentialIds();
    const incidents = createIncidentRepository(database.db, ids);
    const timeline = createTimelineRepository(database.db, ids);
    const search = createSearchRepository(database.db);
    const incident = incidents.create({ ...base, title: 'Checkout errors' }, t0);
    timeline.append(incident.id, { kind: 'status_changed', actorId: 'U1', at: t0, text: 'traffic shifted', data: {} });
    createPostmortemRepository(database.db).save(
      { incidentId: incident.id, markdown: '## Where we got lucky\n- What limited the impact (timing, low traffic)? Which dashboards, runbooks', generatedAt: t0, generatedBy: 'U1' },
      () => 'tok',
    );
    for (const word of ['traffic', 'lucky', 'dashboards', 'runbooks']) expect(search.search([word], { limit: 5 }), word).toEqual([]);
  });

  it('ranks with bm25 (a title match before a passing mention) and says where and why each one matched', () => {
    const ids = sequentialIds();
    const incidents = createIncidentRepository(database.db, ids);
    const timeline = createTimelineRepository(database.db, ids);
    const search = createSearchRepository(database.db);
    const mentioned = incidents.create({ ...base, title: 'Checkout errors' }, t0);
    timeline.appendOnce(
      mentioned.id,
      { kind: 'message', actorId: 'U1', at: t0, text: 'we saw the same thing last year, before the kafka consumers were moved to the new cluster in march', data: {} },
      { ts: '2.1', permalink: null, sourceKey: 'message:2.1' },
    );
    const titled = incidents.create({ ...base, title: 'Kafka lag' }, t0);
    const hits = search.search(['kafka'], { limit: 5 });
    expect(hits.map((hit) => hit.incidentId)).toEqual([titled.id, mentioned.id]);
    expect(hits[0]).toMatchObject({ field: 'title', snippet: '\u0002Kafka\u0003 lag' });
    expect(hits[1]!.field).toBe('message');
    expect(hits[1]!.snippet).toContain('\u0002kafka\u0003 consumers');
    expect(hits[1]!.snippet.length).toBeLessThan(120);
  });

  it('turns any input into a safe query: no FTS operators get through', () => {
    expect(ftsQuery(['redis" OR title:*', 'NEAR(a b)'])).toBe('"redis"* "or"* "title"* "near"*');
    expect(ftsQuery(['a', '!!'])).toBeUndefined();
    const search = createSearchRepository(database.db);
    expect(() => search.search(['"unbalanced', 'AND', '(', 'col:x'], { limit: 3 })).not.toThrow();
  });
});

describe('follow-up repository', () => {
  it('lists open follow-ups by owner and due date, marks them done and counts the overdue', () => {
    const ids = sequentialIds();
    const incident = createIncidentRepository(database.db, ids).create({ ...base, title: 'x' }, t0);
    const followUps = createFollowUpRepository(database.db, ids);
    const add = (text: string, ownerId: string | null, dueAt: number | null) =>
      followUps.add({ incidentId: incident.id, text, ownerId, dueAt, blocking: false, createdBy: 'U1', createdAt: t0 });
    const late = add('late', 'U2', t0 - 1000);
    add('later', 'U2', t0 + 86_400_000);
    add('undated', 'U2', null);
    add('someone else', 'U3', t0 - 5000);
    expect(followUps.listOpen({ ownerId: 'U2' }).map((f) => f.text)).toEqual(['late', 'later', 'undated']);
    expect(followUps.listOpen({ dueBefore: t0 }).map((f) => f.text)).toEqual(['someone else', 'late']);
    expect(followUps.countOverdue(t0)).toBe(2);
    expect(followUps.markDone(late.id, t0)?.status).toBe('done');
    expect(followUps.countOverdue(t0)).toBe(1);
    expect(followUps.listOpen({ ownerId: 'U2' }).map((f) => f.text)).toEqual(['later', 'undated']);
  });
});
