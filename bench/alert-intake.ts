/**
 * Alert ingestion, side by side with Prometheus Alertmanager (Debian's prometheus-alertmanager,
 * installed with apt-get when absent, run with its defaults) on the same machine: throughput, request
 * latency and CPU per alert for alerts sent one per request and in batches of 64, then resident
 * memory over a long run. Both receive the same Alertmanager API v2 bodies on POST /api/v2/alerts
 * from the same client (this process: 16 keep-alive connections with a request in flight on each,
 * every request written before the clock starts; bench/keep-alive-client.ts), after the same
 * warm-up, in three rounds taken in turns (BENCH_ROUNDS), each run once both have gone quiet (what
 * one left to do after its last answer does not fall on the other's run). The bot runs
 * as `node --import tsx src/main.ts` with a SQLite file, against the Slack emulator. It answers once
 * a batch is committed to its inbox and folds it after: each of its runs also reports how long after
 * the last answer the inbox was empty, and the rate counting that. At the end the bot is killed with
 * SIGKILL right after an answer and started again on the same file, which must hold every alert.
 * The same client also sends to servers that answer at once (bench/noop-server.mjs): one that
 * does not even parse the request, the client's own ceiling on this machine, and node's HTTP server
 * doing nothing else, the ceiling of any node server.
 *
 *   npm run bench:alerts                     # 20,000 alerts per scenario, 100,000 for memory
 *   npm run bench:alerts -- 5000 20000
 *   BENCH_PROFILE=1 BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:alerts -- 3000 5000
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from 'slack-emulator';
import Database from 'better-sqlite3';
import { fingerprintOf } from '../src/domain/alerts/fingerprint.js';
import { postAll, type Post } from './keep-alive-client.js';
import { percentile, sortedCopy } from './support.js';

const perScenario = Number(process.argv[2] ?? 20_000);
const memoryRun = Number(process.argv[3] ?? 100_000);
const concurrency = 16;
/** Rounds of each scenario, bot and Alertmanager in turns (BENCH_ROUNDS). */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
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

/** CPU seconds the process has used (user + system), from /proc: ticks of 1/100 s. */
const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * Waits until none of these processes uses more than 5% of a core over a quarter of a second (at
 * most 15 s), so a run does not share the machine with the work another left behind: Alertmanager
 * goes on aggregating after it has answered, as the bot goes on folding.
 */
const quiet = async (pids: number[]) => {
  for (let waited = 0; waited < 60; waited += 1) {
    const before = pids.map(cpuSeconds);
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (pids.every((pid, index) => cpuSeconds(pid) - before[index]! <= 0.0125)) return;
  }
};

let serial = 0;
const alert = (run: string) => {
  serial += 1;
  return { labels: { alertname: 'BenchAlert', service: 'bench', severity: 'warning', instance: `${run}-${serial}` }, annotations: { summary: `bench alert ${serial}` } };
};

interface Result {
  alertsPerSecond: number;
  p50: number;
  p99: number;
  maxRss: number;
  /** Resident memory when a quarter, half, three quarters and all of the alerts were answered. */
  rssAtQuarters: number[];
  /** The benchmark's own CPU while sending, in % of one core: near 100 and the client is the bottleneck. */
  clientCpu: number;
  /** The server's CPU while answering, in % of one core. */
  serverCpu: number;
  seconds: number;
}

/** Sends `total` alerts in requests of `batch`, `concurrency` requests in flight; samples the server's memory. */
const run = async (url: string, headers: Record<string, string>, total: number, batch: number, pid: number, run: string): Promise<Result> => {
  const rssAtQuarters: number[] = [];
  let answered = 0;
  let maxRss = rssMiB(pid);
  // Every request body is written before the clock starts, as load generators do: the client's
  // time goes to sending, and what is measured is the server (each alert is still a new one).
  const posts: Post[] = [];
  for (let at = 0; at < total; at += batch) {
    const size = Math.min(batch, total - at);
    posts.push({ size, body: JSON.stringify(Array.from({ length: size }, () => alert(run))) });
  }
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMiB(pid))), 250);
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = cpuSeconds(pid);
  const { seconds, latencies } = await postAll(Number(new URL(url).port), '/api/v2/alerts', headers, posts, concurrency, ({ size }) => {
    const quarter = Math.floor((4 * (answered + size)) / total);
    if (quarter > Math.floor((4 * answered) / total)) rssAtQuarters.push(rssMiB(pid));
    answered += size;
  });
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = (100 * (cpuSeconds(pid) - serverCpuBefore)) / seconds;
  clearInterval(sampler);
  maxRss = Math.max(maxRss, rssMiB(pid));
  const sorted = sortedCopy(latencies);
  return {
    alertsPerSecond: total / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    maxRss,
    rssAtQuarters,
    clientCpu: (100 * (cpu.user + cpu.system)) / 1e6 / seconds,
    serverCpu,
    seconds,
  };
};

/**
 * The bot answers once a batch is in its inbox and folds it after: how long after the last answer
 * the inbox is empty (every alert folded, decided, its jobs written), read from its database file.
 */
