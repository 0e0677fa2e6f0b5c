import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summary-reporter.ts';

export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/lib/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Tests of the built site share two builds made once by the global setup.
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Browser tests each start Chromium; one file at a time keeps a 2-core machine responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
