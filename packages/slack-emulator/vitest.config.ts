import { defineConfig } from 'vitest/config';

// `npm test` inside this package runs its own tests; the repository's `npm test` runs them too.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