const backlogMs = async (databasePath: string, pid: number, peak: { rss: number }): Promise<number> => {
  const database = new Database(databasePath, { readonly: true, fileMustExist: true });
  const started = performance.now();
  try {
    const waiting = database.prepare('select count(*) as n from alert_inbox');
    while ((waiting.get() as { n: number }).n > 0) {
      peak.rss = Math.max(peak.rss, rssMiB(pid));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return performance.now() - started;
  } finally {
    database.close();
  }
};

/**
 * A critical sent the moment a flood has been answered, the whole backlog still to fold: how long
 * after its 202 it is decided (its row is in the bot's database), polled every 2 ms.
 */
const criticalInFlood = async (url: string, headers: Record<string, string>, databasePath: string): Promise<number> => {
  const labels = { alertname: 'BenchCritical', service: 'bench', severity: 'critical', instance: 'in-a-flood' };
  await postAll(Number(new URL(url).port), '/api/v2/alerts', headers, [{ body: JSON.stringify([{ labels, annotations: { summary: 'a page in a flood' } }]), size: 1 }], 1);
  const answered = performance.now();
  const database = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const decided = database.prepare('select 1 from alerts where fingerprint = ?');
    while (!decided.get(fingerprintOf(labels))) await new Promise((resolve) => setTimeout(resolve, 2));
    return performance.now() - answered;
  } finally {
    database.close();
  }
};

const stopping = new Set<ChildProcess>();

/** Stops a child, with SIGKILL after 5 s if it has not exited by then. */
const stop = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    stopping.add(child);
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });

