import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/domain/alerts/fingerprint.js';
import { onePageTo, pagesTo } from '../support/alert-replay.js';
import { addAlertWorkspace, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { ephemeralsFor } from '../support/incident-flows.js';
import { openSloFile } from '../support/openslo.js';

/**
 * SLOs read from Debian's Prometheus (.ci/run installs it): it scrapes a service of the test's that
 * counts requests, for checkout 3 in every 4,000 failing (99.925% good against 99.9%: a quarter of
 * the error budget left, burning under 1×), for payments 2 in every 100 (burning 20×: a page).
 */
const prometheusBinary = '/usr/bin/prometheus';

let dir: string;
let service: Server;
let prometheus: ChildProcess;
let prometheusUrl: string;
let harness: Harness;

/** Each scrape counts, for checkout, 3,997 more good requests and 3 more failed ones; for payments 98 and 2. */
const startCountingService = async (): Promise<number> => {
  let scrapes = 0;
  service = createServer((_request, response) => {
    scrapes += 1;
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(
      [
        '# TYPE http_requests_total counter',
        `http_requests_total{service="checkout-api",code="200"} ${3_997 * scrapes}`,
        `http_requests_total{service="checkout-api",code="500"} ${3 * scrapes}`,
        `http_requests_total{service="payments",code="200"} ${98 * scrapes}`,
        `http_requests_total{service="payments",code="503"} ${2 * scrapes}`,
        '# TYPE request_duration_p99_seconds gauge',
        'request_duration_p99_seconds{service="checkout-api"} 0.25',
        '',
      ].join('\n'),
    );
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  return (service.address() as AddressInfo).port;
};

const freePort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

const good = 'sum(increase(http_requests_total{service="checkout-api",code!~"5.."}[$window]))';
const total = 'sum(increase(http_requests_total{service="checkout-api"}[$window]))';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incident-bot-slo-'));
  const servicePort = await startCountingService();
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, JSON.stringify({ global: { scrape_interval: '1s' }, scrape_configs: [{ job_name: 'checkout', static_configs: [{ targets: [`127.0.0.1:${servicePort}`] }] }] }));
  const port = await freePort();
  prometheus = spawn(prometheusBinary, [`--config.file=${configFile}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: 'ignore' });
  prometheusUrl = `http://127.0.0.1:${port}`;
  // Ready once it has two samples of the counters: increase() needs two.
  await eventually(async () => {
    const answer = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query: 'count_over_time(http_requests_total{code="200"}[1m])' })}`).then((response) => response.json(), () => undefined);
    expect(Number((answer as { data?: { result?: { value: [number, string] }[] } })?.data?.result?.[0]?.value[1] ?? 0)).toBeGreaterThanOrEqual(2);
  }, 30_000);
  // The checkout SLO once more, written as OpenSLO: counters' selectors, read as sum(rate(…[$window])).
  const openSlo = join(dir, 'checkout.openslo.yaml');
  writeFileSync(
    openSlo,
    openSloFile({
      name: 'checkout-openslo',
      service: 'checkout-api',
      spec: '  timeWindow: [{ duration: 1h, isRolling: true }]\n  objectives: [{ target: 0.999 }]',
      good: 'http_requests_total{service="checkout-api",code!~"5.."}',
      total: 'http_requests_total{service="checkout-api"}',
    }) +
      // Bad events counted by a series that does not exist yet (nothing has failed): none is zero.
      `---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-no-failures }
spec:
  service: checkout-api
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 1h, isRolling: true }]
  objectives: [{ target: 0.999 }]
  indicator:
    metadata: { name: checkout-teapots }
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{service="checkout-api",code="418"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{service="checkout-api"}' } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-latency }
spec:
  service: checkout-api
  budgetingMethod: Timeslices
  timeWindow: [{ duration: 1h, isRolling: true }]
  objectives: [{ op: lte, value: 0.3, target: 0.99, timeSliceWindow: 1s }]
  indicator:
    metadata: { name: checkout-p99 }
    spec:
      thresholdMetric: { metricSource: { type: Prometheus, spec: { query: 'request_duration_p99_seconds{service="checkout-api"}' } } }
`,
  );
  // A one-day window: the paging ranges are 2 minutes and 10 seconds, evaluated every second.
  const payments = (query: string) => query.replaceAll('checkout-api', 'payments');
  harness = await startHarness({
    tickEveryMs: 50,
    env: { ...alertTokens },
    configYaml: alertsConfigYaml({
      extra: `
prometheus: { url: "${prometheusUrl}", timeout: 5s, evaluate_every: 1s }
openslo: ['${openSlo}']
slos:
  - { id: payments-availability, service: payments, objective: 99.9, window: 1d, good: '${payments(good)}', total: '${payments(total)}' }
  - { id: checkout-availability, service: checkout-api, objective: 99.9, window: 1h, good: '${good}', total: '${total}' }
  - { id: by-code, service: checkout-api, objective: 99, window: 1h, good: '${good}', total: 'increase(http_requests_total[$window])' }
  - { id: mistyped, service: checkout-api, objective: 99, window: 1h, good: 'sum(increase(http_requests_total[$window])', total: '${total}' }
`,
    }),
  });
  addAlertWorkspace(harness.slack);
}, 60_000);

afterAll(async () => {
  await harness?.close();
  prometheus?.kill('SIGTERM');
  await new Promise((resolve) => service?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('/incident slo, read from a real Prometheus', () => {
  it('shows the SLI, the error budget left and the burn rates, and what is wrong with a query Prometheus cannot answer as one number', async () => {
    await harness.slack.runSlashCommand({ user: people.reporter, channel: harness.general, command: '/incident', text: 'slo' });
    const shown = await eventually(() => {
      const answer = ephemeralsFor(harness, people.reporter).at(-1);
      expect(answer?.text).toBe('7 SLOs');
      return JSON.stringify(answer?.blocks);
    }, 30_000);
    expect(shown).toContain('*checkout-availability* · checkout-api · 99.9% over 1h');
    expect(shown).toContain(':large_yellow_circle: at risk · SLI 99.925% · 25% of the error budget left (1 s of 4 s of full outage)');
    expect(shown).toMatch(/burning 0\.[78]× over the last hour \(1× spends it/);
    expect(shown).toContain('*checkout-no-failures* · checkout-api · 99.9% over 1h\\n:large_green_circle: healthy · SLI 100.000% · 100% of the error budget left');
    // Time slices over a threshold: every 1 s slice so far had a p99 of 250 ms, under 300 ms.
    expect(shown).toContain('*checkout-latency* · checkout-api · 99% over 1h\\n:large_green_circle: healthy · SLI 100.000% · 100% of the error budget left');
    // The same SLO from its OpenSLO file reads the same.
    expect(shown).toContain('*checkout-openslo* · checkout-api · 99.9% over 1h\\n:large_yellow_circle: at risk · SLI 99.925% · 25% of the error budget left');
    // Four series (one per service and code), not one number; a query with a parenthesis missing.
    expect(shown).toContain('gives 4 series, not one number: wrap it in sum()');
    expect(shown).toContain('*mistyped* · checkout-api · 99% over 1h\\n:warning: could not be read: Prometheus refused the query `sum(increase(http_requests_total[3600s])`: ');
    expect(shown).toContain('parse error: unclosed left parenthesis');
  }, 60_000);

  it('pages the owning team for an SLO burning its budget fast, once, and nobody for one burning slowly', async () => {
    const page = await onePageTo(harness, alertTeams.payments.user);
    expect(page.text).toContain('payments · ErrorBudgetBurn');
    expect(page.text).toMatch(/payments-availability: error budget burning 2\d\.\d× over the last \d+ min/);
    // Evaluated every second: still one page, and nothing for checkout (burning under 1×).
    await eventually(() => expect(harness.bot.deps.alerts.find(fingerprintOf({ alertname: 'ErrorBudgetBurn', service: 'payments', slo: 'payments-availability', severity: 'critical' }))?.receivedCount).toBeGreaterThanOrEqual(3), 30_000);
    expect(pagesTo(harness, alertTeams.payments.user)).toHaveLength(1);
    expect(pagesTo(harness, alertTeams.checkout.user)).toEqual([]);
  }, 60_000);
});
