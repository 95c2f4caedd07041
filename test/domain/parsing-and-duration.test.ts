import { describe, expect, it } from 'vitest';
import { formatDuration, incidentDuration, incidentKey } from '../../src/domain/incident/incident.js';
import { parseRole, type Role } from '../../src/domain/incident/roles.js';
import { parseSeverity, type Severity } from '../../src/domain/incident/severity.js';
import { makeIncident, makeIncidentIn, T_CLOSED, T_DECLARED, T_NOW, T_RESOLVED } from './make-incident.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseSeverity', () => {
  it.each<[string, Severity | undefined]>([
    ['sev1', 'SEV1'],
    ['SEV2', 'SEV2'],
    ['Sev4', 'SEV4'],
    ['3', 'SEV3'],
    ['1', 'SEV1'],
    ['  sev2  ', 'SEV2'],
    [' 4 ', 'SEV4'],
    ['sev9', undefined],
    ['9', undefined],
    ['0', undefined],
    ['sev0', undefined],
    ['SEV10', undefined],
    ['10', undefined],
    ['sev 1', undefined],
    ['sev-1', undefined],
    ['critical', undefined],
    ['', undefined],
    ['   ', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseSeverity(input)).toBe(expected);
  });
});

describe('parseRole', () => {
  it.each<[string, Role | undefined]>([
    ['commander', 'commander'],
    ['ic', 'commander'],
    ['IC', 'commander'],
    ['  Ic ', 'commander'],
    ['incident-commander', 'commander'],
    ['comms', 'comms'],
    ['communications', 'comms'],
    ['Communications', 'comms'],
    ['comms-lead', 'comms'],
    ['scribe', 'scribe'],
    ['SCRIBE', 'scribe'],
    ['notes', 'scribe'],
    ['ops', 'ops'],
    ['operations', 'ops'],
    ['ops-lead', 'ops'],
    ['unknown', undefined],
    ['', undefined],
    ['commanders', undefined],
    ['ic comms', undefined],
    // lower-casing turns these into names Object.prototype does not have, so they are safe today
    ['toString', undefined],
    ['hasOwnProperty', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseRole(input)).toBe(expected);
  });

  // Names inherited from Object.prototype must not pass as roles.
  for (const input of ['constructor', 'Constructor', '__proto__', ' __PROTO__ ']) {
    it(`${JSON.stringify(input)} → undefined`, () => {
      expect(parseRole(input)).toBeUndefined();
    });
  }
});

describe('formatDuration', () => {
  it.each<[string, number, string]>([
    ['zero', 0, '0m'],
    ['59 seconds', 59 * SECOND, '0m'],
    ['exactly 1 minute', MINUTE, '1m'],
    ['59 min 59 s', 59 * MINUTE + 59 * SECOND, '59m'],
    ['exactly 1 hour', HOUR, '1h 0m'],
    ['61 minutes', 61 * MINUTE, '1h 1m'],
    ['23h 59m', 23 * HOUR + 59 * MINUTE, '23h 59m'],
    ['exactly 24 hours', DAY, '1d 0h'],
    ['25 hours', 25 * HOUR, '1d 1h'],
    ['25h 59m (minutes dropped once in days)', 25 * HOUR + 59 * MINUTE, '1d 1h'],
    ['3 days', 3 * DAY, '3d 0h'],
    ['3 days 5 hours', 3 * DAY + 5 * HOUR, '3d 5h'],
    ['negative (clock skew)', -5 * MINUTE, '0m'],
  ])('%s → %s', (_label, ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('incidentDuration', () => {
  it.each([
    {
      label: 'open (investigating): declared → now',
      incident: makeIncidentIn('investigating'),
      expected: T_NOW - T_DECLARED,
    },
    {
      label: 'open (monitoring): declared → now',
      incident: makeIncidentIn('monitoring'),
      expected: T_NOW - T_DECLARED,
    },
    {
      label: 'resolved: declared → resolvedAt, not now',
      incident: makeIncidentIn('resolved'),
      expected: T_RESOLVED - T_DECLARED,
    },
    {
      label: 'closed after resolution: declared → resolvedAt, not closedAt',
      incident: makeIncidentIn('closed'),
      expected: T_RESOLVED - T_DECLARED,
    },
    {
      label: 'cancelled (never resolved): declared → closedAt',
      incident: makeIncidentIn('cancelled'),
      expected: T_CLOSED - T_DECLARED,
    },
    {
      label: 'reopened (resolvedAt cleared): declared → now again',
      incident: makeIncident({ status: 'investigating', resolvedAt: null, closedAt: null }),
      expected: T_NOW - T_DECLARED,
    },
  ])('$label', ({ incident, expected }) => {
    expect(incidentDuration(incident, T_NOW)).toBe(expected);
  });

  it('an open incident grows with now; a resolved one does not', () => {
    const open = makeIncidentIn('identified');
    const resolved = makeIncidentIn('resolved');
    expect(incidentDuration(open, T_NOW + HOUR) - incidentDuration(open, T_NOW)).toBe(HOUR);
    expect(incidentDuration(resolved, T_NOW + HOUR)).toBe(incidentDuration(resolved, T_NOW));
  });

  it('formats a 90-minute resolved incident as 1h 30m', () => {
    expect(formatDuration(incidentDuration(makeIncidentIn('resolved'), T_NOW))).toBe('1h 30m');
  });
});

describe('incidentKey', () => {
  it.each([
    [1, 'INC-1'],
    [42, 'INC-42'],
  ])('#%i → %s', (number, expected) => {
    expect(incidentKey({ number })).toBe(expected);
  });
});
