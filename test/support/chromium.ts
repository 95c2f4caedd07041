import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, when installed; CI used to install it, a fresh machine does not have it. */
export const systemChromiumPaths = ['/usr/bin/chromium'];

export interface FoundChromium {
  executablePath: string;
  source: 'system' | '@sparticuz/chromium';
}

/**
 * The browser tests need a Chromium and must never download one: the system's when present, else the
 * one packed inside the @sparticuz/chromium npm package (a dev dependency, unpacked once into the
 * temporary directory). So `npm test` passes with nothing but Node and npm.
 */
export const findChromium = async (candidates: readonly string[] = systemChromiumPaths): Promise<FoundChromium> => {
  const system = candidates.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  // No WebGL needed: skips unpacking the SwiftShader libraries.
  packaged.setGraphicsMode = false;
  return { executablePath: await packaged.executablePath(), source: '@sparticuz/chromium' };
};

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright starts Chromium with a fresh temporary profile and deletes it on close. */
export const launchChromium = async (candidates?: readonly string[]): Promise<Browser> => {
  const { executablePath } = await findChromium(candidates);
  return chromium.launch({ executablePath, headless: true, args: launchArgs });
};
