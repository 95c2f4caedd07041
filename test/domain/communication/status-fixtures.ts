import type { IncidentUpdate, Maintenance } from '../../../src/domain/communication/types.js';
import type { StatusSnapshotInput } from '../../../src/domain/communication/status-snapshot.js';
import type { Status } from '../../../src/domain/incident/status.js';
import { makeIncident } from '../make-incident.js';

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

/** Fixed "now" for every status page test: Tuesday 2026-03-10 14:00 UTC. */
export const NOW = Date.UTC(2026, 2, 10, 14, 0, 0);

export const services: StatusSnapshotInput['services'] = [
  { id: 'payments', name: 'Payments API', description: 'Card and wallet payments' },
  { id: 'checkout', name: 'Checkout' },
  { id: 'dashboard', name: 'Dashboard', description: null },
];

export const page: StatusSnapshotInput['page'] = {
  id: 'acme',
  name: 'Acme Status',
  url: 'https://status.acme.test/status',
  timeZone: 'Europe/Berlin',
};

let updateNumber = 0;
/** An update to `incidentId`; public when `customerMessage` is given. */
export const makeUpdate = (
  incidentId: string,
  status: Status,
  postedAt: number,
  customerMessage: string | null,
  overrides: Partial<IncidentUpdate> = {},
): IncidentUpdate => ({
  id: `upd_${incidentId}_${(updateNumber += 1)}`,
  incidentId,
  status,
  whatChanged: `INTERNAL what changed ${incidentId}`,
  impact: `INTERNAL impact ${incidentId}`,
  nextSteps: `INTERNAL next steps ${incidentId}`,
  nextUpdateAt: null,
  customerMessage,
  postedBy: 'U_COMMS',
  postedAt,
  ...overrides,
});

export const makeMaintenance = (overrides: Partial<Maintenance> = {}): Maintenance => ({
  id: 'mnt_1',
  title: 'Database upgrade',
  message: 'We are upgrading the payments database. Payments may be slow for a few minutes.',
  services: ['payments'],
  startsAt: NOW + 2 * day,
  endsAt: NOW + 2 * day + 2 * hour,
  createdBy: 'U_OPS',
  createdAt: NOW - day,
  cancelledAt: null,
  ...overrides,
});

export { makeIncident };

export const inputWith = (overrides: Partial<StatusSnapshotInput> = {}): StatusSnapshotInput => ({
  now: NOW,
  page,
  services,
  incidents: [],
  updates: [],
  maintenances: [],
  ...overrides,
});

/**
 * A page with a bit of everything: an active public SEV2 on payments, a private SEV1 on checkout
 * whose words must never leak, a public incident resolved last week, one resolved by closing four
 * months ago, an upcoming and a running maintenance window.
 */
export const richInput = (): StatusSnapshotInput => {
  const active = makeIncident({
    id: 'inc_active',
    number: 101,
    title: 'INTERNAL TITLE payments db failover',
    summary: 'INTERNAL SUMMARY replica lag',
    impact: 'INTERNAL IMPACT 30% of EU cards',
    severity: 'SEV2',
    status: 'identified',
    services: ['payments'],
    declaredAt: NOW - 2 * hour,
  });
  const secret = makeIncident({
    id: 'inc_private',
    number: 102,
    title: 'PRIVATE TITLE security investigation',
    summary: 'PRIVATE SUMMARY',
    impact: 'PRIVATE IMPACT',
    severity: 'SEV1',
    status: 'investigating',
    services: ['checkout'],
    isPrivate: true,
    declaredAt: NOW - hour,
  });
  const lastWeek = makeIncident({
    id: 'inc_last_week',
    number: 90,
    title: 'INTERNAL TITLE dashboard slow',
    severity: 'SEV3',
    status: 'closed',
    services: ['Dashboard'],
    declaredAt: NOW - 7 * day,
    resolvedAt: NOW - 7 * day + 3 * hour,
    closedAt: NOW - 5 * day,
  });
  const old = makeIncident({
    id: 'inc_old',
    number: 10,
    title: 'INTERNAL TITLE old',
    severity: 'SEV1',
    status: 'closed',
    services: ['checkout'],
    declaredAt: NOW - 120 * day,
  });
  return inputWith({
    incidents: [old, lastWeek, secret, active],
    updates: [
      makeUpdate('inc_active', 'investigating', NOW - 2 * hour + 10 * minute, 'Some card payments are failing. We are investigating.'),
      makeUpdate('inc_active', 'identified', NOW - hour, null),
      makeUpdate('inc_active', 'identified', NOW - 30 * minute, 'We found the cause and are rolling out a fix.'),
      makeUpdate('inc_private', 'investigating', NOW - 50 * minute, 'PRIVATE CUSTOMER MESSAGE leaked?'),
      makeUpdate('inc_last_week', 'investigating', NOW - 7 * day + 5 * minute, 'The dashboard is loading slowly.'),
      makeUpdate('inc_last_week', 'resolved', NOW - 7 * day + 3 * hour, 'The dashboard is fast again.'),
      makeUpdate('inc_old', 'investigating', NOW - 120 * day + 5 * minute, 'Checkout is down.'),
      makeUpdate('inc_old', 'closed', NOW - 119 * day, 'Checkout works again.'),
    ],
    maintenances: [
      makeMaintenance({ id: 'mnt_upcoming' }),
      makeMaintenance({
        id: 'mnt_running',
        title: 'Checkout network maintenance',
        message: 'Network maintenance on checkout; brief interruptions are possible.',
        services: ['checkout'],
        startsAt: NOW - 30 * minute,
        endsAt: NOW + 30 * minute,
        createdAt: NOW - 3 * day,
      }),
    ],
  });
};
