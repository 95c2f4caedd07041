/**
 * Alert ingestion, side by side with Prometheus Alertmanager (Debian's prometheus-alertmanager,
 * installed with apt-get when absent) on the same machine: throughput and request latency for alerts
 * sent one per request and in batches of 64, then resident memory over a long run. Both receive the
 * same Alertmanager API v2 bodies on POST /api/v2/alerts. The bot runs as `node --import tsx
 * src/main.ts` with a SQLite file, against the Slack emulator.
 *
 *   npm run bench:alerts                     # 20,000 alerts per scenario, 100,000 for memory
 *   npm run bench:alerts -- 5000 20000
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from 'slack-emulator';
import Database from 'better-sqlite3';

const perScenario = Number(process.argv[2] ?? 20_000);
const memoryRun = Number(process.argv[3] ?? 100_000);
const concurrency = 16;
const token = 'bench-alerts-token';
const root = new URL('..', import.meta.url).pathname;
const alertmanagerBinary = '/usr/bin/prometheus-alertmanager';

const ensureAlertmanager = () => {
  if (existsSync(alertmanagerBinary)) return;
  process.stdout.write('installing prometheus-alertmanager with apt-get …\n');
  const installed = spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'prometheus-alertmanager'], { stdio: 'inherit' });
  if (installed.status !== 0 || !existsSync(alertmanagerBinary)) throw new Error('could not install prometheus-alertmanager (run as root, or install it yourself)');
};

const waitFor = async (url: string, headers: Record<string, string> = {}) => {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const ok = await fetch(url, { headers }).then((response) => response.status < 500, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
};

const rssMiB = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

let serial = 0;
const alert = (run: string) => {
  serial += 1;
  return { labels: { alertname: 'BenchAlert', service: 'bench', severity: 'warning', instance: `${run}-${serial}` }, annotations: { summary: `bench alert ${serial}` } };
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

interface Result {
  alertsPerSecond: number;
  p50: number;
  p99: number;
  maxRss: number;
}

/** Sends `total` alerts in requests of `batch`, `concurrency` requests in flight; samples the server's memory. */
const run = async (url: string, headers: Record<string, string>, total: number, batch: number, pid: number, run: string): Promise<Result> => {
  const latencies: number[] = [];
  let sent = 0;
  let maxRss = rssMiB(pid);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMiB(pid))), 250);
  const started = performance.now();
  const worker = async () => {
    while (sent < total) {
      const size = Math.min(batch, total - sent);
      sent += size;
      const body = JSON.stringify(Array.from({ length: size }, () => alert(run)));
      const before = performance.now();
      const response = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      await response.arrayBuffer();
      if (response.status >= 300) throw new Error(`${url} answered ${response.status}`);
      latencies.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  maxRss = Math.max(maxRss, rssMiB(pid));
  return { alertsPerSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), maxRss };
};

/** Stops a child, with SIGKILL after 5 s if it has not exited by then. */
const stop = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });

const main = async () => {
  ensureAlertmanager();
  const dir = mkdtempSync(join(tmpdir(), 'incident-bot-bench-alerts-'));
  const slack = await startFakeSlack();
  slack.addChannel({ id: 'C0BENCHALR', name: 'bench-alerts', members: [], botIsMember: true });
  const children: ChildProcess[] = [];
  try {
    writeFileSync(
      join(dir, 'incident-bot.yml'),
      [
        'services: [{ id: bench, team: bench }]',
        'teams: [{ id: bench, alerts_channel: C0BENCHALR }]',
        'alerts:',
        '  sources: [{ id: bench, type: prometheus, token_env: BENCH_ALERTS_TOKEN }]',
        '',
      ].join('\n'),
    );
    const databasePath = join(dir, 'bot.sqlite');
    // node itself with tsx as a loader: one process, so its memory and a SIGKILL are the bot's own.
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: 'bench',
        SLACK_API_URL: slack.apiUrl,
        PORT: '39131',
        HOST: '127.0.0.1',
        DATABASE_PATH: databasePath,
        CONFIG_PATH: join(dir, 'incident-bot.yml'),
        LOG_LEVEL: 'warn',
        BENCH_ALERTS_TOKEN: token,
        ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(bot);
    writeFileSync(join(dir, 'alertmanager.yml'), 'route: { receiver: "null" }\nreceivers: [{ name: "null" }]\n');
    const alertmanager = spawn(
      alertmanagerBinary,
      [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'am')}`, '--web.listen-address=127.0.0.1:39132', '--cluster.listen-address=', '--log.level=warn'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    children.push(alertmanager);
    const botUrl = 'http://127.0.0.1:39131';
    const amUrl = 'http://127.0.0.1:39132';
    await waitFor(`${botUrl}/healthz`);
    await waitFor(`${amUrl}/-/ready`);
    const version = spawnSync(alertmanagerBinary, ['--version'], { encoding: 'utf8' });
    const targets = [
      { name: 'incident bot', url: botUrl, headers: { authorization: `Bearer ${token}` } as Record<string, string>, pid: bot.pid! },
      { name: `alertmanager ${/version (\S+)/.exec(version.stdout + version.stderr)?.[1] ?? ''}`, url: amUrl, headers: {}, pid: alertmanager.pid! },
    ];

    // A short warm-up each, so neither pays for its start-up in the figures.
    for (const target of targets) await run(target.url, target.headers, 2_000, 64, target.pid, `warm-${target.name}`);
    const rows: string[] = [];
    for (const batch of [1, 64]) {
      for (const target of targets) {
        const result = await run(target.url, target.headers, perScenario, batch, target.pid, `${batch}-${target.name}`);
        rows.push(`${target.name.padEnd(20)} batch ${String(batch).padStart(2)}  ${result.alertsPerSecond.toFixed(0).padStart(7)} alerts/s  request p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms`);
        process.stdout.write(`${rows.at(-1)}\n`);
      }
    }
    for (const target of targets) {
      const result = await run(target.url, target.headers, memoryRun, 64, target.pid, `memory-${target.name}`);
      rows.push(`${target.name.padEnd(20)} ${memoryRun} alerts in batches of 64: ${result.alertsPerSecond.toFixed(0)} alerts/s, peak resident ${result.maxRss.toFixed(0)} MiB, after ${rssMiB(target.pid).toFixed(0)} MiB`);
      process.stdout.write(`${rows.at(-1)}\n`);
    }

    // Durable before the answer: kill the bot without warning and count what it stored.
    await stop(bot, 'SIGKILL');
    const database = new Database(databasePath, { readonly: true });
    const stored = database.prepare('select count(*) as n from alerts').get() as { n: number };
    database.close();
    const expected = 2_000 + 2 * perScenario + memoryRun;
    process.stdout.write(`after SIGKILL: ${stored.n} of ${expected} accepted alerts in the bot's database\n`);
  } finally {
    for (const child of children) await stop(child);
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
// Keep-alive sockets and the emulator's timers must not keep a finished benchmark alive.
process.exit(0);
