/**
 * The status page and the open-incident lists at 1,000, 10,000 and 100,000 incidents (seeded through
 * the bot's repositories into a temp SQLite file), served by the real bot over HTTP against the
 * Slack emulator; and, at 10,000, /status throughput under 20 keep-alive connections and the
 * `/incident` acknowledgement p99 with and without 200 req/s of /status traffic.
 *
 *   npm run bench:status                       # 1000 10000 100000, load tests at 10000
 *   npm run bench:status -- 1000 10000         # only these sizes
 *   BENCH_SKIP_LOAD=1 npm run bench:status     # without the throughput and ack measurements
 *
 * "Cold after a change" is the first request after a public update was written: it pays the
 * snapshot rebuild and the rendering of that body. The load generator runs in a worker thread.
 */
import http from 'node:http';
import { people, startHarness, type Harness } from '../test/support/bot-harness.js';
import { communicationsConfigYaml } from '../test/support/communications-config.js';
import { activeIncidents, removeDatabase, seededDatabase } from './seed-incidents.js';
import { incidentCommandAcks } from './incident-command-acks.js';
import { httpLoad, median, ms, percentile } from './stats.js';
import { waitUntil } from './support.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const counts = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000];
const loadAt = counts.includes(10_000) ? 10_000 : counts.at(-1)!;
const repeats = 7;
const endpoints = ['/status', '/api/v2/summary.json', '/api/v2/incidents.json', '/history.atom'];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (url: string) =>
  new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started }));
      })
      .on('error', reject);
  });

/** A public update on an open incident: what makes the page stale. */
const publicChange = (h: Harness, incidentId: string, n: number) =>
  h.bot.deps.updates.add({
    incidentId,
    status: 'identified',
    severity: 'SEV2',
    whatChanged: 'bench',
    impact: '',
    nextSteps: '',
    nextUpdateAt: null,
    customerMessage: `We found the cause (${n}).`,
    postedBy: 'U0BENCH',
    postedAt: h.bot.deps.clock.now(),
  });

console.log(`node ${process.version}, ${new Date().toISOString()}; medians of ${repeats}`);
for (const count of counts) {
  const path = seededDatabase(count, Date.now());
  const h = await startHarness({ config: { databasePath: path }, configYaml: communicationsConfigYaml });
  try {
    const open = h.bot.deps.incidents.listOpenVisible(people.reporter, 100, 'active').incidents.find((incident) => incident.status !== 'resolved' && !incident.isPrivate)!;
    // Warm the code paths (not the caches): a running bot has rebuilt its page before.
    let change = 0;
    for (let r = 0; r < 20; r += 1) {
      publicChange(h, open.id, (change += 1));
      for (const path of endpoints) await get(`${h.bot.url}${path}`);
    }
    const rows: string[] = [];
    for (const endpoint of endpoints) {
      const cold: number[] = [];
      const warm: number[] = [];
      let bytes = 0;
      for (let r = 0; r < repeats; r += 1) {
        publicChange(h, open.id, (change += 1));
        const first = await get(`${h.bot.url}${endpoint}`);
        if (first.status !== 200) throw new Error(`${endpoint} answered ${first.status}`);
        cold.push(first.ms);
        bytes = first.bytes;
        warm.push((await get(`${h.bot.url}${endpoint}`)).ms);
      }
      rows.push(`  ${endpoint.padEnd(24)} cold after a change ${ms(median(cold)).padStart(9)}  unchanged ${ms(median(warm)).padStart(8)}  ${(bytes / 1024).toFixed(0).padStart(5)} KiB`);
    }

    const list: number[] = [];
    for (let r = 0; r < repeats; r += 1) {
      const before = h.slack.responses.length;
      const started = performance.now();
      await h.slack.runSlashCommand({ user: people.bystander, channel: h.general, command: '/incident', text: 'list' });
      await waitUntil(() => h.slack.responses.length > before, 20_000);
      list.push(performance.now() - started);
    }
    rows.push(`  ${'/incident list'.padEnd(24)} command → answer     ${ms(median(list)).padStart(9)}`);
    const home: number[] = [];
    for (let r = 0; r < repeats; r += 1) {
      const before = h.slack.callsTo('views.publish').length;
      const started = performance.now();
      await h.slack.openAppHome({ user: people.bystander });
      await waitUntil(() => h.slack.callsTo('views.publish').length > before, 20_000);
      home.push(performance.now() - started);
    }
    rows.push(`  ${'App Home'.padEnd(24)} opened → published  ${ms(median(home)).padStart(9)}`);
    console.log(`${count.toLocaleString('en')} incidents (${activeIncidents} active, ${Math.floor((count - activeIncidents) / 100)} resolved not closed):`);
    console.log(rows.join('\n'));

    if (count === loadAt && !process.env.BENCH_SKIP_LOAD) {
      const throughput = async (url: string) => {
        const loaded = await httpLoad({ url, mode: 'closed', connections: 20, durationMs: 5_000 }).result;
        return `${(loaded.latencies.length / (loaded.elapsedMs / 1000)).toFixed(0)} req/s, p50 ${ms(percentile(loaded.latencies, 50))}, p99 ${ms(percentile(loaded.latencies, 99))}, errors ${loaded.errors}`;
      };
      console.log(`  /status, 20 keep-alive connections, 5 s: ${await throughput(`${h.bot.url}/status`)}`);
      // The machine's floor in the same sitting: plain node:http handing out the same bytes.
      const body = await new Promise<Buffer>((resolve) =>
        http.get(`${h.bot.url}/status`, { agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks)));
        }),
      );
      const bare = http.createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) });
        response.end(body);
      });
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
      const { port } = bare.address() as import('node:net').AddressInfo;
      console.log(`  the same bytes from a bare node:http server:  ${await throughput(`http://127.0.0.1:${port}/`)}`);
      await new Promise((resolve) => bare.close(resolve));

      // Quiet and busy rounds alternate, so the machine's own ups and downs fall on both alike.
      await incidentCommandAcks(h, 20);
      const quiet: number[] = [];
      const busy: number[] = [];
      const served: number[] = [];
      let servedSeconds = 0;
      for (let round = 0; round < 5; round += 1) {
        quiet.push(...(await incidentCommandAcks(h, 100)));
        const traffic = httpLoad({ url: `${h.bot.url}/status`, mode: 'open', rate: 200, durationMs: 300_000 });
        await new Promise((resolve) => setTimeout(resolve, 500));
        busy.push(...(await incidentCommandAcks(h, 100)));
        traffic.stop();
        const result = await traffic.result;
        served.push(...result.latencies);
        servedSeconds += result.elapsedMs / 1000;
      }
      const p99Quiet = percentile(quiet, 99);
      const p99Busy = percentile(busy, 99);
      console.log(
        `  /incident ack, 500 commands each: alone p50 ${ms(median(quiet))} p99 ${ms(p99Quiet)}; with /status at 200 req/s (${(served.length / servedSeconds).toFixed(0)} req/s served, p99 ${ms(percentile(served, 99))}) p50 ${ms(median(busy))} p99 ${ms(p99Busy)}; ratio ${(p99Busy / p99Quiet).toFixed(2)}`,
      );
    }
  } finally {
    await h.close();
    removeDatabase(path);
  }
}
agent.destroy();
