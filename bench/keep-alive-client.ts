/**
 * The alert benchmark's client: `connections` keep-alive HTTP/1.1 connections, each with one request
 * in flight at a time (as Prometheus' Go client sends to an Alertmanager), every request written
 * beforehand as bytes. It reads only what it needs of an answer: the status line and
 * Content-Length. `fetch` cost the client about 400 µs of CPU per request, which held every server
 * to the same 2,100–2,800 requests a second; this costs a few tens of µs, so the servers set the pace.
 */
import net from 'node:net';

export interface PostedRun {
  seconds: number;
  /** Milliseconds from writing each request to reading its whole answer. */
  latencies: number[];
}

export interface Post {
  body: string;
  /** Alerts in the body, for whoever counts them as they are answered. */
  size: number;
}

const requestBytes = (port: number, path: string, headers: Record<string, string>, body: string): Buffer => {
  const lines = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), `Content-Length: ${Buffer.byteLength(body)}`];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
};

/** The answer at the start of `buffer`, when it is all there: its status and where the next begins. */
const answerIn = (buffer: Buffer): { status: number; head: string; end: number } | undefined => {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = buffer.subarray(0, headEnd).toString('latin1');
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
  const end = headEnd + 4 + length;
  return buffer.length < end ? undefined : { status: Number(head.slice(9, 12)), head, end };
};

/**
 * Posts every body to 127.0.0.1:`port``path` over `connections` connections; rejects on the first
 * answer that is not 2xx or on a connection error. `onAnswered` runs after each answer.
 */
export const postAll = (port: number, path: string, headers: Record<string, string>, posts: Post[], connections: number, onAnswered: (post: Post) => void = () => {}): Promise<PostedRun> =>
  new Promise((resolve, reject) => {
    const requests = posts.map((post) => requestBytes(port, path, headers, post.body));
    const latencies: number[] = [];
    const sockets: net.Socket[] = [];
    let next = 0;
    let answered = 0;
    const started = performance.now();
    const fail = (error: Error) => {
      for (const socket of sockets) socket.destroy();
      reject(error);
    };
    const open = () => {
      const socket = net.connect(port, '127.0.0.1');
      sockets.push(socket);
      socket.setNoDelay(true);
      let pending: Buffer = Buffer.alloc(0);
      let index = -1;
      let sentAt = 0;
      let waiting = false;
      const send = () => {
        waiting = next < requests.length;
        if (!waiting) return socket.end();
        index = next;
        next += 1;
        sentAt = performance.now();
        socket.write(requests[index]!);
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        for (let answer = answerIn(pending); answer; answer = answerIn(pending)) {
          pending = pending.subarray(answer.end);
          if (answer.status < 200 || answer.status >= 300) return fail(new Error(`127.0.0.1:${port}${path} answered ${answer.head.split('\r\n')[0]}`));
          latencies.push(performance.now() - sentAt);
          onAnswered(posts[index]!);
          answered += 1;
          send();
          if (answered === requests.length) resolve({ seconds: (performance.now() - started) / 1000, latencies });
        }
      });
      socket.on('error', fail);
      // A server that closes a connection with an answer still owed would otherwise leave the run waiting forever.
      socket.on('close', () => {
        if (waiting) fail(new Error(`127.0.0.1:${port} closed a connection before answering`));
      });
    };
    for (let connection = 0; connection < Math.min(connections, requests.length); connection += 1) open();
  });
