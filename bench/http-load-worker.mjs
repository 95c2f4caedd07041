// Plain JavaScript so it runs in a worker thread without a TypeScript loader. The load generator
// runs on its own thread, so its work does not share the bot's event loop.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, mode, connections = 20, rate = 200, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: mode === 'closed' ? connections : 256 });
const latencies = [];
let errors = 0;
let bytes = 0;

const get = () =>
  new Promise((resolve) => {
    const started = performance.now();
    const request = http.get(url, { agent }, (response) => {
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => {
        if (response.statusCode === 200) latencies.push(performance.now() - started);
        else errors += 1;
        resolve();
      });
    });
    request.on('error', () => {
      errors += 1;
      resolve();
    });
  });

const started = performance.now();
let until = started + durationMs;
// The parent may end the run early: it measures something else while this load runs.
parentPort.on('message', (message) => {
  if (message === 'stop') until = performance.now();
});
if (mode === 'closed') {
  // `connections` clients, each sending its next request as soon as the previous one is answered.
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await get();
    }),
  );
} else {
  // Open loop: requests leave on schedule whether or not earlier ones were answered.
  const pending = [];
  let sent = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      if (now >= until) {
        clearInterval(timer);
        resolve();
        return;
      }
      const due = Math.floor(((now - started) / 1000) * rate);
      for (; sent < due; sent += 1) pending.push(get());
    }, 2);
  });
  await Promise.all(pending);
}
const elapsed = performance.now() - started;
agent.destroy();
parentPort.postMessage({ latencies, errors, bytes, elapsedMs: elapsed });
parentPort.close();
