import { describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import type { ComponentStatus, PublicIncidentStatus } from '../../../src/domain/communication/types.js';
import type { Severity } from '../../../src/domain/incident/severity.js';
import type { Status } from '../../../src/domain/incident/status.js';
import { deepFreeze } from '../make-incident.js';
import {
  NOW,
  day,
  hour,
  inputWith,
  makeIncident,
  makeMaintenance,
  makeUpdate,
  minute,
  richInput,
} from './status-fixtures.js';

const statusOf = (snapshot: ReturnType<typeof buildStatusSnapshot>, id: string) =>
  snapshot.components.find((component) => component.id === id)?.status;

describe('buildStatusSnapshot: what is public', () => {
  it('leaves a private incident out everywhere, and it changes no component', () => {
    const input = richInput();
    const snapshot = buildStatusSnapshot(input);
    const text = JSON.stringify(snapshot);
    expect(snapshot.incidents.map((incident) => incident.id)).not.toContain('inc_private');
    expect(text).not.toContain('inc_private');
    expect(text).not.toContain('PRIVATE');
    // Checkout is affected by the private SEV1 only; the running maintenance shows, not an outage.
    expect(statusOf(snapshot, 'checkout')).toBe('under_maintenance');
    const withoutPrivate = buildStatusSnapshot({ ...input, incidents: input.incidents.filter((i) => !i.isPrivate) });
    expect(snapshot).toEqual(withoutPrivate);
  });

  it('never shows internal titles, summaries, impact texts or update details', () => {
    const text = JSON.stringify(buildStatusSnapshot(richInput()));
    for (const internal of ['INTERNAL', 'Checkout API returns 500s', 'U_COMMS', 'U_IC']) {
      expect(text).not.toContain(internal);
    }
  });

  it.each([
    { case: 'public with a customer message', isPrivate: false, message: 'We are on it.', shown: true },
    { case: 'no customer message yet', isPrivate: false, message: null, shown: false },
    { case: 'blank customer message', isPrivate: false, message: '  ', shown: false },
    { case: 'private with a customer message', isPrivate: true, message: 'We are on it.', shown: false },
  ])('$case → shown: $shown', ({ isPrivate, message, shown }) => {
    const snapshot = buildStatusSnapshot(
      inputWith({
        incidents: [makeIncident({ id: 'inc', isPrivate, severity: 'SEV1', services: ['payments'] })],
        updates: [makeUpdate('inc', 'investigating', NOW - minute, message)],
      }),
    );
    expect(snapshot.incidents).toHaveLength(shown ? 1 : 0);
    expect(statusOf(snapshot, 'payments')).toBe(shown ? 'major_outage' : 'operational');
  });

  it('ignores updates posted after now', () => {
    const snapshot = buildStatusSnapshot(
      inputWith({
        incidents: [makeIncident({ id: 'inc', services: ['payments'] })],
        updates: [makeUpdate('inc', 'investigating', NOW + minute, 'Future message')],
      }),
    );
    expect(snapshot.incidents).toEqual([]);
  });
});

describe('buildStatusSnapshot: public incidents', () => {
  it.each<{ severity: Severity; services: string[]; name: string; impact: string }>([
    { severity: 'SEV1', services: ['payments', 'checkout'], name: 'Outage: Payments API, Checkout', impact: 'critical' },
    { severity: 'SEV2', services: ['checkout'], name: 'Partial outage: Checkout', impact: 'major' },
    { severity: 'SEV3', services: ['payments'], name: 'Degraded performance: Payments API', impact: 'minor' },
    { severity: 'SEV4', services: ['payments'], name: 'Degraded performance: Payments API', impact: 'none' },
    // configuration order, names matched regardless of case, free text dropped
    { severity: 'SEV1', services: ['CHECKOUT', 'payments api', 'the thing Bob runs'], name: 'Outage: Payments API, Checkout', impact: 'critical' },
    { severity: 'SEV2', services: ['something internal'], name: 'Partial outage', impact: 'major' },
    { severity: 'SEV3', services: [], name: 'Degraded performance', impact: 'minor' },
  ])('$severity on $services → "$name", impact $impact', ({ severity, services, name, impact }) => {
    const snapshot = buildStatusSnapshot(
      inputWith({
        incidents: [makeIncident({ id: 'inc', severity, services })],
        updates: [makeUpdate('inc', 'investigating', NOW - minute, 'Message')],
      }),
    );
    expect(snapshot.incidents[0]).toMatchObject({ name, impact });
  });

  it('names at most three services', () => {
    const many = [1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, name: `Service ${n}` }));
    const snapshot = buildStatusSnapshot(
      inputWith({
        services: many,
        incidents: [makeIncident({ id: 'inc', severity: 'SEV1', services: many.map((s) => s.id) })],
        updates: [makeUpdate('inc', 'investigating', NOW - minute, 'Message')],
      }),
    );
    expect(snapshot.incidents[0]?.name).toBe('Outage: Service 1, Service 2, Service 3 and 2 more');
  });

  it.each<{ case: string; history: [Status, string | null][]; status: PublicIncidentStatus; monitoring: number | null; resolved: number | null }>([
    { case: 'investigating', history: [['investigating', 'a']], status: 'investigating', monitoring: null, resolved: null },
    { case: 'latest public wins over a later internal one', history: [['identified', 'a'], ['monitoring', null]], status: 'identified', monitoring: null, resolved: null },
    { case: 'monitoring', history: [['investigating', 'a'], ['monitoring', 'b']], status: 'monitoring', monitoring: 1, resolved: null },
    { case: 'resolved', history: [['investigating', 'a'], ['monitoring', 'b'], ['resolved', 'c']], status: 'resolved', monitoring: 1, resolved: 2 },
    { case: 'resolved via closed', history: [['investigating', 'a'], ['closed', 'b']], status: 'resolved', monitoring: null, resolved: 1 },
    { case: 'resolved via cancelled', history: [['investigating', 'a'], ['cancelled', 'b']], status: 'resolved', monitoring: null, resolved: 1 },
    { case: 'resolved then closed keeps the first', history: [['investigating', 'a'], ['resolved', 'b'], ['closed', 'c']], status: 'resolved', monitoring: null, resolved: 1 },
    { case: 'reopened is not resolved', history: [['investigating', 'a'], ['resolved', 'b'], ['investigating', 'c']], status: 'investigating', monitoring: null, resolved: null },
    { case: 'reopened and resolved again', history: [['investigating', 'a'], ['resolved', 'b'], ['investigating', 'c'], ['resolved', 'd']], status: 'resolved', monitoring: null, resolved: 3 },
  ])('$case', ({ history, status, monitoring, resolved }) => {
    const at = (index: number) => NOW - hour + index * minute;
    const snapshot = buildStatusSnapshot(
      inputWith({
        incidents: [makeIncident({ id: 'inc', declaredAt: NOW - 2 * hour })],
        updates: history.map(([updateStatus, message], index) => makeUpdate('inc', updateStatus, at(index), message)),
      }),
    );
    const incident = snapshot.incidents[0]!;
    const publicTimes = history.flatMap(([, message], index) => (message === null ? [] : [at(index)]));
    expect(incident).toMatchObject({
      status,
      monitoringAt: monitoring === null ? null : at(monitoring),
      resolvedAt: resolved === null ? null : at(resolved),
      createdAt: NOW - 2 * hour,
      startedAt: NOW - 2 * hour,
      updatedAt: Math.max(...publicTimes),
    });
    expect(incident.updates.map((update) => update.createdAt)).toEqual(publicTimes.reverse());
    expect(incident.updates.every((update) => ['a', 'b', 'c', 'd'].includes(update.body))).toBe(true);
  });

  it.each([
    { case: 'resolved 89 days ago', declaredAgo: 89 * day, resolved: true, shown: true },
    { case: 'resolved, declared 91 days ago', declaredAgo: 91 * day, resolved: true, shown: false },
    { case: 'unresolved, declared 200 days ago', declaredAgo: 200 * day, resolved: false, shown: true },
    { case: 'declared exactly 90 days ago', declaredAgo: 90 * day, resolved: true, shown: true },
  ])('90-day cut-off: $case → shown: $shown', ({ declaredAgo, resolved, shown }) => {
    const declaredAt = NOW - declaredAgo;
    const snapshot = buildStatusSnapshot(
      inputWith({
        incidents: [makeIncident({ id: 'inc', declaredAt, services: ['payments'] })],
        updates: [
          makeUpdate('inc', 'investigating', declaredAt + minute, 'Down'),
          ...(resolved ? [makeUpdate('inc', 'resolved', declaredAt + hour, 'Up')] : []),
        ],
      }),
    );
    expect(snapshot.incidents.map((incident) => incident.id)).toEqual(shown ? ['inc'] : []);
  });

  it('lists incidents newest first', () => {
    const snapshot = buildStatusSnapshot(richInput());
    expect(snapshot.incidents.map((incident) => incident.id)).toEqual(['inc_active', 'inc_last_week']);
  });
});

