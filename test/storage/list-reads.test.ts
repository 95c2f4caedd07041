import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewIncident } from '../../src/app/incident/ports.js';
import type { Severity } from '../../src/domain/incident/severity.js';
import { transition } from '../../src/domain/incident/transition.js';
import { createEscalationRepository } from '../../src/storage/escalation-repository.js';
import { createIncidentRepository } from '../../src/storage/incident-repository.js';
import { sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

const t0 = Date.UTC(2026, 0, 1);
let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const declare = (incidents: ReturnType<typeof createIncidentRepository>, at: number, overrides: Partial<NewIncident> & { severity: Severity }) =>
  incidents.create({ title: 't', summary: '', impact: '', services: [], isPrivate: false, reporterId: 'U_REPORTER', commanderId: null, ...overrides }, at);

describe('listOpenVisible', () => {
  it('most severe first, then oldest; closed ones and other people’s private ones left out; limited, with the full count', () => {
    const incidents = createIncidentRepository(database.db, sequentialIds());
    const sev3Old = declare(incidents, t0, { severity: 'SEV3' });
    const sev1New = declare(incidents, t0 + 3, { severity: 'SEV1' });
    const sev1Old = declare(incidents, t0 + 1, { severity: 'SEV1' });
    const closed = declare(incidents, t0 + 2, { severity: 'SEV1' });
    for (const command of [{ type: 'set_status', to: 'resolved' }, { type: 'set_status', to: 'closed' }] as const) {
      const result = transition(incidents.findById(closed.id)!, { ...command, actorId: 'U1' }, t0 + 10);
      if (!result.ok) throw new Error(result.error.message);
      incidents.save(result.incident, result.events);
    }
    const secretReported = declare(incidents, t0 + 4, { severity: 'SEV2', isPrivate: true, reporterId: 'U_ME' });
    const secretCommanded = declare(incidents, t0 + 5, { severity: 'SEV2', isPrivate: true, commanderId: 'U_ME' });
    declare(incidents, t0 + 6, { severity: 'SEV2', isPrivate: true });

    const ids = (page: { incidents: { id: string }[] }) => page.incidents.map((incident) => incident.id);
    expect(ids(incidents.listOpenVisible('U_ME', 10, 'active'))).toEqual([sev1Old.id, sev1New.id, secretReported.id, secretCommanded.id, sev3Old.id]);
    expect(incidents.listOpenVisible('U_ME', 10, 'active').total).toBe(5);
    expect(ids(incidents.listOpenVisible('U_OTHER', 10, 'active'))).toEqual([sev1Old.id, sev1New.id, sev3Old.id]);
    const page = incidents.listOpenVisible('U_ME', 2, 'active');
    expect(ids(page)).toEqual([sev1Old.id, sev1New.id]);
    expect(page.total).toBe(5);
    expect(page.incidents[0]!.roles).toEqual({});
    expect(incidents.listOpenVisible('U_ME', 10, 'active').incidents.find((incident) => incident.id === secretCommanded.id)!.roles).toEqual({ commander: 'U_ME' });
  });

  it('findByIds reads many incidents at once, more than SQLite takes in one statement, ignoring unknown ids', () => {
    const incidents = createIncidentRepository(database.db, sequentialIds());
    const created = Array.from({ length: 1_200 }, (_, i) => declare(incidents, t0 + i, { severity: 'SEV3', commanderId: `U${i}` }));
    const found = incidents.findByIds([...created.map((incident) => incident.id), 'nope', created[0]!.id]);
    expect(found.map((incident) => incident.id).sort()).toEqual(created.map((incident) => incident.id).sort());
    expect(found.find((incident) => incident.id === created[700]!.id)!.roles).toEqual({ commander: 'U700' });
  });
});

describe('listAcknowledgedForIncidents', () => {
  it('reads the acknowledged escalations of many incidents at once, and only those', () => {
    const newId = sequentialIds();
    const incidents = createIncidentRepository(database.db, newId);
    const escalations = createEscalationRepository(database.db, newId);
    const created = Array.from({ length: 700 }, (_, i) => declare(incidents, t0 + i, { severity: 'SEV2' }));
    for (const [i, incident] of created.entries()) {
      const escalation = escalations.create({ incidentId: incident.id, policyId: null, targetKind: 'service', targetId: 'api', requestedBy: 'U1', startedAt: t0 + i });
      if (i % 2 === 0) escalations.update({ ...escalation, status: 'acknowledged', acknowledgedBy: 'U2', acknowledgedAt: t0 + i + 60_000 });
    }
    const acknowledged = escalations.listAcknowledgedForIncidents(created.map((incident) => incident.id));
    expect(acknowledged).toHaveLength(350);
    expect(new Set(acknowledged.map((escalation) => escalation.incidentId))).toEqual(new Set(created.filter((_, i) => i % 2 === 0).map((incident) => incident.id)));
  });
});
