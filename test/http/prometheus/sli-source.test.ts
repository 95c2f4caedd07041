import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SliUnavailable } from '../../../src/app/slo/slo-ports.js';
import type { Slo } from '../../../src/domain/slo/error-budget.js';
import { prometheusSliSource } from '../../../src/http/prometheus/sli-source.js';

// What Prometheus answers is read against the real server in test/system/slo-prometheus.test.ts;
// here, what the network does: nobody listening, and a server that never answers.

const slo: Slo = { id: 'checkout-availability', service: 'checkout-api', objective: 99.9, windowMs: 60_000, good: 'good[$window]', total: 'total[$window]' };

const servers: Server[] = [];
const httpServers: HttpServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of [...servers.splice(0), ...httpServers.splice(0)]) await new Promise((resolve) => server.close(resolve));
});

const listening = async (onConnection: (socket: Socket) => void = () => undefined): Promise<number> => {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
};

const failure = (read: Promise<unknown>) => read.then(() => expect.fail('expected the read to fail'), (error: unknown) => error);

describe('reading SLIs from Prometheus', () => {
  it('gives up on a server that takes the request and never answers, after the timeout', async () => {
    const port = await listening();
    const source = prometheusSliSource(() => ({ url: `http://127.0.0.1:${port}`, timeoutMs: 300, evaluateEveryMs: 60_000, tokenEnv: null }));
    const started = performance.now();
    const error = await failure(source.read(slo, 60_000, Date.now()));
    expect(error).toBeInstanceOf(SliUnavailable);
    expect((error as Error).message).toBe(`Prometheus at 127.0.0.1:${port} did not answer within 0.3 s`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('says so when nothing listens, naming the host and never the credentials in the URL', async () => {
    const port = await listening();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const source = prometheusSliSource(() => ({ url: `http://reader:s3cret-password@127.0.0.1:${port}`, timeoutMs: 2_000, evaluateEveryMs: 60_000, tokenEnv: null }));
    const error = await failure(source.read(slo, 60_000, Date.now()));
    expect((error as Error).message).toBe(`Prometheus at 127.0.0.1:${port} could not be reached`);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('says that no Prometheus is configured', async () => {
    const error = await failure(prometheusSliSource(() => null).read(slo, 60_000, Date.now()));
    expect((error as Error).message).toBe('no Prometheus is configured (prometheus.url)');
  });
});

describe('a Prometheus behind basic auth', () => {
  it('gets the user and password of prometheus.url as an Authorization header, and the URL without them', async () => {
    const seen: { url: string; authorization: string | undefined }[] = [];
    const server = createHttpServer((request, response) => {
      seen.push({ url: request.url!, authorization: request.headers.authorization });
      response.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
    });
    httpServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const source = prometheusSliSource(() => ({ url: `http://reader:s3cret%40x@127.0.0.1:${port}/prom`, timeoutMs: 2_000, evaluateEveryMs: 60_000, tokenEnv: null }));
    const error = await failure(source.read(slo, 60_000, Date.UTC(2026, 11, 2, 10, 0)));
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from('reader:s3cret@x').toString('base64')}`);
    expect(seen[0]!.url).toMatch(/^\/prom\/api\/v1\/query\?query=.*&time=1796205600\.000$/);
    // Refused, with what the server said; the password is in no message.
    expect((error as Error).message).toMatch(/^Prometheus refused the query `.*`: HTTP 401$/);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('sends the token of prometheus.token_env as a bearer token, before any credentials in the URL', async () => {
    const seen: (string | undefined)[] = [];
    const server = createHttpServer((request, response) => {
      seen.push(request.headers.authorization);
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
    });
    httpServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const config = { url: `http://reader:s3cret@127.0.0.1:${port}`, timeoutMs: 2_000, evaluateEveryMs: 60_000, tokenEnv: 'PROMETHEUS_TOKEN' };
    const error = await failure(prometheusSliSource(() => config, { PROMETHEUS_TOKEN: ' tok-9f2e ' }).read(slo, 60_000, Date.now()));
    expect(seen).toEqual(['Bearer tok-9f2e']);
    expect((error as Error).message).toMatch(/: HTTP 403$/);
    expect((error as Error).message).not.toMatch(/tok-9f2e|s3cret/);
  });
});
