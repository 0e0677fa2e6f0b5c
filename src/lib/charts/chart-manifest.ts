import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as vegaVersion } from 'vega';
import { version as vegaLiteVersion } from 'vega-lite';
import { chartPath, writeCacheFile } from './chart-cache.ts';
import type { ChartInput } from './chart-worker.ts';

/**
 * The chart manifest: the cache key of every chart of the last build, kept
 * in the chart cache with a hash of everything the chart jobs were built
 * from. A rebuild whose hash matches, with every SVG still in the cache,
 * needs no chart job at all, so a commentary-only change costs the build
 * almost nothing for its charts.
 *
 * The hash covers the chart input (scorecard, findings, edition month and
 * note months) as JSON. It also covers what turns that input into jobs and
 * SVG: every source file under `src/lib`, the Vega and Vega-Lite versions,
 * and the Node.js and ICU versions that format the numbers. Any change to
 * either sends the build back to building jobs. The input is hashed as JSON, not as
 * the bytes the workers get, because V8's serialisation of equal values can
 * differ from run to run.
 */

const MANIFEST_FILE = 'manifest.json';

/** The folder whose source files build the chart jobs. */
const CODE_FOLDER = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  hash: string;
  /** Cache key by chart id. */
  keys: [string, string][];
}

let codeHash: string | null = null;

/** Returns the hash that a manifest for the chart input `input` must carry. */
export function manifestHash(input: ChartInput): string {
  codeHash ??= hashCode();
  // `noteMonths` is the input's only Map, and a test checks that the rest is plain JSON data. A replacer function
  // that converted Maps anywhere took twice as long at 2,000 indicators (about 130 ms against 55 ms).
  const json = JSON.stringify({ ...input, noteMonths: [...input.noteMonths] });
  return createHash('sha256').update(codeHash).update(json).digest('hex');
}

/**
 * Returns the cache key of every chart by chart id, from the manifest in
 * `cacheDir`, when its hash is `hash` and every SVG it names is still in the
 * cache. Returns null otherwise.
 */
export function readManifest(cacheDir: string, hash: string): Map<string, string> | null {
  const path = join(cacheDir, MANIFEST_FILE);
  if (!existsSync(path)) return null;

  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    // A damaged manifest only costs this build the jobs it would have saved.
    return null;
  }
  if (manifest.hash !== hash) return null;
  if (!manifest.keys.every(([, key]) => existsSync(chartPath(key, cacheDir)))) return null;
  return new Map(manifest.keys);
}

export function writeManifest(cacheDir: string, hash: string, keys: [string, string][]): void {
  writeCacheFile(join(cacheDir, MANIFEST_FILE), JSON.stringify({ hash, keys } satisfies Manifest));
}

/** Hashes the path and bytes of every source file under `src/lib`, in path order, with the versions of Vega, Vega-Lite, Node.js and ICU. */
function hashCode(): string {
  const hash = createHash('sha256').update(`${vegaVersion} ${vegaLiteVersion} ${process.versions.node} ${process.versions.icu ?? ''}`);
  const files = readdirSync(CODE_FOLDER, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`\0${relative(CODE_FOLDER, file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}