describe('buildStatusSnapshot: component status', () => {
  const incident = (id: string, severity: Severity, services: string[], resolved = false) => ({
    incident: makeIncident({ id, severity, services, declaredAt: NOW - hour }),
    updates: [
      makeUpdate(id, 'investigating', NOW - 50 * minute, 'Down'),
      ...(resolved ? [makeUpdate(id, 'resolved', NOW - 10 * minute, 'Up')] : []),
    ],
  });
  const running = makeMaintenance({ id: 'mnt', services: ['payments'], startsAt: NOW - minute, endsAt: NOW + hour });

  it.each<{ case: string; incidents: ReturnType<typeof incident>[]; maintenances?: ReturnType<typeof makeMaintenance>[]; payments: ComponentStatus }>([
    { case: 'nothing → operational', incidents: [], payments: 'operational' },
    { case: 'SEV1 → major_outage', incidents: [incident('a', 'SEV1', ['payments'])], payments: 'major_outage' },
    { case: 'SEV2 → partial_outage', incidents: [incident('a', 'SEV2', ['payments'])], payments: 'partial_outage' },
    { case: 'SEV3 → degraded_performance', incidents: [incident('a', 'SEV3', ['payments'])], payments: 'degraded_performance' },
    { case: 'SEV4 → degraded_performance', incidents: [incident('a', 'SEV4', ['payments'])], payments: 'degraded_performance' },
    { case: 'worst wins (SEV3 + SEV1 + SEV2)', incidents: [incident('a', 'SEV3', ['payments']), incident('b', 'SEV1', ['payments']), incident('c', 'SEV2', ['payments'])], payments: 'major_outage' },
    { case: 'resolved incident does not count', incidents: [incident('a', 'SEV1', ['payments'], true), incident('b', 'SEV3', ['payments'])], payments: 'degraded_performance' },
    { case: 'matched by name, any case', incidents: [incident('a', 'SEV2', ['PAYMENTS api'])], payments: 'partial_outage' },
    { case: 'other service only', incidents: [incident('a', 'SEV1', ['checkout'])], payments: 'operational' },
    { case: 'maintenance running → under_maintenance', incidents: [], maintenances: [running], payments: 'under_maintenance' },
    { case: 'outage beats maintenance', incidents: [incident('a', 'SEV3', ['payments'])], maintenances: [running], payments: 'degraded_performance' },
    { case: 'cancelled maintenance', incidents: [], maintenances: [{ ...running, cancelledAt: NOW - day }], payments: 'operational' },
    { case: 'maintenance not started', incidents: [], maintenances: [{ ...running, startsAt: NOW + minute }], payments: 'operational' },
    { case: 'maintenance starts exactly now', incidents: [], maintenances: [{ ...running, startsAt: NOW }], payments: 'under_maintenance' },
    { case: 'maintenance ended exactly now', incidents: [], maintenances: [{ ...running, startsAt: NOW - hour, endsAt: NOW }], payments: 'operational' },
    { case: 'maintenance of another service', incidents: [], maintenances: [{ ...running, services: ['checkout'] }], payments: 'operational' },
  ])('$case', ({ incidents, maintenances = [], payments }) => {
    const snapshot = buildStatusSnapshot(
      inputWith({ incidents: incidents.map((i) => i.incident), updates: incidents.flatMap((i) => i.updates), maintenances }),
    );
    expect(statusOf(snapshot, 'payments')).toBe(payments);
  });

  it('lists every configured service in order with its description', () => {
    const snapshot = buildStatusSnapshot(richInput());
    expect(snapshot.components.map(({ id, name, description, position }) => ({ id, name, description, position }))).toEqual([
      { id: 'payments', name: 'Payments API', description: 'Card and wallet payments', position: 1 },
      { id: 'checkout', name: 'Checkout', description: null, position: 2 },
      { id: 'dashboard', name: 'Dashboard', description: null, position: 3 },
    ]);
  });

  it.each([
    { case: 'degraded since the first public update', component: 'payments', updatedAt: NOW - 2 * hour + 10 * minute },
    { case: 'under maintenance since it started', component: 'checkout', updatedAt: NOW - 30 * minute },
    { case: 'operational again since resolution', component: 'dashboard', updatedAt: NOW - 7 * day + 3 * hour },
  ])('updatedAt: $case', ({ component, updatedAt }) => {
    const snapshot = buildStatusSnapshot(richInput());
    expect(snapshot.components.find((c) => c.id === component)?.updatedAt).toBe(updatedAt);
  });

  it('updatedAt without any change in the window is the start of the window (UTC midnight 90 days ago)', () => {
    const snapshot = buildStatusSnapshot(inputWith());
    expect(snapshot.components[0]?.updatedAt).toBe(Date.UTC(2025, 11, 10));
    expect(snapshot.page.updatedAt).toBe(Date.UTC(2025, 11, 10));
  });

  it('a lesser incident ending under a worse one changes nothing', () => {
    const snapshot = buildStatusSnapshot(
      inputWith({
        incidents: [makeIncident({ id: 'big', severity: 'SEV1', services: ['payments'] }), makeIncident({ id: 'small', severity: 'SEV3', services: ['payments'] })],
        updates: [
          makeUpdate('small', 'investigating', NOW - 3 * hour, 'Slow'),
          makeUpdate('big', 'investigating', NOW - 2 * hour, 'Down'),
          makeUpdate('small', 'resolved', NOW - hour, 'Fast again'),
        ],
      }),
    );
    expect(snapshot.components[0]).toMatchObject({ status: 'major_outage', updatedAt: NOW - 2 * hour });
  });
});

