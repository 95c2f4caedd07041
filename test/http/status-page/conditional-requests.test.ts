import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import type { StatusPageSnapshot } from '../../../src/domain/communication/types.js';
import { statusPageRoutes } from '../../../src/http/status-page/routes.js';
import { NOW, richInput } from '../../domain/communication/status-fixtures.js';
import { serveRoutes } from './serve-routes.js';

const paths = ['/status', '/history.atom', '/api/v2/summary.json', '/api/v2/incidents.json'];

describe('status page validators', () => {
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let snapshot: StatusPageSnapshot = buildStatusSnapshot(richInput());
  let now = NOW;
  beforeAll(async () => {
    server = await serveRoutes(statusPageRoutes(() => snapshot, { now: () => now }));
  });
  afterAll(() => server.close());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });

  it.each(paths)('%s: a strong ETag and a Last-Modified on 200; the ETag again → 304 without a body', async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('last-modified')).toBe(new Date(Math.floor(now / 1000) * 1000).toUTCString());
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get(path, { 'if-none-match': tag });
      expect(again.status, tag).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=30');
      expect(await again.text()).toBe('');
    }
    expect((await get(path, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('If-Modified-Since: 304 at or after the last change, 200 before it or when unreadable; If-None-Match wins', async () => {
    const lastModified = (await get('/status')).headers.get('last-modified')!;
    expect((await get('/status', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/status', { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
    expect((await get('/status', { 'if-modified-since': 'yesterday-ish' })).status).toBe(200);
    expect((await get('/status', { 'if-modified-since': lastModified, 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('the same page rebuilt later keeps its validators; a changed page gets new ones', async () => {
    const before = await get('/api/v2/summary.json');
    now = NOW + 60_000;
    // A new snapshot object with the same content, as the reader returns after an unrelated write.
    snapshot = structuredClone(snapshot);
    const same = await get('/api/v2/summary.json');
    expect(same.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(same.headers.get('last-modified')).toBe(before.headers.get('last-modified'));

    snapshot = { ...snapshot, page: { ...snapshot.page, name: 'Acme Status (renamed)' } };
    const changed = await get('/api/v2/summary.json', { 'if-none-match': before.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(changed.headers.get('last-modified')).toBe(new Date(NOW + 60_000).toUTCString());
    expect((await changed.json()).page.name).toBe('Acme Status (renamed)');
  });
});
