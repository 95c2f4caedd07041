import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEscalationRepository } from '../../src/storage/escalation-repository.js';
import { createFollowUpRepository } from '../../src/storage/follow-up-repository.js';
import { createIdempotencyRepository } from '../../src/storage/idempotency-repository.js';
import { createIncidentRepository } from '../../src/storage/incident-repository.js';
import { createMaintenanceRepository } from '../../src/storage/maintenance-repository.js';
import { createStatusPageSource } from '../../src/storage/status-page-source.js';
import { createTimelineRepository } from '../../src/storage/timeline-repository.js';
import { createUpdateRepository } from '../../src/storage/update-repository.js';
import { sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

/**
 * The queries behind every command, button, page and status page request must find their rows
 * through an index: a plan step that walks a whole table (SCAN, with or without an index) costs
 * time in proportion to the incidents ever declared. The statements are the ones the real
 * repositories run, recorded as they are prepared, and explained with the values they ran with.
 */
const t0 = Date.UTC(2026, 0, 1);
type Recorded = { sql: string; params: unknown[] };

/** The plan lines that read a whole table; `SCAN CONSTANT ROW` and the like read none. */
const fullScans = (plan: { detail: string }[]): string[] =>
  plan.map((row) => row.detail).filter((detail) => /^SCAN (?!CONSTANT ROW)/.test(detail));

let database: ReturnType<typeof testDatabase>;
let client: Database.Database;
let recorded: Recorded[] = [];

beforeAll(() => {
  database = testDatabase();
  client = (database.db as unknown as { $client: Database.Database }).$client;
  const prepare = client.prepare.bind(client);
  // Record each statement with the values it is run with.
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        recorded.push({ sql: source, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof client.prepare;
});
afterAll(() => database.close());

const plansOf = (run: () => unknown): { sql: string; scans: string[] }[] => {
  recorded = [];
  run();
  return recorded
    .filter(({ sql }) => /^\s*(select|update|delete|insert)/i.test(sql))
    .map(({ sql, params }) => ({ sql, scans: fullScans(client.prepare(`explain query plan ${sql}`).all(...(params as [])) as { detail: string }[]) }));
};

describe('hot-path query plans', () => {
  const newId = sequentialIds();
  const repos = () => ({
    incidents: createIncidentRepository(database.db, newId),
    updates: createUpdateRepository(database.db, newId),
    maintenances: createMaintenanceRepository(database.db, newId),
    escalations: createEscalationRepository(database.db, newId),
    followUps: createFollowUpRepository(database.db, newId),
    timeline: createTimelineRepository(database.db, newId),
    idempotency: createIdempotencyRepository(database.db),
    statusPage: createStatusPageSource(database.db),
  });
  let r: ReturnType<typeof repos>;
  let incidentId = '';

  beforeAll(() => {
    r = repos();
    // Enough rows that the planner has something to choose between.
    for (let i = 0; i < 200; i += 1) {
      const incident = r.incidents.create(
        { title: `t${i}`, severity: 'SEV2', summary: '', impact: '', services: ['api'], isPrivate: i % 10 === 0, reporterId: 'U1', commanderId: 'U2' },
        t0 + i * 60_000,
      );
      r.incidents.setSlackRefs(incident.id, { channelId: `C${i}` });
      r.updates.add({ incidentId: incident.id, status: 'investigating', severity: 'SEV2', whatChanged: '', impact: '', nextSteps: '', nextUpdateAt: null, customerMessage: 'Looking', postedBy: 'U1', postedAt: t0 + i * 60_000 });
      r.followUps.add({ incidentId: incident.id, text: 'fix it', ownerId: 'U3', dueAt: t0 + i, blocking: false, createdBy: 'U1', createdAt: t0 });
      incidentId = incident.id;
    }
  });

  const hotPaths: [string, () => unknown][] = [
    ['find an incident by id', () => r.incidents.findById(incidentId)],
    ['find an incident by number', () => r.incidents.findByNumber(7)],
    ['find an incident by channel (every command in a channel)', () => r.incidents.findByChannel('C7')],
    ['find many incidents by id (follow-up lists)', () => r.incidents.findByIds([incidentId, 'x'])],
    ['/incident list and App Home', () => r.incidents.listOpenVisible('U1', 45, 'active')],
    ['/incident list and App Home: resolved, not yet closed', () => r.incidents.listOpenVisible('U1', 45, 'resolved')],
    ['incidents of the last 90 days (digest)', () => r.incidents.listSince(t0)],
    ['declare: the next incident number', () => r.incidents.create({ title: 'n', severity: 'SEV3', summary: '', impact: '', services: [], isPrivate: false, reporterId: 'U1', commanderId: null }, t0)],
    ['save an incident', () => r.incidents.save(r.incidents.findById(incidentId)!, [])],
    ['role history', () => r.incidents.roleHistory(incidentId)],
    ['updates of an incident', () => r.updates.listForIncident(incidentId)],
    ['status page: change counter', () => r.statusPage.version()],
    ['status page: rebuild', () => r.statusPage.read(t0)],
    ['maintenance windows still to show', () => r.maintenances.listEndingAfter(t0)],
    ['escalations of an incident', () => r.escalations.listForIncident(incidentId)],
    ['acknowledged escalations (digest)', () => r.escalations.listAcknowledgedForIncidents([incidentId])],
    ['open follow-ups: mine', () => r.followUps.listOpen({ ownerId: 'U3' })],
    ['open follow-ups: overdue', () => r.followUps.listOpen({ dueBefore: t0 + 50 })],
    ['open follow-ups: all', () => r.followUps.listOpen()],
    ['overdue follow-ups count (digest)', () => r.followUps.countOverdue(t0 + 50)],
    ['follow-ups of an incident', () => r.followUps.listForIncident(incidentId)],
    ['timeline of an incident', () => r.timeline.list(incidentId)],
    ['timeline entry by Slack message', () => r.timeline.findBySource(incidentId, 'msg:1')],
    ['idempotency claim', () => r.idempotency.claim(`key-${incidentId}`, t0)],
  ];

  it.each(hotPaths)('%s reads no whole table', (_, run) => {
    const plans = plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((plan) => plan.scans.length > 0)).toEqual([]);
  });

  it('the check itself catches a query with no usable index', () => {
    const plan = client.prepare('explain query plan select * from incidents where title = ?').all('x') as { detail: string }[];
    expect(fullScans(plan)).toEqual(['SCAN incidents']);
    const ordered = client.prepare('explain query plan select id from incidents order by declared_at desc').all() as { detail: string }[];
    expect(fullScans(ordered)).toEqual(['SCAN incidents USING INDEX incidents_declared_idx']);
  });
});
