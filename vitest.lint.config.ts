import { defineConfig } from 'vitest/config';

// `npm run lint`'s import and file-length rules read files only: no bot to compile once for the
// process tests and no started processes to account for, so none of the suite's global setup.
export default defineConfig({
  test: {
    include: ['test/architecture.test.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
