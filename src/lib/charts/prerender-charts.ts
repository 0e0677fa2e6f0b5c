import { availableParallelism } from 'node:os';
import { chartKey, readCachedChart, writeCachedChart } from './chart-cache.ts';
import type { ChartJob } from './chart-job.ts';
import { RenderPool } from './render-pool.ts';

/**
 * The build's chart phase: starts rendering, on every core, each chart whose
 * SVG is not in the cache, and registers a promise per chart that the pages
 * await (see `chart-svg.ts`). Astro renders pages at the same time, so
 * chart drawing overlaps page rendering instead of preceding it.
 */

/** Charts being rendered in this process, by cache key, shared with the pages' copy of `chart-svg.ts`. */
export const PENDING_CHARTS = Symbol.for('scorecard.pendingCharts');

export interface ChartPhase {
  /** Resolves when every chart is rendered and cached, with the counts. */
  done: Promise<{ rendered: number; cached: number }>;
}

export function startChartRendering(jobs: readonly ChartJob[]): ChartPhase {
  const pending = new Map<string, Promise<string>>();
  (globalThis as Record<symbol, unknown>)[PENDING_CHARTS] = pending;

  const pool = new RenderPool(Math.max(1, availableParallelism() - 1));
  const seen = new Set<string>();
  let cached = 0;

  for (const job of jobs) {
    const key = chartKey(job);
    if (seen.has(key)) continue;
    seen.add(key);

    if (readCachedChart(key) !== null) {
      cached++;
      continue;
    }

    pending.set(key, pool.render(job).then((svg) => {
      writeCachedChart(key, svg);
      return svg;
    }));
  }

  const done = Promise.all(pending.values())
    .then(() => ({ rendered: pending.size, cached }))
    .finally(() => pool.close());
  return { done };
}
