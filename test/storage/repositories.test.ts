import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewIncident } from '../../src/app/incident/ports.js';
import { createIdempotencyRepository } from '../../src/storage/idempotency-repository.js';
import { createIncidentRepository } from '../../src/storage/incident-repository.js';
import { createTimelineRepository } from '../../src/storage/timeline-repository.js';
import { transition } from '../../src/domain/incident/transition.js';
import { sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

const input: NewIncident = {
  title: 'Checkout failing',
  severity: 'SEV2',
  summary: 'Card payments return 502',
  impact: 'EU customers cannot pay',
  services: ['payments', 'checkout'],
  isPrivate: false,
  reporterId: 'U0REPORTER',
  commanderId: 'U0COMMANDER',
};
const t0 = Date.UTC(2026, 0, 1);

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const repositories = () => {
  const newId = sequentialIds();
  return {
    incidents: createIncidentRepository(database.db, newId),
    timeline: createTimelineRepository(database.db, newId),
    idempotency: createIdempotencyRepository(database.db),
  };
};

describe('incident repository', () => {
  it('numbers incidents INC-1, INC-2 … and stores the declaration and the first commander', () => {
    const { incidents, timeline } = repositories();
    const first = incidents.create(input, t0);
    const second = incidents.create({ ...input, title: 'Second' }, t0 + 1);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(incidents.findById(first.id)).toMatchObject({
      title: 'Checkout failing',
      status: 'investigating',
      services: ['payments', 'checkout'],
      roles: { commander: 'U0COMMANDER' },
      declaredAt: t0,
    });
    expect(timeline.list(first.id).map((entry) => entry.kind)).toEqual(['declared', 'role_assigned']);
  });

  it('finds by channel once the Slack references are set, and lists only open incidents', () => {
    const { incidents } = repositories();
    const open = incidents.create(input, t0);
    const done = incidents.create(input, t0);
    incidents.setSlackRefs(open.id, { channelId: 'C0INC1', channelName: 'inc-1-checkout', cardTs: '1.000100' });
    const cancelled = transition(done, { type: 'set_status', to: 'cancelled', actorId: 'U1' }, t0 + 5);
    if (!cancelled.ok) throw cancelled.error;
    incidents.save(cancelled.incident, cancelled.events);
    expect(incidents.findByChannel('C0INC1')?.id).toBe(open.id);
    expect(incidents.findByChannel('C0NOPE')).toBeUndefined();
    expect(incidents.listOpen().map((incident) => incident.id)).toEqual([open.id]);
  });

  it('keeps role history across handovers: who held which role, from when to when', () => {
    const { incidents } = repositories();
    let incident = incidents.create(input, t0);
    for (const [userId, at] of [['U0SECOND', t0 + 60_000], ['U0THIRD', t0 + 120_000]] as const) {
      const result = transition(incident, { type: 'assign_role', role: 'commander', userId, actorId: 'U0REPORTER' }, at);
      if (!result.ok) throw result.error;
      incidents.save(result.incident, result.events);
      incident = result.incident;
    }
    expect(incidents.findById(incident.id)?.roles.commander).toBe('U0THIRD');
    expect(incidents.roleHistory(incident.id)).toEqual([
      { role: 'commander', userId: 'U0COMMANDER', assignedBy: 'U0REPORTER', startedAt: t0, endedAt: t0 + 60_000 },
      { role: 'commander', userId: 'U0SECOND', assignedBy: 'U0REPORTER', startedAt: t0 + 60_000, endedAt: t0 + 120_000 },
      { role: 'commander', userId: 'U0THIRD', assignedBy: 'U0REPORTER', startedAt: t0 + 120_000, endedAt: null },
    ]);
  });

  it('enforces foreign keys', () => {
    const { timeline } = repositories();
    expect(() => timeline.append('no-such-incident', { kind: 'note', actorId: 'U1', at: t0, text: 'x', data: {} })).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('timeline repository', () => {
  it('stores a Slack fact once, reflects edits and blanks deletions', () => {
    const { incidents, timeline } = repositories();
    const incident = incidents.create(input, t0);
    const source = { ts: '1767225600.000200', permalink: 'https://acme.slack.com/archives/C1/p1767225600000200', sourceKey: 'message:1767225600.000200' };
    const event = { kind: 'message' as const, actorId: 'U0ALICE', at: t0 + 10, text: 'db is at 100% cpu', data: {} };
    expect(timeline.appendOnce(incident.id, event, source)).toBeDefined();
    expect(timeline.appendOnce(incident.id, event, source)).toBeUndefined();
    expect(timeline.edit(incident.id, source.sourceKey, 'primary db is at 100% cpu', t0 + 20)).toBe(true);
    let message = timeline.list(incident.id).find((entry) => entry.kind === 'message');
    expect(message).toMatchObject({ text: 'primary db is at 100% cpu', editedAt: t0 + 20, permalink: source.permalink, slackTs: source.ts });
    expect(timeline.remove(incident.id, source.sourceKey, t0 + 30)).toBe(true);
    message = timeline.list(incident.id).find((entry) => entry.kind === 'message');
    expect(message).toMatchObject({ text: '', deletedAt: t0 + 30 });
    expect(timeline.edit(incident.id, 'message:unknown', 'x', t0)).toBe(false);
  });
});

describe('idempotency repository', () => {
  it('lets a key through once', () => {
    const { idempotency } = repositories();
    expect(idempotency.claim('event:Ev1', t0)).toBe(true);
    expect(idempotency.claim('event:Ev1', t0 + 1)).toBe(false);
    expect(idempotency.claim('event:Ev2', t0 + 1)).toBe(true);
  });
});
