import { describe, expect, it } from 'vitest';
import { checkAlertSecrets } from '../../src/config/alert-secrets.js';
import { ConfigError } from '../../src/config/env.js';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { configRefusal } from '../support/config-refusal.js';

const good = 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[$window]))';
const total = 'sum(rate(http_requests_total{service="checkout"}[$window]))';
const file = (slo: string, prometheus = 'prometheus: { url: "http://prometheus:9090/" }') => `
services: [{ id: checkout-api }]
${prometheus}
slos:
  - ${slo}
`;
const sloLine = (extra = '') => `{ id: checkout-availability, service: checkout-api, objective: 99.9, good: '${good}', total: '${total}'${extra} }`;

const refusal = configRefusal;

describe('SLOs in the configuration file', () => {
  it('reads an SLO with a 28-day window and a 10 s query timeout unless told otherwise', () => {
    const config = parseIncidentConfig(file(sloLine()));
    expect(config.prometheus).toEqual({ url: 'http://prometheus:9090', timeoutMs: 10_000, evaluateEveryMs: 60_000, tokenEnv: null });
    expect(config.slos).toEqual([{ id: 'checkout-availability', service: 'checkout-api', objective: 99.9, windowMs: 28 * 86_400_000, good, total }]);
  });

  it('reads a window and a timeout of its own', () => {
    const config = parseIncidentConfig(file(sloLine(', window: 7d'), 'prometheus: { url: "https://prom.example.com", timeout: 3s, evaluate_every: 30s, token_env: PROMETHEUS_TOKEN }'));
    expect(config.slos[0]!.windowMs).toBe(7 * 86_400_000);
    expect(config.prometheus).toEqual({ url: 'https://prom.example.com', timeoutMs: 3_000, evaluateEveryMs: 30_000, tokenEnv: 'PROMETHEUS_TOKEN' });
    // Its variable must be set to start, like every token_env.
    expect(() => checkAlertSecrets(config, {})).toThrow(new ConfigError("PROMETHEUS_TOKEN is not set: prometheus.token_env names it for the SLOs' queries"));
    expect(() => checkAlertSecrets(config, { PROMETHEUS_TOKEN: 'x' })).not.toThrow();
  });

  it.each([
    ['an objective of 100 (no budget at all)', sloLine().replace('99.9', '100'), 'slos[0].objective: must be a percentage above 0 and below 100, such as 99.9'],
    ['an objective given as a share', sloLine().replace('99.9', '"99.9%"'), 'slos[0].objective: must be a percentage above 0 and below 100, such as 99.9'],
    ['a query without $window', sloLine().replace(`good: '${good}'`, "good: 'sum(up)'"), 'slos[0].good: must contain $window where the range goes, such as rate(http_requests_total[$window])'],
    ['an unknown service', sloLine().replace('service: checkout-api', 'service: checkout'), 'slos[0].service: no service with id checkout (services: checkout-api)'],
    ['a bad window', sloLine(', window: 4 weeks'), 'slos[0].window: must be a duration such as 30s, 5m, 1h, 1d or 1w'],
  ])('refuses %s, naming the field', (_name, slo, line) => {
    expect(refusal(file(slo))).toEqual([line]);
  });

  it('refuses SLOs without a Prometheus to read them from, and a URL that is not one', () => {
    expect(refusal(file(sloLine(), ''))).toEqual(['prometheus: is needed by slos: the url of the Prometheus server their queries are read from']);
    expect(refusal(file(sloLine(), 'prometheus: { url: "prometheus:9090" }'))).toEqual(['prometheus.url: must be the http(s) URL of a Prometheus server, such as http://prometheus:9090']);
  });

  it('refuses two SLOs with one id', () => {
    expect(refusal(`${file(sloLine())}  - ${sloLine()}\n`)).toEqual(['slos[1].id: duplicate id checkout-availability (also slos[0])']);
  });

  it('keeps the source id slo for the burn-rate alerts', () => {
    expect(refusal('alerts:\n  sources: [{ id: slo, type: generic, token_env: SLO_TOKEN }]\n')).toEqual([
      "alerts.sources[0].id: slo is the source of the SLOs' own burn-rate alerts: choose another id",
    ]);
  });
});
