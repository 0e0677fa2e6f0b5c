import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

let cached: { site: Site; signature: string } | null = null;

export function createSite(root: string, scorecard: Scorecard, edition: Edition): Site {
  return { root, scorecard, edition, commit: readCommit(root) };
}

export function shareSite(site: Site): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = site;
}

export function loadSite(): Site {
  const shared = (globalThis as Record<symbol, unknown>)[SHARED] as Site | undefined;
  if (shared) return shared;

  // Under the dev server this module lives as long as the server, so the data are loaded again whenever a file changes.
  const root = resolve(process.env.SCORECARD_ROOT ?? '.');
  const signature = readSignature(root);
  if (cached && cached.signature === signature) return cached.site;

  const { scorecard, findings } = loadProject(root);
  if (!scorecard) {
    const errors = findings.filter((finding) => finding.severity === 'error');
    const error = new Error(`The scorecard data in ${root} has errors, so no page was built:\n${errors.map(formatFinding).join('\n')}`);
    // Astro's dev error overlay shows the lines around `loc`, so it shows the data file, not this module. The whole
    // line is marked, because the column of a CSV finding is a field number.
    const located = errors.find((finding) => finding.line !== null);
    if (located) Object.assign(error, { loc: { file: join(root, located.file), line: located.line, column: 1 } });
    throw error;
  }

  const site = createSite(root, scorecard, buildEdition(scorecard, findings));
  cached = { site, signature };
  return site;
}

/** Paths and modification times of every data and commentary file, which change whenever an analyst saves one. */
function readSignature(root: string): string {
  const parts: string[] = [];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else parts.push(`${path}:${statSync(path).mtimeMs}`);
    }
  };
  walk(join(root, 'data'));
  walk(join(root, 'content'));
  return parts.sort().join('\n');
}

/** Reads the commit being built: `SCORECARD_COMMIT` when CI sets it, else git's HEAD of the project folder. */
function readCommit(root: string): string {
  if (process.env.SCORECARD_COMMIT) return process.env.SCORECARD_COMMIT.slice(0, 12);
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'uncommitted';
  }
}
