import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import type { StatusPageSnapshot } from '../../../src/domain/communication/types.js';
import { statusPageRoutes } from '../../../src/http/status-page/routes.js';
import { isoTime, overallStatus, statuspageDocuments } from '../../../src/http/status-page/statuspage-json.js';
import { NOW, hour, inputWith, makeIncident, makeMaintenance, makeUpdate, minute, richInput } from '../../domain/communication/status-fixtures.js';
import { serveRoutes } from './serve-routes.js';
import { documentSchemas } from './statuspage-schemas.js';

const snapshot = buildStatusSnapshot(richInput());
const documentNames = Object.keys(documentSchemas) as (keyof typeof documentSchemas)[];

describe('Statuspage API v2 documents over HTTP', () => {
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  beforeAll(async () => {
    server = await serveRoutes(statusPageRoutes(() => snapshot, { now: () => NOW }));
  });
  afterAll(() => server.close());

  it('serves exactly the documents there are schemas for', () => {
    expect(Object.keys(statuspageDocuments).sort()).toEqual([...documentNames].sort());
  });

  it.each(documentNames)('/api/v2/%s matches Statuspage’s shape exactly', async (name) => {
    const response = await fetch(`${server.baseUrl}/api/v2/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body: unknown = await response.json();
    const parsed = documentSchemas[name].safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/PRIVATE|INTERNAL|inc_private/);
  });

  it.each(documentNames)('/api/v2/%s of an empty page matches too', async (name) => {
    const empty = await serveRoutes(statusPageRoutes(() => buildStatusSnapshot(inputWith()), { now: () => NOW }));
    try {
      const body: unknown = await (await fetch(`${empty.baseUrl}/api/v2/${name}`)).json();
      const parsed = documentSchemas[name].safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

describe('Statuspage documents: contents', () => {
  it('summary: all components, unresolved incidents, upcoming and running maintenance, the rolled-up status', () => {
    const summary = statuspageDocuments['summary.json'](snapshot);
    expect(summary.page).toEqual({
      id: 'acme',
      name: 'Acme Status',
      url: 'https://status.acme.test/status',
      time_zone: 'Europe/Berlin',
      updated_at: '2026-03-10T14:30:00.000+01:00',
    });
    expect(summary.components.map((c) => [c.id, c.status, c.position])).toEqual([
      ['payments', 'partial_outage', 1],
      ['checkout', 'under_maintenance', 2],
      ['dashboard', 'operational', 3],
    ]);
    expect(summary.incidents.map((i) => i.id)).toEqual(['inc_active']);
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([
      ['mnt_running', 'in_progress'],
      ['mnt_upcoming', 'scheduled'],
    ]);
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });

  it('an incident carries its public updates newest first, its components and a shortlink', () => {
    const [incident] = statuspageDocuments['incidents/unresolved.json'](snapshot).incidents;
    expect(incident).toMatchObject({
      id: 'inc_active',
      name: 'Partial outage: Payments API',
      status: 'identified',
      impact: 'major',
      created_at: isoTime(NOW - 2 * hour, 'Europe/Berlin'),
      started_at: '2026-03-10T13:00:00.000+01:00',
      monitoring_at: null,
      resolved_at: null,
      shortlink: 'https://status.acme.test/status#incident-inc_active',
      page_id: 'acme',
    });
    expect(incident?.incident_updates.map((u) => [u.status, u.body, u.display_at])).toEqual([
      ['identified', 'We found the cause and are rolling out a fix.', '2026-03-10T14:30:00.000+01:00'],
      ['investigating', 'Some card payments are failing. We are investigating.', '2026-03-10T13:10:00.000+01:00'],
    ]);
    expect(incident?.incident_updates[1]?.affected_components).toEqual([
      { code: 'payments', name: 'Payments API', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    expect(incident?.components.map((c) => c.id)).toEqual(['payments']);
  });

  it('a resolving update moves components back to operational', () => {
    const past = statuspageDocuments['incidents.json'](snapshot).incidents.find((i) => i.id === 'inc_last_week');
    expect(past?.status).toBe('resolved');
    expect(past?.incident_updates.map((u) => u.affected_components?.[0]?.new_status)).toEqual(['operational', 'degraded_performance']);
    expect(past?.resolved_at).toBe(past?.incident_updates[0]?.created_at);
  });

  it('maintenance: impact maintenance, the window, resolved_at once completed, newest scheduled first in the full list', () => {
    const completed = makeMaintenance({ id: 'mnt_done', startsAt: NOW - 5 * hour, endsAt: NOW - 3 * hour });
    const withDone = buildStatusSnapshot({ ...richInput(), maintenances: [...richInput().maintenances, completed] });
    const all = statuspageDocuments['scheduled-maintenances.json'](withDone).scheduled_maintenances;
    expect(all.map((m) => [m.id, m.status, m.impact])).toEqual([
      ['mnt_upcoming', 'scheduled', 'maintenance'],
      ['mnt_running', 'in_progress', 'maintenance'],
      ['mnt_done', 'completed', 'maintenance'],
    ]);
    expect(all[2]).toMatchObject({
      scheduled_for: isoTime(NOW - 5 * hour, 'Europe/Berlin'),
      scheduled_until: isoTime(NOW - 3 * hour, 'Europe/Berlin'),
      resolved_at: isoTime(NOW - 3 * hour, 'Europe/Berlin'),
    });
    expect(statuspageDocuments['scheduled-maintenances/upcoming.json'](withDone).scheduled_maintenances.map((m) => m.id)).toEqual(['mnt_upcoming']);
    expect(statuspageDocuments['scheduled-maintenances/active.json'](withDone).scheduled_maintenances.map((m) => m.id)).toEqual(['mnt_running']);
  });

  it('incidents.json lists at most 50', () => {
    const incidents = Array.from({ length: 60 }, (_, n) => makeIncident({ id: `inc_${n}`, declaredAt: NOW - (n + 1) * hour }));
    const many = buildStatusSnapshot(
      inputWith({ incidents, updates: incidents.map((i) => makeUpdate(i.id, 'resolved', i.declaredAt + minute, 'Fixed')) }),
    );
    const listed = statuspageDocuments['incidents.json'](many).incidents;
    expect(listed).toHaveLength(50);
    expect(listed[0]?.id).toBe('inc_0');
  });

  it('writes times with the page zone’s offset, UTC pages too', () => {
    expect(isoTime(Date.UTC(2026, 6, 1, 12), 'Europe/Berlin')).toBe('2026-07-01T14:00:00.000+02:00');
    expect(isoTime(Date.UTC(2026, 6, 1, 12), 'UTC')).toBe('2026-07-01T12:00:00.000Z');
    expect(isoTime(Date.UTC(2026, 6, 1, 12), 'Not/AZone')).toBe('2026-07-01T12:00:00.000Z');
  });
});

describe('overallStatus', () => {
  const component = (status: StatusPageSnapshot['components'][number]['status']) => ({
    id: status,
    name: status,
    description: null,
    status,
    position: 1,
    updatedAt: NOW,
  });
  const withComponents = (...statuses: StatusPageSnapshot['components'][number]['status'][]): StatusPageSnapshot => ({
    ...buildStatusSnapshot(inputWith()),
    components: statuses.map(component),
  });

  it.each([
    { statuses: [], indicator: 'none', description: 'All Systems Operational' },
    { statuses: ['operational'], indicator: 'none', description: 'All Systems Operational' },
    { statuses: ['operational', 'under_maintenance'], indicator: 'none', description: 'Service Under Maintenance' },
    { statuses: ['degraded_performance', 'under_maintenance'], indicator: 'minor', description: 'Minor Service Outage' },
    { statuses: ['partial_outage', 'degraded_performance'], indicator: 'major', description: 'Partial System Outage' },
    { statuses: ['major_outage', 'partial_outage'], indicator: 'critical', description: 'Major System Outage' },
  ] as const)('$statuses → $indicator', ({ statuses, indicator, description }) => {
    expect(overallStatus(withComponents(...statuses))).toEqual({ indicator, description });
  });

  it('an unresolved critical incident on no component still makes the page critical', () => {
    const page = buildStatusSnapshot(
      inputWith({ incidents: [makeIncident({ id: 'x', severity: 'SEV1', services: ['elsewhere'] })], updates: [makeUpdate('x', 'investigating', NOW - minute, 'Down')] }),
    );
    expect(overallStatus(page).indicator).toBe('critical');
  });
});

describe('the Statuspage schemas are strict', () => {
  const component = statuspageDocuments['components.json'](snapshot).components[0]!;
  it.each([
    { case: 'as served', value: component, valid: true },
    { case: 'an extra key', value: { ...component, uptime: 99.9 }, valid: false },
    { case: 'a missing key', value: (({ showcase: _, ...rest }) => rest)(component), valid: false },
    { case: 'an unknown status', value: { ...component, status: 'down' }, valid: false },
    { case: 'a time without offset', value: { ...component, updated_at: '2026-03-10T14:30:00' }, valid: false },
  ])('$case → valid: $valid', ({ value, valid }) => {
    expect(documentSchemas['components.json'].safeParse({ page: statuspageDocuments['components.json'](snapshot).page, components: [value] }).success).toBe(valid);
  });
});
