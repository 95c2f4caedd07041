import type { Incident } from '../../src/domain/incident/incident.js';
import type { Status } from '../../src/domain/incident/status.js';

/** Fixed clock values (UTC ms) so expectations never depend on the real time. */
export const T_DECLARED = Date.UTC(2024, 0, 15, 9, 0, 0);
export const T_UPDATED = T_DECLARED + 5 * 60_000;
export const T_RESOLVED = T_DECLARED + 90 * 60_000;
export const T_CLOSED = T_DECLARED + 3 * 24 * 3_600_000;
export const T_NOW = T_DECLARED + 4 * 24 * 3_600_000;

/** A plain, fully populated incident; override any field. */
export const makeIncident = (overrides: Partial<Incident> = {}): Incident => ({
  id: 'inc_01',
  number: 42,
  title: 'Checkout API returns 500s',
  severity: 'SEV2',
  status: 'investigating',
  summary: 'Payments failing for EU customers',
  impact: 'About 30% of checkouts fail',
  services: ['checkout', 'payments'],
  isPrivate: false,
  isDrill: false,
  reporterId: 'U_REPORTER',
  roles: { commander: 'U_IC' },
  channelId: 'C_INC42',
  channelName: 'inc-42-checkout-api-returns-500s',
  cardTs: '1705309200.000100',
  announcementChannelId: 'C_ANNOUNCE',
  announcementTs: '1705309200.000200',
  latestUpdate: { text: 'Rolling back deploy', at: T_UPDATED, by: 'U_IC' },
  declaredAt: T_DECLARED,
  updatedAt: T_UPDATED,
  resolvedAt: null,
  closedAt: null,
  ...overrides,
});

/** An incident in `status` with the timestamps such an incident really has. */
export const makeIncidentIn = (status: Status, overrides: Partial<Incident> = {}): Incident =>
  makeIncident({
    status,
    resolvedAt: status === 'resolved' || status === 'closed' ? T_RESOLVED : null,
    closedAt: status === 'closed' || status === 'cancelled' ? T_CLOSED : null,
    ...overrides,
  });

/** Recursively freezes a value so any mutation by the code under test throws (ESM is strict mode). */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
};
