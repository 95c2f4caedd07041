import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStatusPageReader } from '../../src/app/communication/read-status-page.js';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { transition } from '../../src/domain/incident/transition.js';
import { createIncidentRepository } from '../../src/storage/incident-repository.js';
import { createMaintenanceRepository } from '../../src/storage/maintenance-repository.js';
import { createStatusPageSource } from '../../src/storage/status-page-source.js';
import { createTimelineRepository } from '../../src/storage/timeline-repository.js';
import { createUpdateRepository } from '../../src/storage/update-repository.js';
import { communicationsConfigYaml } from '../support/communications-config.js';
import { fixedClock, sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

const hour = 3_600_000;
let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const setUp = () => {
  const newId = sequentialIds();
  const clock = fixedClock(Date.UTC(2026, 10, 26, 9, 0, 0));
  const repositories = {
    incidents: createIncidentRepository(database.db, newId),
    updates: createUpdateRepository(database.db, newId),
    maintenances: createMaintenanceRepository(database.db, newId),
    timeline: createTimelineRepository(database.db, newId),
  };
  const source = createStatusPageSource(database.db);
  let config = parseIncidentConfig(communicationsConfigYaml);
  const read = createStatusPageReader({ source, clock, config: () => config }, { fallbackUrl: 'http://localhost/status' });
  const declare = (isPrivate = false) =>
    repositories.incidents.create(
      { title: 'Payments down', severity: 'SEV2', summary: '', impact: '', services: ['payments'], isPrivate, reporterId: 'U1', commanderId: null },
      clock.now(),
    );
  const postUpdate = (incidentId: string, customerMessage: string | null) =>
    repositories.updates.add({
      incidentId,
      status: 'investigating',
      severity: 'SEV2',
      whatChanged: 'internal',
      impact: '',
      nextSteps: '',
      nextUpdateAt: null,
      customerMessage,
      postedBy: 'U1',
      postedAt: clock.now(),
    });
  return { ...repositories, clock, source, read, declare, postUpdate, reload: () => (config = parseIncidentConfig(communicationsConfigYaml)) };
};

describe('status page change counter', () => {
  it('moves with what the page is made of, and not with what it never shows', () => {
    const { source, incidents, timeline, declare, postUpdate, maintenances, clock } = setUp();
    const moves = (write: () => void) => {
      const before = source.version();
      write();
      return source.version() !== before;
    };
    const incident = declare();
    expect(moves(() => postUpdate(incident.id, 'We are looking into it.'))).toBe(true);
    expect(moves(() => incidents.setSlackRefs(incident.id, { channelId: 'C1', cardTs: '1.2' }))).toBe(false);
    expect(moves(() => timeline.append(incident.id, { kind: 'note', actorId: 'U1', at: clock.now(), text: 'a note', data: {} }))).toBe(false);
    const severity = transition(incidents.findById(incident.id)!, { type: 'change_severity', to: 'SEV1', actorId: 'U1' }, clock.now());
    if (!severity.ok) throw new Error(severity.error.message);
    expect(moves(() => incidents.save(severity.incident, severity.events))).toBe(true);
    // Saving the incident unchanged (as a card refresh might) is no change.
    expect(moves(() => incidents.save(incidents.findById(incident.id)!, []))).toBe(false);
    const window = { title: 'Upgrade', message: 'Slow for a minute', services: ['payments'], startsAt: clock.now() + hour, endsAt: clock.now() + 2 * hour, createdBy: 'U1', createdAt: clock.now() };
    let maintenanceId = '';
    expect(moves(() => (maintenanceId = maintenances.create(window).id))).toBe(true);
    expect(moves(() => maintenances.cancel(maintenanceId, clock.now()))).toBe(true);
  });
});

describe('status page source', () => {
  it('patching what changed gives what a fresh read gives, through updates, privacy, closing, deletion and the window moving', () => {
    const { source, incidents, updates, declare, postUpdate, clock } = setUp();
    const canonical = (data: ReturnType<typeof source.read>) => ({
      incidents: [...data.incidents].sort((a, b) => a.id.localeCompare(b.id)),
      updates: [...data.updates.values()].flat().sort((a, b) => a.incidentId.localeCompare(b.incidentId) || a.postedAt - b.postedAt),
      maintenances: data.maintenances,
    });
    const window = () => clock.now() - 90 * 24 * hour;
    const agrees = () => expect(canonical(source.read(window()))).toEqual(canonical(createStatusPageSource(database.db).read(window())));
    const change = (incidentId: string, command: Parameters<typeof transition>[1]) => {
      const result = transition(incidents.findById(incidentId)!, command, clock.now());
      if (!result.ok) throw new Error(result.error.message);
      incidents.save(result.incident, result.events);
    };

    const first = declare();
    postUpdate(first.id, 'Looking into it.');
    agrees();
    const second = declare();
    clock.advance(hour);
    postUpdate(second.id, 'Second problem.');
    postUpdate(first.id, 'Found it.');
    agrees();
    change(second.id, { type: 'change_severity', to: 'SEV1', actorId: 'U1' });
    const secret = declare(true);
    postUpdate(secret.id, 'Secret');
    agrees();
    change(first.id, { type: 'set_status', to: 'resolved', actorId: 'U1' });
    change(first.id, { type: 'set_status', to: 'closed', actorId: 'U1' });
    agrees();
    // 91 days on, the closed incident has left the window; the open one stays however old.
    clock.advance(91 * 24 * hour);
    expect(source.read(window()).incidents.map((incident) => incident.id)).toEqual([second.id]);
    agrees();
    (database.db as unknown as { $client: import('better-sqlite3').Database }).$client.prepare('delete from incidents where id = ?').run(second.id);
    expect(source.read(window()).incidents).toEqual([]);
    agrees();
    expect(updates.listForIncident(second.id)).toEqual([]);
  });
});

describe('createStatusPageReader', () => {
  it('builds once per change: the same snapshot until something public is written', () => {
    const { read, declare, postUpdate, clock } = setUp();
    const empty = read();
    expect(read()).toBe(empty);
    const incident = declare();
    expect(read()).toBe(empty);
    clock.advance(60_000);
    expect(read()).toBe(empty);
    postUpdate(incident.id, 'We are looking into problems with payments.');
    const withIncident = read();
    expect(withIncident).not.toBe(empty);
    expect(withIncident.incidents.map((shown) => shown.updates[0]!.body)).toEqual(['We are looking into problems with payments.']);
    expect(withIncident.components.find((component) => component.id === 'payments')!.status).toBe('partial_outage');
    expect(read()).toBe(withIncident);
  });

  it('private incidents and internal-only updates never reach it', () => {
    const { read, declare, postUpdate } = setUp();
    postUpdate(declare(true).id, 'Secret words');
    postUpdate(declare().id, null);
    postUpdate(declare().id, '   ');
    expect(read().incidents).toEqual([]);
  });

  it('rebuilds when a maintenance window starts, at the quarter hour, and after a configuration reload', () => {
    const { read, maintenances, clock, reload } = setUp();
    const startsAt = clock.now() + 5 * 60_000;
    maintenances.create({ title: 'Upgrade', message: 'Slow for a minute', services: ['payments'], startsAt, endsAt: startsAt + hour, createdBy: 'U1', createdAt: clock.now() });
    const before = read();
    expect(before.maintenances[0]!.status).toBe('scheduled');
    clock.set(startsAt - 1);
    expect(read()).toBe(before);
    clock.set(startsAt);
    const started = read();
    expect(started.maintenances[0]!.status).toBe('in_progress');
    clock.set(startsAt + 9 * 60_000);
    expect(read()).toBe(started);
    clock.set(startsAt + 10 * 60_000);
    const nextQuarter = read();
    expect(nextQuarter).not.toBe(started);
    reload();
    expect(read()).not.toBe(nextQuarter);
  });
});
