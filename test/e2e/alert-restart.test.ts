import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, queryBotDatabase, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { killProcessTree } from '../support/kill-process-tree.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { addAlertWorkspace, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { openDatabase } from '../../src/storage/database.js';
import { createAlertRepository } from '../../src/storage/alert-repository.js';
import { fingerprintOf } from '../../src/domain/alerts/fingerprint.js';
import Database from 'better-sqlite3';
import { eventually } from '../support/eventually.js';

let slack: FakeSlack;
let dir: string;
const running: BotProcess[] = [];
afterEach(async () => {
  for (const bot of running) if (bot.child.pid) killProcessTree(bot.child.pid);
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The emulator with the alert teams' people and channels, and the bot as a process on a file database. */
const startFirst = async () => {
  slack = await startFakeSlack();
  addAlertWorkspace(slack);
  dir = mkdtempSync(join(tmpdir(), 'incident-bot-alert-restart-'));
  const env = { ...botEnv(slack, dir, 'alert-restart-secret'), LOG_LEVEL: 'info', ...alertTokens };
  writeFileSync(env.CONFIG_PATH, alertsConfigYaml());
  const first = startBotProcess(env);
  running.push(first);
  return { env, first, url: await first.started };
};

describe('alert intake across a crash', () => {
  it('keeps every alert of every batch it answered 202 to, when SIGKILLed right after answering', async () => {
    const { env, first, url } = await startFirst();
    const databasePath = env.DATABASE_PATH;

    const batch = (n: number) =>
      Array.from({ length: 200 }, (_, i) => ({ labels: { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `batch-${n}-host-${i}` } }));
    const send = (n: number) =>
      fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alertTokens.PROMETHEUS_ALERTS_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch(n)),
      }).then(
        (response) => (response.status === 202 ? n : undefined),
        () => undefined,
      );
    // Four batches in flight; the process dies the moment the first is acknowledged.
    const inFlight = [0, 1, 2, 3].map(send);
    const firstAccepted = await Promise.race(inFlight.map((promise) => promise.then((n) => (n === undefined ? new Promise<never>(() => {}) : n))));
    killProcessTree(first.child.pid!);
    const accepted = (await Promise.all(inFlight)).filter((n): n is number => n !== undefined);
    expect(accepted).toContain(firstAccepted);
    await first.exited;

    const second = startBotProcess(env);
    running.push(second);
    await second.started;
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const database = openDatabase(databasePath);
    try {
      const alerts = createAlertRepository(database.db, () => 'unused');
      for (const n of accepted) {
        const missing = batch(n).filter((alert) => !alerts.find(fingerprintOf(alert.labels)));
        expect(missing, `batch ${n}`).toEqual([]);
      }
    } finally {
      database.close();
    }
  }, 120_000);

  it('folds a page it took ahead of its backlog once, when SIGKILLed with the backlog still waiting', async () => {
    const { env, first, url } = await startFirst();
    const post = (alerts: unknown[]) =>
      fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alertTokens.PROMETHEUS_ALERTS_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      }).then((response) => expect(response.status).toBe(202));
    const disk = (n: number) => ({ labels: { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `host-${n}` } });
    const down = { labels: { alertname: 'SearchIndexUnavailable', service: 'search', severity: 'critical', instance: 'search-1' } };
    const slow = { labels: { alertname: 'SearchSlowQueries', service: 'search', severity: 'warning', instance: 'search-3' } };
    for (let batch = 0; batch < 100; batch += 4) await Promise.all([0, 1, 2, 3].map((offset) => post(Array.from({ length: 200 }, (_, i) => disk(200 * (batch + offset) + i)))));
    await post([slow, down]);

    // The moment the critical is decided, ahead of the flood, the process dies.
    const reader = new Database(env.DATABASE_PATH, { readonly: true });
    const decided = reader.prepare('select received_count as received from alerts where fingerprint = ?');
    const waiting = reader.prepare('select count(*) as n from alert_inbox');
    await eventually(() => expect(decided.get(fingerprintOf(down.labels))).toBeDefined(), 30_000);
    killProcessTree(first.child.pid!);
    await first.exited;
    expect((waiting.get() as { n: number }).n).toBeGreaterThan(0);
    reader.close();

    const second = startBotProcess(env);
    running.push(second);
    await second.started;
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const database = openDatabase(env.DATABASE_PATH);
    try {
      const alerts = createAlertRepository(database.db, () => 'unused');
      expect(alerts.find(fingerprintOf(down.labels))).toMatchObject({ receivedCount: 1, disposition: 'paged' });
      expect(alerts.find(fingerprintOf(slow.labels))?.disposition).toBe('attached');
      expect(alerts.count()).toBe(20_002);
    } finally {
      database.close();
    }
  }, 120_000);

  it('pages once when SIGKILLed while Slack had posted the page DM and not yet answered', async () => {
    const { env, first, url } = await startFirst();
    const { user } = alertTeams.search;
    // Slack carries out the page DM and never answers: the process dies waiting.
    slack.faults.failWhen('chat.postMessage', (args) => args.channel === user, 'stall');
    const critical = [{ labels: { alertname: 'SearchIndexUnavailable', service: 'search', severity: 'critical' }, annotations: { summary: 'The index is gone' } }];
    const sent = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alertTokens.PROMETHEUS_ALERTS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(critical),
    });
    expect(sent.status).toBe(202);
    await eventually(() => expect(slack.faults.hits).toBe(1), 30_000);
    killProcessTree(first.child.pid!);
    await first.exited;

    const second = startBotProcess(env);
    running.push(second);
    await second.started;
    // The page job the killed process had claimed runs again, finds the DM Slack posted, and is done.
    const pageJobs = () => queryBotDatabase<{ open: number; done: number }>(env.DATABASE_PATH, "select sum(status in ('pending', 'running')) as open, sum(status = 'done') as done from jobs where kind = 'alert_page'")!;
    await eventually(() => expect(pageJobs()).toEqual({ open: 0, done: 1 }), 30_000);
    const pages = slack.workspace.history(slack.workspace.dmWith(user).id).filter((message) => message.text.includes('You are paged'));
    expect(pages.map((message) => message.text)).toEqual([expect.stringContaining('search · SearchIndexUnavailable')]);
  }, 120_000);
});
