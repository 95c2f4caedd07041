import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIncidentConfig, parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { ConfigError } from '../../src/config/env.js';
import { openSloFile } from '../support/openslo.js';

const base = (extra = '') => `
services: [{ id: checkout-api }, { id: payments }]
prometheus: { url: "http://prometheus:9090" }
${extra}`;

/** The configuration with these OpenSLO files beside it. */
const withFiles = (files: Record<string, string>, extra = `openslo: [${Object.keys(files).join(', ')}]`) =>
  parseIncidentConfig(base(extra), 'test.yml', {
    readOpenSlo: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
  });

const refusal = (files: Record<string, string>, extra?: string): string[] => {
  try {
    withFiles(files, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  throw new Error('expected the configuration to be refused');
};

/** The checkout SLO as OpenSLO, with these lines (timeWindow, objectives) under its spec. */
const checkout = (spec: string) =>
  openSloFile({ name: 'checkout-availability', service: 'checkout-api', spec, good: 'http_requests_total{service="checkout",code!~"5.."}', total: 'http_requests_total{service="checkout"}' });

describe('SLOs from OpenSLO files', () => {
  it('reads a ratio SLO over counters: each side as sum(rate(selector[$window])), the target as a percentage, the rolling window', () => {
    const config = withFiles({ 'slos/checkout.yaml': checkout('  timeWindow: [{ duration: 4w, isRolling: true }]\n  objectives: [{ displayName: Most requests work, target: 0.999 }]') });
    expect(config.slos).toEqual([
      {
        id: 'checkout-availability',
        service: 'checkout-api',
        objective: 99.9,
        windowMs: 28 * 86_400_000,
        good: 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[$window]))',
        total: 'sum(rate(http_requests_total{service="checkout"}[$window]))',
      },
    ]);
  });

  it('follows indicatorRef to an SLI in another file, takes bad out of total, keeps PromQL that has $window, and defaults to 28 days', () => {
    const sli = `
apiVersion: openslo/v1
kind: SLI
metadata: { name: payments-failures }
spec:
  ratioMetric:
    counter: true
    bad: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(payment_failures_total[$window]))' } } }
    total: { metricSource: { spec: { query: payments_total } } }
---
apiVersion: openslo/v1
kind: Service
metadata: { name: payments }
spec: { description: ignored }
`;
    const slo = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: payments-success }
spec:
  service: payments
  budgetingMethod: Occurrences
  indicatorRef: payments-failures
  objectives: [{ targetPercent: 99.5 }]
`;
    const config = withFiles({ 'sli.yaml': sli, 'slo.yaml': slo });
    expect(config.slos).toEqual([
      {
        id: 'payments-success',
        service: 'payments',
        objective: 99.5,
        windowMs: 28 * 86_400_000,
        good: '(sum(rate(payments_total[$window]))) - ((sum(rate(payment_failures_total[$window]))) or vector(0))',
        total: 'sum(rate(payments_total[$window]))',
      },
    ]);
  });

  it('refuses what it does not support, naming the file, the SLO and the field', () => {
    const objectives = '  objectives: [{ target: 0.99 }]';
    expect(refusal({ 'a.yaml': checkout(objectives).replace('Occurrences', 'RatioTimeslices') })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.budgetingMethod: RatioTimeslices is not supported: Occurrences (good events out of all) or Timeslices (good slices out of all, over a thresholdMetric)',
    ]);
    expect(refusal({ 'a.yaml': checkout(objectives).replace('Occurrences', 'Timeslices') })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.indicator.spec.thresholdMetric: is required with budgetingMethod: Timeslices (a ratioMetric is read with Occurrences)',
    ]);
    expect(refusal({ 'a.yaml': checkout('  objectives: [{ target: 0.99 }, { target: 0.9 }]') })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.objectives: must hold exactly one objective (composite SLOs are not supported)',
    ]);
    expect(refusal({ 'a.yaml': checkout(`${objectives}\n  timeWindow: [{ duration: 1M, isRolling: true }]`) })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.timeWindow[0].duration: must be hours, days or weeks such as 28d or 4w (months, quarters and years are calendar windows)',
    ]);
    expect(refusal({ 'a.yaml': checkout(objectives).replace('type: Prometheus', 'type: Datadog') })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.indicator.spec.ratioMetric.good.metricSource.type: Datadog is not read here: only Prometheus',
    ]);
    expect(refusal({ 'a.yaml': checkout(objectives).replace("'http_requests_total{service=\"checkout\"}'", "'sum(rate(http_requests_total[5m]))'") })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.indicator.spec.ratioMetric.total.metricSource.spec.query: must be a metric selector such as http_requests_total{code!~"5.."} (it is read as sum(rate(selector[$window]))), or PromQL with $window where the range goes',
    ]);
    expect(refusal({ 'a.yaml': checkout(objectives).replace('service: checkout-api', 'service: checkout') })).toEqual([
      'openslo: a.yaml: SLO checkout-availability: spec.service: must be the id of a service under services (no service checkout)',
    ]);
    expect(refusal({ 'a.yaml': checkout(objectives).replace('openslo/v1', 'openslo/v1alpha') })).toEqual(['openslo: a.yaml: document 1: apiVersion must be openslo/v1']);
    expect(refusal({}, 'openslo: [missing.yaml]')).toEqual(['openslo[0]: missing.yaml: file not found']);
  });

  /** A latency SLO as OpenSLO time slices: the p99 over each slice, compared with 300 ms. */
  const latency = (objective: string, method = 'Timeslices') => `apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-latency }
spec:
  service: checkout-api
  budgetingMethod: ${method}
  timeWindow: [{ duration: 7d, isRolling: true }]
  objectives: [${objective}]
  indicator:
    metadata: { name: checkout-p99 }
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec: { query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout"}[1m])))' }
`;
  const p99 = 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout"}[1m])))';

  it('reads time slices over a thresholdMetric: good slices (the query compared as op and value says) out of the slices with data', () => {
    const config = withFiles({ 'latency.yaml': latency('{ op: lte, value: 0.3, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m }') });
    const [slo] = config.slos;
    expect([slo?.id, slo?.service, slo?.objective, slo?.windowMs]).toEqual(['checkout-latency', 'checkout-api', 99, 7 * 86_400_000]);
    expect(slo?.good).toBe(`count_over_time(((${p99}) <= 0.3)[$window:1m])`);
    expect(slo?.total).toBe(`count_over_time((${p99})[$window:1m])`);
    // A number of minutes, as OpenSLO allows; the other comparisons.
    expect(withFiles({ 'latency.yaml': latency('{ op: gt, value: 100, targetPercent: 99.5, timeSliceWindow: 5 }') }).slos[0]?.good).toBe(`count_over_time(((${p99}) > 100)[$window:5m])`);
  });

  it('refuses time slices without op, value or timeSliceWindow, and a thresholdMetric budgeted by occurrences', () => {
    const where = 'openslo: latency.yaml: SLO checkout-latency: ';
    expect(refusal({ 'latency.yaml': latency('{ op: below, value: 0.3, target: 0.99, timeSliceWindow: 1m }') })).toEqual([`${where}spec.objectives[0].op: must be lt, lte, gt or gte: how a slice's value compares with value`]);
    expect(refusal({ 'latency.yaml': latency('{ op: lte, value: fast, target: 0.99, timeSliceWindow: 1m }') })).toEqual([`${where}spec.objectives[0].value: must be a number: the threshold a slice's value is compared with`]);
    expect(refusal({ 'latency.yaml': latency('{ op: lte, value: 0.3, target: 0.99 }') })).toEqual([
      `${where}spec.objectives[0].timeSliceWindow: is required with Timeslices: the length of a slice, such as 1m or 5m (a number is minutes)`,
    ]);
    expect(refusal({ 'latency.yaml': latency('{ op: lte, value: 0.3, target: 0.99, timeSliceWindow: 1m }', 'Occurrences') })).toEqual([
      `${where}spec.indicator.spec.thresholdMetric: is read with budgetingMethod: Timeslices only (a ratioMetric counts events)`,
    ]);
  });

  it('refuses an id used twice across slos and the OpenSLO files, naming where the second came from', () => {
    const slo = checkout('  objectives: [{ target: 0.99 }]');
    const lines = refusal({ 'a.yaml': slo }, `openslo: [a.yaml]\nslos: [{ id: checkout-availability, service: checkout-api, objective: 99, good: 'a[$window]', total: 'b[$window]' }]`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^openslo: a\.yaml: SLO checkout-availability: id: /);
  });

  it('reads the files next to the configuration file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incident-bot-openslo-'));
    mkdirSync(join(dir, 'slos'));
    writeFileSync(join(dir, 'slos', 'checkout.yaml'), checkout('  objectives: [{ target: 0.995 }]'));
    writeFileSync(join(dir, 'incident-bot.yml'), base('openslo: [slos/checkout.yaml]'));
    expect(loadIncidentConfig(join(dir, 'incident-bot.yml'), { required: true }).slos.map((slo) => [slo.id, slo.objective])).toEqual([['checkout-availability', 99.5]]);
  });
});
