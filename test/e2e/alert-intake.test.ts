import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock } from '../support/clock.js';
import { fingerprintOf } from '../../src/domain/alerts/fingerprint.js';
import { addAlertWorkspace, alertsConfigYaml, alertTokens } from '../support/alerts-config.js';

let harness: Harness;
const clock = fixedClock(Date.UTC(2026, 10, 28, 22, 0));

beforeAll(async () => {
  harness = await startHarness({ clock, configYaml: alertsConfigYaml(), env: { ...alertTokens } });
  addAlertWorkspace(harness.slack);
});
afterAll(() => harness.close());

const post = (path: string, body: unknown, token?: string, raw?: string) =>
  fetch(`${harness.bot.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });

/** Alerts folded so far: a 202 means accepted into the inbox; the inbox folder folds them after. */
const stored = async () => {
  await harness.bot.idle();
  return harness.bot.deps.alerts.count();
};

const labels = (alertname: string) => ({ alertname, service: 'search', severity: 'warning', instance: 'search-1' });
const startsAt = new Date(clock.now()).toISOString();

/** A valid body of each format, and the token its sources hold. */
const formats = [
  { path: '/api/v2/alerts', token: alertTokens.PROMETHEUS_ALERTS_TOKEN, body: (name: string) => [{ labels: labels(name), startsAt }], malformed: { labels: labels('x') }, reason: 'must be a JSON array of alerts' },
  {
    path: '/alerts/alertmanager',
    token: alertTokens.ALERTMANAGER_TOKEN,
    body: (name: string) => ({ version: '4', groupKey: '{}:{}', truncatedAlerts: 0, status: 'firing', alerts: [{ status: 'firing', labels: labels(name), annotations: {}, startsAt, endsAt: '0001-01-01T00:00:00Z', fingerprint: `am-${name}` }] }),
    malformed: [{ labels: labels('x') }],
    reason: 'must be a JSON object with alerts[]',
  },
  {
    path: '/alerts/grafana',
    token: alertTokens.GRAFANA_ALERTS_TOKEN,
    body: (name: string) => ({ receiver: 'bot', status: 'firing', orgId: 1, alerts: [{ status: 'firing', labels: labels(name), startsAt, endsAt: '0001-01-01T00:00:00Z', fingerprint: `gf-${name}`, values: { B: 1 } }] }),
    malformed: { alerts: [{ status: 'burning', labels: labels('x') }] },
    reason: 'alerts[0].status: must be firing or resolved',
  },
  {
    path: '/alerts/pagerduty',
    token: undefined,
    body: (name: string) => ({ routing_key: alertTokens.PAGERDUTY_ROUTING_KEY, event_action: 'trigger', dedup_key: name, payload: { summary: name, source: 'search-1', severity: 'warning', component: 'search', class: name } }),
    malformed: { routing_key: alertTokens.PAGERDUTY_ROUTING_KEY, event_action: 'explode', payload: {} },
    reason: 'event_action: must be trigger, acknowledge or resolve',
  },
  { path: '/alerts/generic', token: alertTokens.GENERIC_ALERTS_TOKEN, body: (name: string) => ({ name, service: 'search', summary: name }), malformed: { alerts: {} }, reason: 'must be' },
] as const;

describe('alert intake over HTTP', () => {
  it.each(formats)('$path: 202 stores the alert; no token, a wrong one or another source type\'s is 401 and stores nothing', async (format) => {
    const before = await stored();
    const wrongType = format.path === '/api/v2/alerts' ? alertTokens.GENERIC_ALERTS_TOKEN : alertTokens.PROMETHEUS_ALERTS_TOKEN;
    const refusedBody = (body: unknown) =>
      format.path === '/alerts/pagerduty' ? { ...(body as object), routing_key: wrongType } : body;
    for (const token of [undefined, 'not-a-token', wrongType]) {
      const response = await post(format.path, refusedBody(format.body(`Refused${token ?? ''}`)), token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ status: 'error' });
    }
    expect(await stored()).toBe(before);

    const accepted = await post(format.path, format.body(`Accepted${format.path.replace(/\W/g, '')}`), format.token);
    expect(accepted.status).toBe(202);
    // Alertmanager's API answers with no body, and so does ours; the webhooks say what was accepted.
    const answer = await accepted.text();
    if (format.path === '/api/v2/alerts') expect(answer).toBe('');
    else expect(JSON.parse(answer)).toMatchObject({ status: 'success' });
    expect(await stored()).toBe(before + 1);
  });

  it.each(formats)('$path: a malformed body is 400 with the reason, and stores nothing', async (format) => {
    const before = await stored();
    const response = await post(format.path, format.malformed, format.token);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain(format.reason);
    const notJson = await post(format.path, undefined, format.token, format.path === '/alerts/pagerduty' ? `{"routing_key":"${alertTokens.PAGERDUTY_ROUTING_KEY}",` : '[{');
    // Without valid JSON a PagerDuty sender's key cannot be read: that is a 401, not a 400.
    expect(notJson.status).toBe(format.path === '/alerts/pagerduty' ? 401 : 400);
    expect(await stored()).toBe(before);
  });

  it('refuses an oversized body with 413', async () => {
    const huge = JSON.stringify([{ labels: { alertname: 'x'.repeat(5 * 1024 * 1024) } }]);
    const response = await post('/api/v2/alerts', undefined, alertTokens.PROMETHEUS_ALERTS_TOKEN, huge);
    expect(response.status).toBe(413);
  });

  it('folds repeats into one alert with a count, and resolves on an endsAt in the past', async () => {
    const alert = { labels: { alertname: 'SearchSlow', service: 'search', severity: 'warning', instance: 'search-2' }, startsAt };
    for (let i = 0; i < 3; i += 1) expect((await post('/api/v2/alerts', [alert], alertTokens.PROMETHEUS_ALERTS_TOKEN)).status).toBe(202);
    const before = await stored();
    await post('/api/v2/alerts', [{ ...alert, endsAt: new Date(clock.now() - 1000).toISOString() }], alertTokens.PROMETHEUS_ALERTS_TOKEN);
    expect(await stored()).toBe(before);
    expect(harness.bot.deps.alerts.find(fingerprintOf(alert.labels))).toMatchObject({ receivedCount: 4, status: 'resolved', disposition: 'grouped' });
  });
});
