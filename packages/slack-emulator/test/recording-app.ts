/** A tiny stand-in "app" for testing the fake itself: records every request and answers as told. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { path: string; headers: IncomingHttpHeaders; rawBody: string };

export type AppAnswer = { status?: number; body?: unknown };

export type RecordingApp = {
  requestUrl: string;
  requests: RecordedRequest[];
  answerWith: (answer: (request: RecordedRequest) => AppAnswer | Promise<AppAnswer>) => void;
  close: () => Promise<void>;
};

export async function startRecordingApp(): Promise<RecordingApp> {
  const requests: RecordedRequest[] = [];
  let answer: (request: RecordedRequest) => AppAnswer | Promise<AppAnswer> = () => ({ status: 200 });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { path: req.url ?? '/', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      void Promise.resolve(answer(request)).then(({ status = 200, body }) => {
        if (body === undefined) return res.writeHead(status).end();
        const json = typeof body !== 'string';
        res.writeHead(status, { 'Content-Type': json ? 'application/json' : 'text/plain' });
        res.end(json ? JSON.stringify(body) : body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requestUrl: `http://127.0.0.1:${port}/slack/events`,
    requests,
    answerWith: (next) => {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The interactivity payload of a form-encoded request (`payload=<json>`). */
export function payloadOf(request: RecordedRequest): Record<string, unknown> {
  const raw = new URLSearchParams(request.rawBody).get('payload');
  if (raw === null) throw new Error('request has no payload field');
  return JSON.parse(raw) as Record<string, unknown>;
}
