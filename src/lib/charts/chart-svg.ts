import type { ChartJob } from './chart-job.ts';
import { chartKey, readCachedChart, writeCachedChart } from './chart-cache.ts';
import { ChartRenderer } from './chart-renderer.ts';
import { areChartSlotsOn, chartSlot } from './chart-slots.ts';

let renderer: ChartRenderer | null = null;

export function areChartsEnabled(): boolean {
  return process.env.SCORECARD_CHARTS !== 'off';
}

/**
 * Returns what a page shows for a chart. Under `scorecard build` that is the
 * chart's slot, which the build fills with the SVG after Astro has written
 * the pages. Elsewhere, as under the dev server, it is the SVG itself, from
 * the cache or rendered here. Returns null when charts are switched off
 * (`SCORECARD_CHARTS=off`).
 *
 * `id` is the job's id, unique per chart on the site. `buildJob` builds the
 * job only when the SVG is needed here. A slot is filled with the chart the
 * build drew for `id` from `buildSiteChartJobs`, so `buildJob` must build
 * that same job.
 */
export async function getChartSvg(id: string, buildJob: () => ChartJob): Promise<string | null> {
  if (!areChartsEnabled()) return null;
  if (areChartSlotsOn()) return chartSlot(id);

  const job = buildJob();
  const key = chartKey(job);
  const cached = readCachedChart(key);
  if (cached !== null) return cached;

  renderer ??= new ChartRenderer();
  const svg = await renderer.render(job);
  writeCachedChart(key, svg);
  return svg;
}
