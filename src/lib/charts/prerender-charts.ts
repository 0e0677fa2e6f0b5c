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

/**
 * Shared with the pages' copy of `chart-svg.ts`, which Vite bundles apart
 * from this module: charts still being drawn (a promise per cache key that
 * resolves once the SVG is in the cache) and every chart's cache key by job id.
 */
export const PENDING_CHARTS = Symbol.for('scorecard.pendingCharts');
export const CHART_KEYS = Symbol.for('scorecard.chartKeys');

export interface ChartPhase {
  /** Resolves when every chart is rendered and cached, with the counts. */
  done: Promise<{ rendered: number; cached: number }>;
}

export function startChartRendering(jobs: readonly ChartJob[]): ChartPhase {
  const pending = new Map<string, Promise<void>>();
  const keys = new Map<string, string>();
  (globalThis as Record<symbol, unknown>)[PENDING_CHARTS] = pending;
  (globalThis as Record<symbol, unknown>)[CHART_KEYS] = keys;

  const pool = new RenderPool(availableParallelism());
  const seen = new Set<string>();
  let cached = 0;

  for (const job of jobs) {
    const key = chartKey(job);
    keys.set(job.id, key);
    if (seen.has(key)) continue;
    seen.add(key);

    if (readCachedChart(key) !== null) {
      cached++;
      continue;
    }

    pending.set(key, pool.render(job).then((svg) => writeCachedChart(key, svg)));
  }

  const done = Promise.all(pending.values())
    .then(() => ({ rendered: pending.size, cached }))
    .finally(() => pool.close());
  return { done };
}
