import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the browser tests never download one. */
export const systemChromiumPaths = ['/usr/bin/chromium'];

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless Chromium with a fresh temporary profile; a missing one fails with the fix in the message. */
export const launchChromium = async (candidates: readonly string[] = systemChromiumPaths): Promise<Browser> => {
  const executablePath = candidates.find((path) => existsSync(path));
  if (!executablePath) throw new Error(`No Chromium at ${candidates.join(', ')}: install it with \`apt-get install -y chromium\``);
  return chromium.launch({ executablePath, headless: true, args: launchArgs });
};
