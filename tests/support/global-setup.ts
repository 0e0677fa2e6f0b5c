import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { BUILD_ROOT, SITE_BUILDS } from './site-builds.ts';

/**
 * Builds the shipped scorecard once at the root path and once under a
 * sub-path before any test file runs. Builds run one after another because
 * Astro keeps a cache in the project folder that parallel builds would share.
 */
export default async function setup(): Promise<void> {
  rmSync(BUILD_ROOT, { recursive: true, force: true });
  const root = join(import.meta.dirname, '..', '..');

  for (const build of Object.values(SITE_BUILDS)) {
    const result = await runCli(['build', '--root', root, '--out', build.outDir], { SCORECARD_BASE: build.base, SCORECARD_COMMIT: 'testcommit' });
    if (result.code !== 0) {
      throw new Error(`Building the shipped site for tests failed (base ${build.base}):\n${result.stdout}\n${result.stderr}`);
    }
  }
}
