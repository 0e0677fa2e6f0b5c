import { existsSync } from 'node:fs';
import type { Month } from '../data/types.ts';
import type { IndicatorView } from '../site/build-edition.ts';
import { buildSiteChartJobs } from '../site/chart-jobs.ts';
import { chartKey, chartPath, writeCachedChart } from './chart-cache.ts';
import { ChartRenderer } from './chart-renderer.ts';

/** Charts drawn by one thread: the cache key of each chart by chart id, and the counts. */
export interface DrawnCharts {
  keys: [string, string][];
  rendered: number;
  cached: number;
}

/**
 * A counter in shared memory from which every thread of the chart phase
 * claims the next indicator, so no indicator is drawn twice and a thread
 * that is less busy draws more.
 */
export class IndicatorQueue {
  readonly #next: Int32Array;

  constructor(buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.#next = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.#next.buffer as SharedArrayBuffer;
  }

  /** Returns the index of the next unclaimed indicator. An index at or past the end means none is left. */
  claim(): number {
    return Atomics.add(this.#next, 0, 1);
  }
}

/**
 * Draws the charts of the indicators this thread claims from `queue` into the
 * chart cache in `cacheDir`, skipping charts already there. `views` must be
 * in the same order in every thread. Jobs are built one indicator at a time,
 * so no thread keeps every chart's rows in memory at once.
 */
export async function drawCharts(views: readonly IndicatorView[], noteMonths: ReadonlyMap<string, readonly Month[]>, queue: IndicatorQueue, cacheDir: string): Promise<DrawnCharts> {
  const renderer = new ChartRenderer();
  const drawn: DrawnCharts = { keys: [], rendered: 0, cached: 0 };

  try {
    for (let index = queue.claim(); index < views.length; index = queue.claim()) {
      for (const job of buildSiteChartJobs([views[index]!], noteMonths)) {
        const key = chartKey(job);
        drawn.keys.push([job.id, key]);
        if (existsSync(chartPath(key, cacheDir))) {
          drawn.cached++;
          continue;
        }

        try {
          writeCachedChart(key, await renderer.render(job), cacheDir);
        } catch (error) {
          throw new Error(
            `Drawing the chart "${job.title}" into the chart cache ${cacheDir} failed: ${(error as Error).message}. ` +
              'Check that the folder is writable (SCORECARD_CACHE_DIR names another), or build without charts with SCORECARD_CHARTS=off.',
          );
        }
        drawn.rendered++;
      }
    }
  } finally {
    renderer.close();
  }
  return drawn;
}
