/**
 * The HTTP side: `/api/<method>` for the Web API, `/response-url/<id>` for response_url posts, and the file
 * host's upload and download paths (file-server.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForm, type FileRequest, type RawAnswer } from './file-server.js';
import type { Args } from './method-args.js';
import type { ApiAnswer, ApiRequest } from './web-api.js';
import type { Fault } from './faults.js';

export type Routes = {
  api: (request: ApiRequest) => ApiAnswer;
  /** Programmed trouble for this call (faults.ts), and a delay before every answer. */
  fault?: (method: string, args: Args) => Fault | undefined;
  latencyMs?: () => number;
  responseUrl: (id: string, body: unknown) => ApiAnswer;
  /** undefined when the path is not the file host's */
  files: (request: FileRequest) => Promise<RawAnswer | undefined>;
};

export type RunningServer = { baseUrl: string; close: () => Promise<void> };

export async function startHttpServer(routes: Routes, port = 0): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(routes, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`fake-slack internal error: ${message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const bytes = await readBody(req);
  const file = await routes.files({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body: bytes });
  if (file) {
    res.writeHead(file.status, file.headers);
    res.end(file.body);
    return;
  }
  const raw = bytes.toString('utf8');
  const api = /^\/api\/([A-Za-z0-9._]+)$/.exec(url.pathname);
  if (api?.[1] !== undefined) {
    const contentType = req.headers['content-type'] ?? '';
    const parsed = contentType.startsWith('multipart/form-data')
      ? await parseMultipart(contentType, bytes, url.searchParams)
      : parseArgs(contentType, raw, url.searchParams);
    if (!parsed) return send(res, { status: 200, headers: {}, body: { ok: false, error: 'invalid_json' } });
    const call = () => routes.api({ method: api[1]!, headers: req.headers, args: parsed.args, jsonBody: parsed.json });
    const latency = routes.latencyMs?.() ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const fault = routes.fault?.(api[1], parsed.args);
    if (fault === undefined) return send(res, call());
    if (fault === 'hang') return;
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'lose') {
      call();
      return void req.socket.destroy();
    }
    if (fault === 'stall') {
      call();
      return;
    }
    if ('delayMs' in fault) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return send(res, call());
    }
    if ('error' in fault) return send(res, { status: 200, headers: {}, body: { ok: false, error: fault.error } });
    if ('rateLimit' in fault) return send(res, { status: 429, headers: { 'Retry-After': String(fault.rateLimit) }, body: { ok: false, error: 'ratelimited' } });
    return send(res, { status: fault.status, headers: {}, body: { ok: false, error: 'service_unavailable' } });
  }
  const hook = /^\/response-url\/([A-Za-z0-9]+)$/.exec(url.pathname);
  if (hook?.[1] !== undefined && req.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, { status: 400, headers: {}, body: { ok: false, error: 'invalid_payload' } });
    }
    return send(res, routes.responseUrl(hook[1], body));
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
}

function parseArgs(contentType: string, raw: string, query: URLSearchParams): { args: Args; json: boolean } | undefined {
  const args: Args = Object.fromEntries(query);
  if (contentType.includes('application/json')) {
    if (raw.trim() === '') return { args, json: true };
    try {
      const body = JSON.parse(raw) as unknown;
      return typeof body === 'object' && body !== null && !Array.isArray(body)
        ? { args: { ...args, ...(body as Args) }, json: true }
        : undefined;
    } catch {
      return undefined;
    }
  }
  return { args: { ...args, ...Object.fromEntries(new URLSearchParams(raw)) }, json: false };
}

/** `curl -F name=value`: Slack reads the text fields of a multipart form like a urlencoded one. */
async function parseMultipart(contentType: string, bytes: Buffer, query: URLSearchParams): Promise<{ args: Args; json: boolean }> {
  const args: Args = Object.fromEntries(query);
  try {
    const form = await parseForm(contentType, bytes);
    for (const [name, value] of form) if (typeof value === 'string') args[name] = value;
  } catch {
    // a malformed form carries no arguments
  }
  return { args, json: false };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, answer: ApiAnswer): void {
  res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}
