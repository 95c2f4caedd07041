import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import { statusPageRoutes } from '../../../src/http/status-page/routes.js';
import { NOW, richInput } from '../../domain/communication/status-fixtures.js';
import { serveRoutes } from './serve-routes.js';

const snapshot = buildStatusSnapshot(richInput());
const paths = [
  '/status',
  '/history.atom',
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
];
const contentTypes: Record<string, string> = {
  '/status': 'text/html; charset=utf-8',
  '/history.atom': 'application/atom+xml; charset=utf-8',
};

describe('statusPageRoutes', () => {
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let reads = 0;
  beforeAll(async () => {
    server = await serveRoutes(
      statusPageRoutes(
        () => {
          reads += 1;
          return snapshot;
        },
        { now: () => NOW },
      ),
    );
  });
  afterAll(() => server.close());

  it('registers one route per path, each with GET', () => {
    const routes = statusPageRoutes(() => snapshot);
    expect(routes.map((route) => route.path)).toEqual(paths);
    for (const route of routes) expect(route.method).toContain('GET');
  });

  it.each(paths)('GET %s → 200 with a charset, a short cache and a fresh snapshot', async (path) => {
    const before = reads;
    const response = await fetch(`${server.baseUrl}${path}?cache-buster=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentTypes[path] ?? 'application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=30');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reads).toBe(before + 1);
    const body = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
  });

  it.each(paths)('HEAD %s → the same headers and no body', async (path) => {
    const get = await fetch(`${server.baseUrl}${path}`);
    const head = await fetch(`${server.baseUrl}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    for (const name of ['content-type', 'content-length', 'cache-control', 'access-control-allow-origin']) {
      expect(head.headers.get(name)).toBe(get.headers.get(name));
    }
    expect(await head.text()).toBe('');
  });

  it.each([
    { path: '/status', cors: false },
    { path: '/history.atom', cors: false },
    { path: '/api/v2/summary.json', cors: true },
  ])('CORS on $path: $cors', async ({ path, cors }) => {
    const response = await fetch(`${server.baseUrl}${path}`);
    expect(response.headers.get('access-control-allow-origin')).toBe(cors ? '*' : null);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s → 405 naming the allowed methods', async (method) => {
    const response = await fetch(`${server.baseUrl}/api/v2/summary.json`, { method, body: method === 'DELETE' ? undefined : '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toMatch(new RegExp(`${method} is not supported here; the status page is read-only`));
  });

  it('OPTIONS → 204 with Allow (a CORS preflight succeeds)', async () => {
    const response = await fetch(`${server.baseUrl}/api/v2/status.json`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('the HTML page forbids scripts and outside assets', async () => {
    const response = await fetch(`${server.baseUrl}/status`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('a snapshot that cannot be read → 503, reported, not cached', async () => {
    const errors: unknown[] = [];
    const failing = await serveRoutes(
      statusPageRoutes(
        () => {
          throw new Error('database is locked');
        },
        { onError: (error) => errors.push(error) },
      ),
    );
    try {
      const response = await fetch(`${failing.baseUrl}/api/v2/summary.json`);
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).not.toContain('database is locked');
      expect(errors).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});
