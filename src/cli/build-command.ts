import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors } from '../lib/findings.ts';
import { loadProject } from '../lib/load-project.ts';
import { printFindings } from './print-findings.ts';

/**
 * Runs `scorecard build`: checks the project, then builds the site with
 * Astro into a staging folder and swaps it into place only when the build
 * succeeded, so readers never get a half-built or unchecked site.
 */
export async function runBuild(options: { root: string; out: string | undefined }): Promise<number> {
  const root = resolve(options.root);
  const { findings } = loadProject(root);
  if (hasErrors(findings)) {
    printFindings(findings, false);
    console.error('Build stopped: fix the errors above. The previous dist/ was left as it was.');
    return 1;
  }

  const outDir = resolve(options.out ?? 'dist');
  const staging = `${outDir}.staging`;
  rmSync(staging, { recursive: true, force: true });

  process.env.SCORECARD_ROOT = root;
  const { build } = await import('astro');
  try {
    await build({ root: process.cwd(), outDir: staging, logLevel: 'warn' });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`Build failed: ${(error as Error).message}\nThe previous dist/ was left as it was.`);
    return 1;
  }

  const previous = `${outDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });

  const warnings = findings.length;
  console.log(`Built ${outDir}${warnings > 0 ? ` (${warnings} data warnings, listed on the data-quality page)` : ''}.`);
  return 0;
}
