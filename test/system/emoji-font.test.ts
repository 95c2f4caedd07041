import type { Browser } from 'playwright-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { launchChromium } from '../support/chromium.js';

/**
 * Emoji in the sandbox and in the browser tests' screenshots need a colour emoji font on the machine:
 * Debian's fonts-noto-color-emoji (.ci/run installs it). Without one Chromium draws empty boxes. This
 * is a system test (`npm run test:system`) because only Debian ships the font, like Chromium itself.
 */
describe('emoji in Chromium', () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ env: { PORT: '0' }, logger: pino({ level: 'silent' }) });
    // Debian's Chromium, which reads the system's fonts (.ci/run installs both for test:system).
    browser = await launchChromium(['/usr/bin/chromium']);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('draws emoji in colour with the sandbox page’s fonts, not as empty boxes', async () => {
    const page = await browser!.newPage();
    await page.goto(sandbox.url);
    // Draw 🚨 (the bot's :rotating_light:) in the page's own font stack and count strongly coloured pixels:
    // a colour emoji has hundreds, an empty box (or a monochrome glyph) none.
    const coloured = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.font = `48px ${getComputedStyle(document.body).fontFamily}`;
      context.textBaseline = 'top';
      context.fillStyle = '#000';
      context.fillText('\u{1F6A8}', 4, 4);
      const { data } = context.getImageData(0, 0, 64, 64);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 80) count += 1;
      }
      return count;
    });
    expect(coloured, 'no colour emoji font: apt-get install -y fonts-noto-color-emoji').toBeGreaterThan(100);
    await page.close();
  });
});
