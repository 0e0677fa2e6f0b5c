import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { formatFinding } from '../findings.ts';
import { loadProject } from '../load-project.ts';
import type { Scorecard } from '../data/load-scorecard.ts';
import { buildEdition, type Edition } from './build-edition.ts';

/**
 * Loads the project the site is built from, once per build. The folder comes
 * from `SCORECARD_ROOT` (default: the working folder). Throws with every
 * located error when the data fail validation, so Astro stops before it
 * writes a page.
 */

export interface Site {
  root: string;
  scorecard: Scorecard;
  edition: Edition;
  /** Short hash of the commit the site was built from, or "uncommitted" outside git. */
  commit: string;
}

/**
 * `scorecard build` loads the site before it starts Astro in the same
 * process, and hands it over here so the pages do not load and evaluate the
 * data a second time. The pages' copy of this module is bundled by Vite, so
 * the hand-over goes through a global symbol rather than a module variable.
 */
const SHARED = Symbol.for('scorecard.site');

let cached: Site | null = null;

export function createSite(root: string, scorecard: Scorecard, edition: Edition): Site {
  return { root, scorecard, edition, commit: readCommit(root) };
}

export function shareSite(site: Site): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = site;
}

export function loadSite(): Site {
  cached ??= ((globalThis as Record<symbol, unknown>)[SHARED] as Site | undefined) ?? null;
  if (cached) return cached;

  const root = resolve(process.env.SCORECARD_ROOT ?? '.');
  const { scorecard, findings } = loadProject(root);
  if (!scorecard) {
    const errors = findings.filter((finding) => finding.severity === 'error').map(formatFinding);
    throw new Error(`The scorecard data in ${root} has errors, so no page was built:\n${errors.join('\n')}`);
  }

  cached = createSite(root, scorecard, buildEdition(scorecard, findings));
  return cached;
}

/** The commit being built: `SCORECARD_COMMIT` when CI sets it, else git's HEAD of the project folder. */
function readCommit(root: string): string {
  if (process.env.SCORECARD_COMMIT) return process.env.SCORECARD_COMMIT.slice(0, 12);
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'uncommitted';
  }
}
