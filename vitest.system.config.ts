import { defineConfig } from 'vitest/config';

// `npm run test:system`: tests that need what only Debian ships (see test/system/).
export default defineConfig({
  test: {
    include: ['test/system/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
