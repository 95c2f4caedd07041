import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // What only Debian ships runs in `npm run test:system`, so `npm test` needs nothing but Node and npm.
    exclude: ['test/system/**', '**/node_modules/**'],
    // Compiles the bot once for the tests that start it as a process; fails the run when a process
    // the suite started outlives it.
    globalSetup: ['./test/support/global-setup.ts'],
    // Test files share their worker's module cache instead of importing the bot afresh each: that
    // import was most of the suite's time on 2 cores. Nothing in src/ keeps state at module level
    // but memoised pure lookups, every test builds its own bot, Slack and database, and none mocks.
    isolate: false,
    // Vitest leaves a core to itself by default: one worker on 2 cores. Its own part of a run is small,
    // and much of the suite waits on the processes, servers and browser it started.
    maxWorkers: Math.max(2, availableParallelism()),
    // Bounds on a hung test, not timings (those are in bench/): generous, so a loaded machine is no failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
