import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startHarness, type Harness } from '../support/bot-harness.js';
import { addAlertWorkspace, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { onePageTo, pagesTo } from '../support/alert-replay.js';
import { defined, eventually } from '../support/eventually.js';

/**
 * The senders themselves, configured as the README says: Debian's Prometheus sending its alerts
 * straight to the bot (`alerting.alertmanagers`), and Debian's Alertmanager notifying the bot through
 * its webhook receiver. .ci/run installs both; the test reads the two YAML snippets out of the README
 * and changes only the address and the token file, so a snippet that stops working fails here.
 */
const prometheusBinary = '/usr/bin/prometheus';
const alertmanagerBinary = '/usr/bin/prometheus-alertmanager';
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's fenced YAML block that contains `marker`, parsed. */
const readmeYaml = (marker: string): Record<string, unknown> => {
  const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes(marker));
  if (!block) throw new Error(`no YAML block with ${marker} in the README`);
  return parse(block) as Record<string, unknown>;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const started: ChildProcess[] = [];
const startProcess = (binary: string, args: string[]): ChildProcess => {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  child.once('exit', (code) => {
    if (started.includes(child) && code !== null && code !== 0) process.stderr.write(`${binary} exited ${code}: ${stderr}\n`);
  });
  started.push(child);
  return child;
};
const stopProcess = async (child: ChildProcess): Promise<void> => {
  started.splice(started.indexOf(child), 1);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

const ready = (url: string) =>
  eventually(async () => {
    const answer = await fetch(url).catch(() => undefined);
    expect(answer?.status).toBe(200);
  }, 30_000);

let dir: string;
let harness: Harness;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'incident-bot-senders-'));
});
afterEach(async () => {
  for (const child of [...started]) await stopProcess(child);
  await harness?.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bot on the real clock (the senders stamp alerts with theirs), with the alert sources' tokens. */
const startBot = async () => {
  harness = await startHarness({ configYaml: alertsConfigYaml({ groupWait: '1s' }), env: { ...alertTokens }, tickEveryMs: 50 });
  addAlertWorkspace(harness.slack);
  return harness;
};

describe('Prometheus sending straight to the bot, configured as the README says', () => {
  it('pages the owning team for a critical rule that fires, and keeps the heartbeat out of Slack', async () => {
    const h = await startBot();
    const botAddress = new URL(defined(h.bot.url)).host;
    const tokenFile = join(dir, 'prometheus-token');
    writeFileSync(tokenFile, alertTokens.PROMETHEUS_ALERTS_TOKEN);
    const config = readmeYaml('alertmanagers:') as { alerting: { alertmanagers: Record<string, unknown>[] } };
    const target = config.alerting.alertmanagers[0]!;
    // As written, but on this machine: plain HTTP to the bot's address, and the token in a file of ours.
    Object.assign(target, { scheme: 'http', static_configs: [{ targets: [botAddress] }] });
    Object.assign(target.authorization as object, { credentials_file: tokenFile });
    const rules = join(dir, 'rules.yml');
    writeFileSync(
      rules,
      JSON.stringify({
        groups: [
          {
            name: 'payments',
            interval: '1s',
            rules: [
              { alert: 'PaymentAuthorizationFailureRate', expr: 'vector(1)', labels: { service: 'payments', severity: 'critical' }, annotations: { summary: 'Card authorisations failing' } },
              { alert: 'Watchdog', expr: 'vector(1)', labels: { severity: 'none' } },
            ],
          },
        ],
      }),
    );
    const configFile = join(dir, 'prometheus.yml');
    writeFileSync(configFile, JSON.stringify({ global: { evaluation_interval: '1s' }, rule_files: [rules], ...config }));
    const port = await freePort();
    startProcess(prometheusBinary, [`--config.file=${configFile}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--rules.alert.resend-delay=1s', '--log.level=warn']);
    await ready(`http://127.0.0.1:${port}/-/ready`);

    const page = await onePageTo(h, alertTeams.payments.user);
    expect(page.text).toContain('payments · PaymentAuthorizationFailureRate');
    expect(page.text).toContain('Card authorisations failing');
    // Prometheus resends every second; the alert is the same one, counted, and pages once.
    const stored = () => h.bot.deps.alerts.groupSummary(h.bot.deps.alerts.latestGroup({ kind: 'critical', team: 'payments', service: 'payments', alertname: null })!.id, 1).lead!;
    await eventually(() => expect(stored().receivedCount).toBeGreaterThanOrEqual(3), 30_000);
    expect(pagesTo(h, alertTeams.payments.user)).toHaveLength(1);
    expect(stored().generatorUrl).toMatch(/^http:\/\/.*\/graph\?g0\.expr=vector%281%29/);
    // The heartbeat arrives too and is never shown.
    expect(h.slack.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes('Watchdog'))).toEqual([]);
  }, 60_000);
});

describe('Alertmanager notifying the bot through its webhook, configured as the README says', () => {
  it('pages for a critical alert it notifies, and resolves the card when it sends the resolve', async () => {
    const h = await startBot();
    const tokenFile = join(dir, 'alertmanager-token');
    writeFileSync(tokenFile, alertTokens.ALERTMANAGER_TOKEN);
    const receivers = readmeYaml('webhook_configs:') as { receivers: { name: string; webhook_configs: Record<string, unknown>[] }[] };
    const webhook = receivers.receivers[0]!.webhook_configs[0]!;
    expect(new URL(String(webhook.url)).pathname).toBe('/alerts/alertmanager');
    Object.assign(webhook, { url: `${h.bot.url}/alerts/alertmanager` });
    Object.assign((webhook.http_config as { authorization: object }).authorization, { credentials_file: tokenFile });
    const configFile = join(dir, 'alertmanager.yml');
    writeFileSync(configFile, JSON.stringify({ route: { receiver: receivers.receivers[0]!.name, group_wait: '1s', group_interval: '1s' }, ...receivers }));
    const port = await freePort();
    const amUrl = `http://127.0.0.1:${port}`;
    startProcess(alertmanagerBinary, [`--config.file=${configFile}`, `--storage.path=${join(dir, 'am')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn']);
    await ready(`${amUrl}/-/ready`);

    const alert = { labels: { alertname: 'SearchIndexUnavailable', service: 'search', severity: 'critical', instance: 'search-1' }, annotations: { summary: 'The search index is unavailable' } };
    const sent = await fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([alert]) });
    expect(sent.status).toBe(200);
    const page = await eventually(() => {
      const found = pagesTo(h, alertTeams.search.user);
      expect(found).toHaveLength(1);
      return found[0]!;
    }, 30_000);
    expect(page.text).toContain('search · SearchIndexUnavailable');

    // Resolved in Alertmanager: its webhook sends the resolve at the next group_interval.
    const resolved = await fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ ...alert, endsAt: new Date().toISOString() }]) });
    expect(resolved.status).toBe(200);
    await eventually(() => expect(JSON.stringify(h.slack.workspace.history(alertTeams.search.channel)[0]?.blocks)).toContain('Resolved'), 30_000);
    expect(pagesTo(h, alertTeams.search.user)).toHaveLength(1);
  }, 60_000);
});
