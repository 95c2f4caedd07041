import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from '../support/chromium.js';

/**
 * A fresh machine has Node and npm and no system Chromium: the browser tests then use the Chromium
 * packed in the @sparticuz/chromium dev dependency, without downloading anything.
 */
describe('Chromium for the browser tests', () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('without a system Chromium, falls back to the packaged one and renders a page with it', async () => {
    const missing = ['/nonexistent/chromium'];
    expect((await findChromium(missing)).source).toBe('@sparticuz/chromium');
    browser = await launchChromium(missing);
    const page = await browser.newPage();
    await page.setContent('<main><h1>Status: all systems operational</h1></main>');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Status: all systems operational');
  }, 60_000);
});
