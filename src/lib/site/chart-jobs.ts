import { buildHistoryJob } from '../charts/history-chart.ts';
import { buildSpcJob } from '../charts/spc-chart.ts';
import type { ChartJob } from '../charts/chart-job.ts';
import type { Month } from '../data/types.ts';
import type { IndicatorView } from './build-edition.ts';
import { summariseIndicator } from './describe-indicator.ts';

/**
 * The chart jobs of an indicator page. The build's chart phase and the page
 * itself both call these, so the page finds each chart the phase rendered
 * under the same cache key.
 */

/** Id of an indicator's history chart: unique on the site, and the prefix of the ids inside its SVG. */
export function historyChartId(view: IndicatorView): string {
  return `chart-${view.slug}`;
}

/** Id of an indicator's SPC chart. */
export function spcChartId(view: IndicatorView): string {
  return `spc-${view.slug}`;
}

/** Returns true when some segment of the series has process limits, so there is an SPC chart to draw. */
export function hasSpcChart(view: IndicatorView): boolean {
  return view.spc.segments.some((segment) => segment.limits !== null);
}

/** `noteMonths`: months of the indicator's commentary notes, oldest first; marker n is note n. */
export function buildHistoryChartJob(view: IndicatorView, noteMonths: readonly Month[]): ChartJob {
  const { indicator, format } = view;
  return buildHistoryJob({
    indicator,
    points: chartPoints(view),
    targets: view.targets,
    bandTarget: view.target,
    notes: noteMonths.map((month, index) => ({ month, number: index + 1 })),
    format,
    title: `${indicator.code}: ${indicator.title}, by month`,
    description: summariseIndicator(view),
    id: historyChartId(view),
  });
}

/** Builds the SPC chart job, or returns null when no segment of the series has process limits. */
export function buildSpcChartJob(view: IndicatorView): ChartJob | null {
  const { indicator, spc, format } = view;
  if (!hasSpcChart(view)) return null;

  const sentences = [spc.variationSentence, spc.assuranceSentence].filter((sentence): sentence is string => sentence !== null);
  return buildSpcJob({
    indicator,
    points: chartPoints(view),
    spc,
    target: view.target?.value ?? null,
    format,
    title: `${indicator.code}: statistical process control chart`,
    description: sentences.join(' ') || (spc.reason ?? ''),
    id: spcChartId(view),
  });
}

type ChartPoint = { month: Month; value: number | null; label: string };

/** Points already labelled, by view: both charts of an indicator plot the same points, and formatting is the costly part. */
const pointsByView = new WeakMap<IndicatorView, ChartPoint[]>();

function chartPoints(view: IndicatorView): ChartPoint[] {
  let points = pointsByView.get(view);
  if (!points) {
    points = view.series.map((point) => ({ month: point.month, value: point.value, label: point.value === null ? 'No data' : view.format(point.value) }));
    pointsByView.set(view, points);
  }
  return points;
}

/**
 * Builds the chart jobs of every indicator page, in page order: the history
 * chart, then the SPC chart where there is one. `noteMonths` maps an
 * indicator code to the months of its notes.
 */
export function buildSiteChartJobs(views: readonly IndicatorView[], noteMonths: ReadonlyMap<string, readonly Month[]>): ChartJob[] {
  return views.flatMap((view) => {
    const spcJob = buildSpcChartJob(view);
    return [buildHistoryChartJob(view, noteMonths.get(view.indicator.code) ?? []), ...(spcJob ? [spcJob] : [])];
  });
}
