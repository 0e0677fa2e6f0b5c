import { chartKey, readCachedChart, writeCachedChart } from './chart-cache.ts';
import type { ChartJob } from './chart-job.ts';
import { renderInPool } from './render-pool.ts';

/**
 * The build's chart phase: renders, on every core, each chart whose SVG is
 * not in the cache yet, so the pages only read files. Returns how many
 * charts were rendered and how many were already cached.
 */
export async function prerenderCharts(jobs: readonly ChartJob[]): Promise<{ rendered: number; cached: number }> {
  const keys = jobs.map(chartKey);
  const missing: number[] = [];
  const seen = new Set<string>();

  keys.forEach((key, index) => {
    if (seen.has(key)) return;
    seen.add(key);
    if (readCachedChart(key) === null) missing.push(index);
  });

  const svgs = await renderInPool(missing.map((index) => jobs[index]!));
  missing.forEach((index, position) => writeCachedChart(keys[index]!, svgs[position]!));

  return { rendered: missing.length, cached: seen.size - missing.length };
}
