import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildStatusSnapshot } from '../../src/domain/communication/status-snapshot.js';
import { statusPageRoutes } from '../../src/http/status-page/routes.js';
import { NOW, richInput } from '../domain/communication/status-fixtures.js';
import { serveRoutes } from '../http/status-page/serve-routes.js';

/**
 * The status page in a real browser (Chromium, driven by playwright-core; see test/support/chromium.ts): readable on a
 * phone and a desktop, without JavaScript, and free of private incidents. Screenshots land in
 * test-artifacts/ for a person to look at.
 */
const artifacts = join(import.meta.dirname, '../../test-artifacts');
const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

const activeName = 'Partial outage: Payments API';
const latestUpdate = 'We found the cause and are rolling out a fix.';

describe('status page in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await serveRoutes(statusPageRoutes(() => buildStatusSnapshot(richInput()), { now: () => NOW }));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });


  const withContext = async <T>(options: Parameters<Browser['newContext']>[0], use: (context: BrowserContext) => Promise<T>) => {
    const context = await browser!.newContext(options);
    try {
      return await use(context);
    } finally {
      await context.close();
    }
  };

  it.each(viewports)('$name ($width×$height): incident visible, private absent, no sideways scroll', async (viewport) => {
    await withContext({ viewport, isMobile: viewport.name === 'phone', hasTouch: viewport.name === 'phone' }, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(`${server.baseUrl}/status`);
      expect(response?.status()).toBe(200);

      await expect.poll(() => page.getByRole('heading', { level: 3, name: activeName }).isVisible()).toBe(true);
      expect(await page.getByText(latestUpdate).first().isVisible()).toBe(true);
      expect(await page.getByRole('heading', { level: 2, name: 'Partial System Outage' }).isVisible()).toBe(true);
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/PRIVATE|security investigation/);

      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);

      await page.screenshot({ path: join(artifacts, `status-page-${viewport.name}.png`), fullPage: true });
    });
  }, 60_000);

  it('reads the same without JavaScript', async () => {
    await withContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/status`);
      expect(await page.getByRole('heading', { level: 3, name: activeName }).isVisible()).toBe(true);
      expect(await page.getByText(latestUpdate).first().isVisible()).toBe(true);
    });
  }, 60_000);

  it('the Atom feed is well-formed XML in the Atom namespace', async () => {
    const xml = await (await fetch(`${server.baseUrl}/history.atom`)).text();
    await withContext({}, async (context) => {
      const page = await context.newPage();
      const parsed = await page.evaluate((source) => {
        const document = new DOMParser().parseFromString(source, 'application/xml');
        const error = document.getElementsByTagName('parsererror')[0];
        const root = document.documentElement;
        return {
          error: error?.textContent ?? null,
          namespace: root.namespaceURI,
          name: root.localName,
          entries: root.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length,
        };
      }, xml);
      expect(parsed).toMatchObject({ error: null, namespace: 'http://www.w3.org/2005/Atom', name: 'feed' });
      expect(parsed.entries).toBeGreaterThan(0);
    });
  }, 60_000);
});
