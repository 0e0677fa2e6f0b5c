import type { ChartJob } from './chart-job.ts';
import { chartKey, readCachedChart, writeCachedChart } from './chart-cache.ts';
import { ChartRenderer } from './chart-renderer.ts';
import { CHART_KEYS, PENDING_CHARTS } from './prerender-charts.ts';

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

/**
 * `id` is the job's id (unique per chart on the site) and `buildJob` builds
 * the job only when needed: during `scorecard build` the chart phase has already
 * stored each chart's cache key by id, so pages skip rebuilding and hashing it.
 */
export async function getChartSvg(id: string, buildJob: () => ChartJob): Promise<string | null> {
  if (!areChartsEnabled()) return null;

  const shared = globalThis as Record<symbol, unknown>;
  let job: ChartJob | null = null;
  const knownKey = (shared[CHART_KEYS] as Map<string, string> | undefined)?.get(id);
  const key = knownKey ?? chartKey((job = buildJob()));

  const pending = (shared[PENDING_CHARTS] as Map<string, Promise<void>> | undefined)?.get(key);
  if (pending) await pending;

  const cached = readCachedChart(key);
  if (cached !== null) return cached;

  renderer ??= new ChartRenderer();
  const svg = await renderer.render(job ?? buildJob());
  writeCachedChart(key, svg);
  return svg;
}
