import type { ChartJob } from './chart-job.ts';
import { chartKey, readCachedChart, writeCachedChart } from './chart-cache.ts';
import { ChartRenderer } from './chart-renderer.ts';
import { PENDING_CHARTS } from './prerender-charts.ts';

/**
 * Returns a chart's SVG for a page: from the build's chart phase (waiting for
 * it if the chart is still being drawn), from the cache, or rendered here
 * when it is in neither (as under the dev server).
 * Returns null when the build switched charts off (`SCORECARD_CHARTS=off`).
 */

let renderer: ChartRenderer | null = null;

export function areChartsEnabled(): boolean {
  return process.env.SCORECARD_CHARTS !== 'off';
}

export async function getChartSvg(job: ChartJob): Promise<string | null> {
  if (!areChartsEnabled()) return null;

  const key = chartKey(job);
  const pending = ((globalThis as Record<symbol, unknown>)[PENDING_CHARTS] as Map<string, Promise<string>> | undefined)?.get(key);
  if (pending) return pending;

  const cached = readCachedChart(key);
  if (cached !== null) return cached;

  renderer ??= new ChartRenderer();
  const svg = await renderer.render(job);
  writeCachedChart(key, svg);
  return svg;
}
