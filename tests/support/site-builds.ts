import { join } from 'node:path';
import { inject } from 'vitest';

/**
 * Sites built once per test run by `global-setup.ts`, from the shipped data:
 * one at the root path and one under a sub-path, as the intranet serves it.
 * Each run builds into its own folder, so two test runs at once do not
 * overwrite each other's sites.
 */
export const BUILD_ROOT = join(import.meta.dirname, '..', '..', 'test-output');

export const SITE_BASES = {
  root: '/',
  subPath: '/performance/scorecard/',
} as const;

export type SiteBuildName = keyof typeof SITE_BASES;

/** Output folders of this run's builds, provided by the global setup. */
export function siteBuilds(): Record<SiteBuildName, { outDir: string; base: string }> {
  const folders = inject('siteBuildFolders');
  return {
    root: { outDir: folders.root, base: SITE_BASES.root },
    subPath: { outDir: folders.subPath, base: SITE_BASES.subPath },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteBuildFolders: Record<SiteBuildName, string>;
  }
}

/** The same folders as `siteBuilds()`, read lazily, for tests that name a build as a property. */
export const SITE_BUILDS = {
  get root() {
    return siteBuilds().root;
  },
  get subPath() {
    return siteBuilds().subPath;
  },
};
