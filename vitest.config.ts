import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', new SummaryReporter()],
    // Browser and build tests start Chromium and Astro builds, which take seconds each.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