const table = (cells: string[][]): string => cells.map((row) => `| ${row.join(' | ')} |`).join('\n');
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

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
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): flags NODE_OPTIONS does not allow.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    // node itself with tsx as a loader: one process, so its memory and a SIGKILL are the bot's own.
    const startBot = () => {
      const bot = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
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
      bot.once('exit', (code, signal) => {
        if (!stopping.has(bot)) process.stderr.write(`the bot (pid ${bot.pid}) exited on its own during the run: code ${code}, signal ${signal}\n`);
      });
      return bot;
    };
    const bot = startBot();
    // Alertmanager with its defaults, and a route to a receiver that notifies nobody.
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
    const version = /version (\S+)/.exec((({ stdout, stderr }) => stdout + stderr)(spawnSync(alertmanagerBinary, ['--version'], { encoding: 'utf8' })))?.[1] ?? '';
    const botTarget = { name: 'incident bot', url: botUrl, headers: { authorization: `Bearer ${token}` } as Record<string, string>, pid: bot.pid! };
    const amTarget = { name: `alertmanager ${version}`, url: amUrl, headers: {} as Record<string, string>, pid: alertmanager.pid! };
    const noopServer = async (kind: 'tcp' | 'http', port: number) => {
      const server = spawn(process.execPath, [join(root, 'bench/noop-server.mjs'), String(port), kind], { stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(server);
      await waitFor(`http://127.0.0.1:${port}/`);
      return { name: `no-op ${kind} server`, url: `http://127.0.0.1:${port}`, headers: {} as Record<string, string>, pid: server.pid! };
    };
    const ceilings = [await noopServer('tcp', 39133), await noopServer('http', 39134)];
    const targets = [botTarget, amTarget];
    // Every bot run ends when its inbox is empty, so the next run (the bot's or Alertmanager's) does
    // not share the machine with the bot's folding.
    const measure = async (target: typeof botTarget, total: number, batch: number, label: string, whileFolding?: () => Promise<number>) => {
      await quiet(targets.map((each) => each.pid));
      const cpuBefore = cpuSeconds(target.pid);
      const result = await run(target.url, target.headers, total, batch, target.pid, label);
      const peak = { rss: result.maxRss };
      const [backlog, pageMs] = await Promise.all([target === botTarget ? backlogMs(databasePath, target.pid, peak) : 0, whileFolding?.()]);
      // CPU per alert, the bot's folding after the last answer included: on a machine shared with
      // other work, throughput follows the CPU share each process gets; this does not.
      const cpuPerAlert = ((cpuSeconds(target.pid) - cpuBefore) / total) * 1e6;
      return { ...result, maxRss: peak.rss, backlog, folded: total / (result.seconds + backlog / 1000), cpuPerAlert, pageMs };
    };
    type Measured = Awaited<ReturnType<typeof measure>>;

    // A warm-up each, one per request and in batches, so neither pays for its start-up in the figures.
    for (const target of targets) {
      await measure(target, 1_000, 1, `warm1-${target.name}`);
      await measure(target, 4_000, 64, `warm64-${target.name}`);
    }
    const lines: string[][] = [['', 'bot', `Alertmanager ${version}`, 'bot ÷ AM', 'target']];
    for (const [batch, target] of [[1, 1], [64, 2]] as const) {
      // Several rounds, the two servers in turns (first one, then the other), so that a slow minute
      // of the machine falls on both: the round with the median ratio is shown, every ratio listed.
      const pairs: { bot: Measured; am: Measured; ratio: number }[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 === 0 ? [botTarget, amTarget] : [amTarget, botTarget];
        const [first, second] = [await measure(order[0]!, perScenario, batch, `${batch}-${round}-a`), await measure(order[1]!, perScenario, batch, `${batch}-${round}-b`)];
        const [bot, am] = order[0] === botTarget ? [first, second] : [second, first];
        pairs.push({ bot, am, ratio: bot.alertsPerSecond / am.alertsPerSecond });
      }
      const ratios = pairs.map((pair) => pair.ratio);
      const { bot, am, ratio } = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(pairs.length / 2)]!;
      const [tcp, http] = [await measure(ceilings[0]!, perScenario, batch, `${batch}-tcp`), await measure(ceilings[1]!, perScenario, batch, `${batch}-http`)];
      process.stdout.write(
        `batch ${batch}: bot ÷ Alertmanager in each round ${ratios.map((each) => each.toFixed(2)).join(', ')}; in the median round, CPU in % of one core while sending: bot ${bot.serverCpu.toFixed(0)}, its client ${bot.clientCpu.toFixed(0)}; Alertmanager ${am.serverCpu.toFixed(0)}, its client ${am.clientCpu.toFixed(0)}; ` +
          `servers that answer at once: raw TCP ${whole(tcp.alertsPerSecond)} alerts/s (client CPU ${tcp.clientCpu.toFixed(0)}%), node's HTTP server ${whole(http.alertsPerSecond)} alerts/s (client CPU ${http.clientCpu.toFixed(0)}%)\n`,
      );
      lines.push([
        batch === 1 ? 'one alert per request' : `batches of ${batch}`,
        `${whole(bot.alertsPerSecond)} alerts/s, request p50 ${bot.p50.toFixed(1)} / p99 ${bot.p99.toFixed(1)} ms; all folded ${whole(bot.backlog)} ms after the last answer (${whole(bot.folded)} /s end to end); CPU ${whole(bot.cpuPerAlert)} µs/alert`,
        `${whole(am.alertsPerSecond)} /s, p50 ${am.p50.toFixed(1)} / p99 ${am.p99.toFixed(1)} ms; CPU ${whole(am.cpuPerAlert)} µs/alert`,
        `${ratio.toFixed(2)} (median of ${ratios.map((each) => each.toFixed(2)).join(', ')})`,
        `≥ ${target}`,
      ]);
    }
    const memory = [
      await measure(botTarget, memoryRun, 64, 'memory-bot', () => criticalInFlood(botTarget.url, botTarget.headers, databasePath)),
      await measure(amTarget, memoryRun, 64, 'memory-am'),
    ] as const;
    const quarters = (result: Result) => result.rssAtQuarters.map((mib) => mib.toFixed(0)).join(' / ');
    lines.push([
      `${whole(memoryRun)} alerts, batches of 64`,
      `${whole(memory[0].alertsPerSecond)} /s, folded ${whole(memory[0].backlog)} ms after; a critical sent then decided ${whole(memory[0].pageMs ?? 0)} ms after its 202; resident peak ${memory[0].maxRss.toFixed(0)} MiB, at ¼ ½ ¾ 1: ${quarters(memory[0])} MiB`,
      `${whole(memory[1].alertsPerSecond)} /s; peak ${memory[1].maxRss.toFixed(0)} MiB, at ¼ ½ ¾ 1: ${quarters(memory[1])} MiB`,
      '',
      'bounded',
    ]);
    process.stdout.write(`\n${table([lines[0]!, lines[0]!.map(() => '---'), ...lines.slice(1)])}\n\n`);

    // Durable before the answer: one more run, and a SIGKILL the moment the last answer is in, with
    // the inbox still full; a new process on the same file then folds what the old one accepted.
    await run(botTarget.url, botTarget.headers, perScenario, 64, botTarget.pid, 'kill');
    // BENCH_PROFILE=1: a graceful stop instead, so `--cpu-prof` in BENCH_NODE_ARGS writes its profile.
    await stop(bot, process.env.BENCH_PROFILE ? 'SIGTERM' : 'SIGKILL');
    const count = (sql: string) => {
      const database = new Database(databasePath, { readonly: true });
      try {
        return (database.prepare(sql).get() as { n: number | null }).n ?? 0;
      } finally {
        database.close();
      }
    };
    const expected = 5_000 + rounds * 2 * perScenario + memoryRun + 1 + perScenario;
    const unfolded = count('select sum(size) as n from alert_inbox');
    const restarted = startBot();
    await waitFor(`${botUrl}/healthz`);
    await stop(restarted);
    process.stdout.write(`SIGKILL right after the last 202: ${whole(unfolded)} alerts accepted but not yet folded; after a restart ${whole(count('select count(*) as n from alerts'))} of ${whole(expected)} accepted alerts are in the bot's database\n`);
  } finally {
    for (const child of children) await stop(child);
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
// Keep-alive sockets and the emulator's timers must not keep a finished benchmark alive.
process.exit(0);
