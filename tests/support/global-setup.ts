import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from './run-cli.ts';
import { BUILD_ROOT, SITE_BASES, type SiteBuildName } from './site-builds.ts';

/**
 * Builds the shipped scorecard once at the root path and once under a
 * sub-path before any site test runs, into a folder of this run's own, and
 * removes it afterwards. Builds run one after another because Astro keeps a
 * cache in the project folder that parallel builds would share.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const runFolder = join(BUILD_ROOT, `run-${process.pid}`);
  rmSync(runFolder, { recursive: true, force: true });
  mkdirSync(runFolder, { recursive: true });
  const root = join(import.meta.dirname, '..', '..');

  const folders = {} as Record<SiteBuildName, string>;
  for (const [name, base] of Object.entries(SITE_BASES) as [SiteBuildName, string][]) {
    const outDir = join(runFolder, `site-${name}`);
    const result = await runCli(['build', '--root', root, '--out', outDir], { SCORECARD_BASE: base, SCORECARD_COMMIT: 'testcommit' });
    if (result.code !== 0) {
      throw new Error(`Building the shipped site for tests failed (base ${base}):\n${result.stdout}\n${result.stderr}`);
    }
    folders[name] = outDir;
  }

  project.provide('siteBuildFolders', folders);
  return () => rmSync(runFolder, { recursive: true, force: true });
}
