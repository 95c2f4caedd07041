import { describe, expect, it } from 'vitest';
import { parseAlertmanagerApi } from '../../../src/http/alerts/formats/alertmanager-api.js';
import { parseWebhook } from '../../../src/http/alerts/formats/webhook.js';
import { readSentAlerts } from '../../../src/http/alerts/routes.js';

const now = Date.UTC(2026, 10, 28, 23, 43);

/** Alerts as senders write them: every label value text, times set, unset or Go's zero time. */
const plain = [
  { labels: { alertname: 'DiskSpaceLow', service: 'logs', severity: 'warning' }, annotations: { summary: 'disk 91% full' }, startsAt: '2026-11-28T23:40:00Z', generatorURL: 'http://prom/graph' },
  { labels: { alertname: 'Watchdog' } },
  { labels: { alertname: 'ConnTimeout', db_cluster: 'mysql-primary' }, startsAt: '2026-11-28T23:41:00.123+01:00', endsAt: '0001-01-01T00:00:00Z', extra: 'ignored' },
  { labels: { alertname: 'Résumé', team: 'zürich' }, annotations: {}, endsAt: '2026-11-28T23:42:00Z', startsAt: '' },
];

/** One alert the hand check leaves to the schema (a number as a label value): the whole batch then goes through it. */
const unusual = { labels: { alertname: 'Retries', attempt: 3 } };

describe('plain alerts, checked by hand', () => {
  it('come out of the API v2 parser exactly as the schema makes them', () => {
    const fast = parseAlertmanagerApi(plain, now);
    const schema = parseAlertmanagerApi([...plain, unusual], now);
    expect(fast.ok && schema.ok).toBe(true);
    if (!fast.ok || !schema.ok) return;
    expect(schema.alerts.at(-1)!.labels.attempt).toBe('3');
    expect(fast.alerts).toEqual(schema.alerts.slice(0, -1));
  });

  it('come out of the webhook parser exactly as the schema makes them', () => {
    const alerts = plain.map((alert, index) => ({ ...alert, status: index % 2 ? 'resolved' : 'firing', ...(index === 0 ? { fingerprint: 'abc' } : {}) }));
    const fast = parseWebhook({ status: 'firing', alerts }, now);
    const schema = parseWebhook({ status: 'firing', alerts: [...alerts, { ...unusual, status: 'firing' }] }, now);
    expect(fast.ok && schema.ok).toBe(true);
    if (!fast.ok || !schema.ok) return;
    expect(fast.alerts[0]!.fingerprint).toBe('abc');
    expect(fast.alerts).toEqual(schema.alerts.slice(0, -1));
  });

  it.each([
    ['an empty label name', [{ labels: { '': 'x' } }], '[0].labels'],
    ['a time that is not RFC 3339', [{ labels: { a: 'b' }, startsAt: 'yesterday' }], '[0].startsAt'],
    ['labels that are not an object', [{ labels: ['a'] }], '[0].labels'],
    ['an object where an array belongs', { labels: { a: 'b' } }, 'body'],
  ])('leave %s to the schema, which refuses it and says where', (_what, body, where) => {
    const parsed = parseAlertmanagerApi(body, now);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(where);
  });
});

describe('reading an accepted batch back when it is folded', () => {
  const body = JSON.stringify(plain);

  it('reads a plain body through its endpoint, as of when it arrived', () => {
    const errors: unknown[] = [];
    const read = readSentAlerts(() => 'service', (error) => errors.push(error));
    const direct = parseAlertmanagerApi(plain, now);
    expect(direct.ok).toBe(true);
    if (direct.ok) expect(read('prometheus', body, now)).toEqual(direct.alerts);
    expect(read('alertmanager', JSON.stringify({ alerts: [{ ...plain[0], status: 'resolved' }] }), now)[0]!.endsAt).toBe(now);
    expect(errors).toEqual([]);
  });

  it('passes over a batch that no longer reads, and reports it, rather than stop the inbox', () => {
    const errors: unknown[] = [];
    const read = readSentAlerts(() => 'service', (error) => errors.push(error));
    expect(read('prometheus', '{"not": "alerts"}', now)).toEqual([]);
    expect(read('carrier-pigeon', body, now)).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});
