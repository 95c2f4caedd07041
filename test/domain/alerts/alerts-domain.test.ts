import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { foldSighting } from '../../../src/domain/alerts/fold.js';
import { holdFor, openAt, type HoldingWindow } from '../../../src/domain/alerts/hold.js';
import { alertClassOf, dependenciesOf, serviceOf } from '../../../src/domain/alerts/route.js';
import type { StoredAlert } from '../../../src/domain/alerts/alert.js';
import { parseIncidentConfig } from '../../../src/config/incident-config-file.js';
import { alertsConfigYaml } from '../../support/alerts-config.js';

const config = parseIncidentConfig(alertsConfigYaml());
const now = Date.UTC(2026, 10, 28, 23, 0);
const dbWindow: HoldingWindow = { id: 'CHG-1', title: 'MySQL upgrade', services: ['db'], startsAt: now - 3_600_000, endsAt: now + 3_600_000 };

describe('fingerprintOf', () => {
  it('is FNV-1a 64 of the sorted labels: the empty set is the offset basis, order does not matter, values do', () => {
    expect(fingerprintOf({})).toBe('cbf29ce484222325');
    expect(fingerprintOf({ a: '1', b: '2' })).toBe(fingerprintOf({ b: '2', a: '1' }));
    expect(fingerprintOf({ a: '1', b: '2' })).not.toBe(fingerprintOf({ a: '1', b: '3' }));
    // The separator keeps name/value boundaries apart.
    expect(fingerprintOf({ ab: 'c' })).not.toBe(fingerprintOf({ a: 'bc' }));
    expect(fingerprintOf({ alertname: 'x' })).toMatch(/^[0-9a-f]{16}$/);
  });

  it('matches a plain BigInt FNV-1a 64 on label sets with multi-byte text', () => {
    const reference = (labels: Record<string, string>) => {
      let hash = 0xcbf29ce484222325n;
      const add = (byte: number) => {
        hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      };
      for (const name of Object.keys(labels).sort()) {
        for (const byte of Buffer.from(name)) add(byte);
        add(0xff);
        for (const byte of Buffer.from(labels[name]!)) add(byte);
        add(0xff);
      }
      return hash.toString(16).padStart(16, '0');
    };
    for (const labels of [{ a: '' } as Record<string, string>, { alertname: 'DiskFull', instance: 'host-1:9100', zone: 'zürich' }, { x: '∑'.repeat(50), y: 'y' }]) {
      expect(fingerprintOf(labels)).toBe(reference(labels));
    }
  });
});

describe('routing', () => {
  it.each([
    [{ service: 'payments' }, 'payments'],
    [{ service: 'checkout-api', db_cluster: 'mysql-primary' }, 'checkout-api'],
    [{ db_cluster: 'mysql-primary' }, 'db'],
    [{ service: 'nope' }, undefined],
    [{ db_cluster: 'mysql-replica' }, undefined],
  ])('%o belongs to %s', (labels, service) => {
    expect(serviceOf(config, labels)?.id).toBe(service);
  });

  it.each([
    ['critical', 'critical'],
    ['CRITICAL', 'critical'],
    ['warning', 'warning'],
    ['', 'warning'],
    ['info', 'info'],
    ['none', 'info'],
  ])('severity %s is %s', (severity, expected) => {
    expect(alertClassOf(config.alerts, severity ? { severity } : {})).toBe(expected);
  });

  it('follows dependencies transitively', () => {
    expect([...dependenciesOf(config, 'cdn')].sort()).toEqual(['checkout-api', 'db', 'edge-lb', 'orders-api']);
    expect([...dependenciesOf(config, 'search')]).toEqual([]);
  });
});

describe('holdFor: what a maintenance of the database explains', () => {
  it.each<[string, { service: string | null; labels: Record<string, string>; alertClass: 'critical' | 'warning' | 'info' }, string | undefined]>([
    ['an alert on the database itself', { service: 'db', labels: {}, alertClass: 'critical' }, 'maintenance'],
    ['a critical timeout on a dependant that names the cluster', { service: 'checkout-api', labels: { db_cluster: 'mysql-primary' }, alertClass: 'critical' }, 'maintenance'],
    ['a warning on a dependant', { service: 'orders-api', labels: {}, alertClass: 'warning' }, 'dependency'],
    ['a warning two hops away', { service: 'cdn', labels: {}, alertClass: 'warning' }, 'dependency'],
    ['a critical on a dependant that names no maintained component', { service: 'payments', labels: {}, alertClass: 'critical' }, undefined],
    ['a warning on an unrelated service', { service: 'search', labels: {}, alertClass: 'warning' }, undefined],
    ['a warning of no known service', { service: null, labels: {}, alertClass: 'warning' }, undefined],
  ])('%s → %s', (_name, alert, reason) => {
    expect(holdFor(config, alert, [dbWindow])?.reason).toBe(reason);
  });

  it('holds nothing outside the window', () => {
    expect(openAt([dbWindow], dbWindow.endsAt)).toEqual([]);
    expect(openAt([dbWindow], dbWindow.startsAt)).toEqual([dbWindow]);
  });
});

describe('foldSighting', () => {
  const incoming = { fingerprint: 'f', labels: {}, annotations: {}, startsAt: now, generatorUrl: null };
  const stored = (changes: number[], status: 'firing' | 'resolved'): StoredAlert =>
    ({ status, changes }) as unknown as StoredAlert;

  it.each<[string, number | null, 'firing' | 'resolved', number]>([
    ['no endsAt: firing until resolve_timeout', null, 'firing', now + 300_000],
    ['endsAt in the future: firing until then', now + 60_000, 'firing', now + 60_000],
    ['endsAt now: resolved', now, 'resolved', now],
    ['endsAt in the past: resolved', now - 1, 'resolved', now - 1],
  ])('%s', (_name, endsAt, status, expiresAt) => {
    expect(foldSighting(undefined, { ...incoming, endsAt }, now, config.alerts)).toMatchObject({ status, expiresAt, changed: true, flapping: false });
  });

  it('counts status changes inside the window and calls the fourth one flapping', () => {
    const three = [now - 180_000, now - 120_000, now - 60_000];
    expect(foldSighting(stored(three, 'resolved'), { ...incoming, endsAt: null }, now, config.alerts)).toMatchObject({ changed: true, flapping: true });
    expect(foldSighting(stored(three, 'firing'), { ...incoming, endsAt: null }, now, config.alerts)).toMatchObject({ changed: false, flapping: false });
    // Changes older than the window no longer count: it has settled.
    expect(foldSighting(stored([now - 900_000, now - 800_000, now - 700_000], 'resolved'), { ...incoming, endsAt: null }, now, config.alerts).flapping).toBe(false);
  });

  it('divides the timings by speedup', () => {
    const fast = { ...config.alerts, speedup: 60 };
    expect(foldSighting(undefined, { ...incoming, endsAt: null }, now, fast).expiresAt).toBe(now + 5_000);
  });
});
