import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { defined, eventually } from '../support/eventually.js';
import { jobKeys } from '../../src/app/job-keys.js';
import { ephemeralsFor } from '../support/incident-flows.js';

// `/incident slo` through Slack, with a Prometheus that cannot answer: what Prometheus answers is
// read against the real one in test/system/slo-prometheus.test.ts.

let harness: Harness | undefined;
let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const socket of sockets.splice(0)) socket.destroy();
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

/** A server that takes connections and never answers: a Prometheus hung mid-query. */
const hungPrometheus = async (): Promise<number> => {
  server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
};

const sloConfig = (port: number, timeout: string) => `
services: [{ id: checkout-api }, { id: payments }]
prometheus: { url: "http://127.0.0.1:${port}", timeout: ${timeout} }
slos:
  - { id: checkout-availability, service: checkout-api, objective: 99.9, good: 'sum(rate(ok[$window]))', total: 'sum(rate(all[$window]))' }
`;

const lastAnswer = (h: Harness) => defined(ephemeralsFor(h, people.reporter).at(-1));

describe('/incident slo in Slack', () => {
  it('acknowledges at once and answers privately once a hung Prometheus has timed out, saying so', async () => {
    const port = await hungPrometheus();
    harness = await startHarness({ configYaml: sloConfig(port, '2s') });
    const started = performance.now();
    const command = await harness.slack.runSlashCommand({ user: people.reporter, channel: harness.general, command: '/incident', text: 'slo' });
    expect(command.status).toBe(200);
    expect(command.elapsedMs).toBeLessThan(1_500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    const answer = lastAnswer(harness);
    expect(answer.text).toBe('1 SLO');
    expect(JSON.stringify(answer.blocks)).toContain(`*checkout-availability* · checkout-api · 99.9% over 28d\\n:warning: could not be read: Prometheus at 127.0.0.1:${port} did not answer within 2 s`);
  }, 30_000);

  it('says which service has no SLO, and what to do when none is configured', async () => {
    harness = await startHarness({ configYaml: sloConfig(await hungPrometheus(), '2s') });
    await harness.slack.runSlashCommand({ user: people.reporter, channel: harness.general, command: '/incident', text: 'slo payments' });
    expect(lastAnswer(harness).text).toBe('No SLO is about payments.');
    await harness.close();
    harness = await startHarness({ configYaml: 'services: [{ id: payments }]\n' });
    await harness.slack.runSlashCommand({ user: people.reporter, channel: harness.general, command: '/incident', text: 'slos' });
    expect(JSON.stringify(lastAnswer(harness).blocks)).toContain('No SLOs are configured. Add `slos:` (and `prometheus:`) to incident-bot.yml');
  }, 30_000);

  it('starts evaluating burn-rate alerts when a reload adds SLOs (kill -HUP), and stops when one removes them', async () => {
    const port = await hungPrometheus();
    const path = join(mkdtempSync(join(tmpdir(), 'incident-bot-slo-reload-')), 'incident-bot.yml');
    writeFileSync(path, 'services: [{ id: checkout-api }]\n');
    harness = await startHarness({ config: { configPath: path, configRequired: true } });
    const pending = () => harness!.bot.deps.jobs.pending(jobKeys.sloEvaluation);
    expect(pending()).toBeUndefined();
    writeFileSync(path, sloConfig(port, '1s'));
    expect(harness.bot.config.reload()).toEqual({ ok: true });
    expect(pending()).toMatchObject({ kind: 'slo_evaluation' });
    // It runs against the hung Prometheus: said once in the log, and the next one is scheduled.
    await eventually(() => expect(harness!.logs.join('')).toContain('cannot read an SLO for its burn-rate alerts'), 20_000);
    writeFileSync(path, 'services: [{ id: checkout-api }]\n');
    expect(harness.bot.config.reload()).toEqual({ ok: true });
    expect(pending()).toBeUndefined();
  }, 60_000);

  it('shows App Home at once, then again with the error budgets once Prometheus has answered or timed out', async () => {
    const port = await hungPrometheus();
    harness = await startHarness({ configYaml: sloConfig(port, '2s') });
    await harness.slack.openAppHome({ user: people.reporter });
    // Each published view's section texts, a line each.
    const published = harness.slack.callsTo('views.publish').map((call) => {
      const view = (call.args as { view: unknown }).view;
      const { blocks } = (typeof view === 'string' ? JSON.parse(view) : view) as { blocks: { text?: { text?: string } }[] };
      return blocks.map((block) => block.text?.text ?? '').join('\n');
    });
    expect(published).toHaveLength(2);
    expect(published[0]).toContain('reading them from Prometheus');
    expect(published[0]).toContain('No open incidents');
    expect(published[1]).toContain(`*Error budgets*\n• checkout-availability (checkout-api): :warning: could not be read (Prometheus at 127.0.0.1:${port} did not answer within 2 s)`);
  }, 30_000);
});