describe('buildStatusSnapshot: maintenance', () => {
  it.each([
    { case: 'upcoming', startsIn: 2 * day, status: 'scheduled', phases: ['scheduled'] },
    { case: 'in progress', startsIn: -hour, status: 'in_progress', phases: ['in_progress', 'scheduled'] },
    { case: 'completed', startsIn: -5 * hour, status: 'completed', phases: ['completed', 'in_progress', 'scheduled'] },
  ])('$case → $status with one update per phase reached, newest first', ({ startsIn, status, phases }) => {
    const maintenance = makeMaintenance({ startsAt: NOW + startsIn, endsAt: NOW + startsIn + 2 * hour, createdAt: NOW - 3 * day });
    const [shown] = buildStatusSnapshot(inputWith({ maintenances: [maintenance] })).maintenances;
    expect(shown).toMatchObject({ status, name: 'Database upgrade', scheduledFor: maintenance.startsAt, scheduledUntil: maintenance.endsAt, componentIds: ['payments'] });
    expect(shown?.updates.map((update) => update.status)).toEqual(phases);
    const times = { scheduled: maintenance.createdAt, in_progress: maintenance.startsAt, completed: maintenance.endsAt };
    expect(shown?.updates.map((update) => update.createdAt)).toEqual(phases.map((phase) => times[phase as keyof typeof times]));
    expect(shown?.updates.at(-1)?.body).toBe(maintenance.message);
    expect(shown?.updatedAt).toBe(Math.max(...shown!.updates.map((update) => update.createdAt)));
  });

  it.each([
    { case: 'cancelled', overrides: { cancelledAt: NOW - hour }, shown: false },
    { case: 'ended 89 days ago', overrides: { startsAt: NOW - 89 * day - hour, endsAt: NOW - 89 * day }, shown: true },
    { case: 'ended 91 days ago', overrides: { startsAt: NOW - 91 * day - hour, endsAt: NOW - 91 * day }, shown: false },
    { case: 'a year ahead', overrides: { startsAt: NOW + 365 * day, endsAt: NOW + 365 * day + hour }, shown: true },
  ])('$case → shown: $shown', ({ overrides, shown }) => {
    const snapshot = buildStatusSnapshot(inputWith({ maintenances: [makeMaintenance({ createdAt: NOW - 100 * day, ...overrides })] }));
    expect(snapshot.maintenances).toHaveLength(shown ? 1 : 0);
  });

  it('lists maintenance soonest first', () => {
    const snapshot = buildStatusSnapshot(richInput());
    expect(snapshot.maintenances.map((maintenance) => maintenance.id)).toEqual(['mnt_running', 'mnt_upcoming']);
  });
});

describe('buildStatusSnapshot: purity', () => {
  it('does not change its input and gives the same snapshot twice', () => {
    const input = deepFreeze(richInput());
    expect(buildStatusSnapshot(input)).toEqual(buildStatusSnapshot(input));
  });

  it('page carries its settings and the latest change', () => {
    const snapshot = buildStatusSnapshot(richInput());
    expect(snapshot.page).toEqual({
      id: 'acme',
      name: 'Acme Status',
      url: 'https://status.acme.test/status',
      timeZone: 'Europe/Berlin',
      updatedAt: NOW - 30 * minute,
    });
  });
});
