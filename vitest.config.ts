import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // What only Debian ships runs in `npm run test:system`, so `npm test` needs nothing but Node and npm.
    exclude: ['test/system/**', '**/node_modules/**'],
    // Fails the run when a process the suite started outlives it.
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
