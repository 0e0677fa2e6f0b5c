import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { version as vegaVersion } from 'vega';
import { version as vegaLiteVersion } from 'vega-lite';
import type { ChartJob } from './chart-job.ts';
import { CHART_TEMPLATES } from './chart-renderer.ts';

/**
 * A folder of rendered chart SVGs, one file per chart, named by a hash of
 * everything that shapes the SVG: the job (data, parameters, labels) and
 * the chart templates. A rebuild whose charts did not change reads them back
 * instead of rendering, and its output stays byte-identical to a cold build.
 */

/** Bump when the SVG post-processing or the drawing of lines and points changes, so old cache files are not reused. */
const RENDERER_VERSION = '5';

/** Everything besides the job that shapes the SVG: the templates, the post-processing and the versions of Vega that draw it. */
const TEMPLATE_HASH = createHash('sha256').update(RENDERER_VERSION).update(vegaVersion).update(vegaLiteVersion).update(JSON.stringify(CHART_TEMPLATES)).digest('hex');

/** Returns the cache folder: `SCORECARD_CACHE_DIR`, or `node_modules/.cache/scorecard/charts` under the working folder. */
export function chartCacheDir(): string {
  return resolve(process.env.SCORECARD_CACHE_DIR ?? join('node_modules', '.cache', 'scorecard', 'charts'));
}

export function chartKey(job: ChartJob): string {
  return createHash('sha256').update(TEMPLATE_HASH).update(JSON.stringify(job)).digest('hex');
}

/** Returns the path of the cached SVG with cache key `key`, which may not exist yet. */
export function chartPath(key: string, directory = chartCacheDir()): string {
  return join(directory, `${key}.svg`);
}

export function readCachedChart(key: string, directory = chartCacheDir()): string | null {
  const path = chartPath(key, directory);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function writeCachedChart(key: string, svg: string, directory = chartCacheDir()): void {
  mkdirSync(directory, { recursive: true });
  writeCacheFile(chartPath(key, directory), svg);
}

/** Writes through a temporary file named by process and thread, so a reader never sees half a file. */
export function writeCacheFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
