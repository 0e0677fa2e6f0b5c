import { join } from 'node:path';

/**
 * Sites built once before the test run by `global-setup.ts`, from the
 * shipped data: one at the root path and one under a sub-path, as the
 * intranet serves it. Tests read them and never build the shipped data again.
 */
export const BUILD_ROOT = join(import.meta.dirname, '..', '..', 'test-output');

export const SITE_BUILDS = {
  root: { outDir: join(BUILD_ROOT, 'site-root'), base: '/' },
  subPath: { outDir: join(BUILD_ROOT, 'site-subpath'), base: '/performance/scorecard/' },
} as const;
