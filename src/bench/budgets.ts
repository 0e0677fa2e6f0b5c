import type { Weight } from './page-weight.ts';

/**
 * The build budgets and their checks. A check compares measured figures
 * only; it neither runs nor times anything, so it can be tested on made-up
 * results.
 */

/** Figures of one build. A `null` field was not measured, as with charts off or no timings file. */
export interface BuildMeasure {
  /** Name of the build, such as `2000x120` or `2000x120 charts off`. */
  name: string;
  wallMs: number;
  pages: number;
  peakRssBytes: number;
  /** Milliseconds per phase. `charts` overlaps `pages`, and `slots` is the filling of chart slots after Astro. */
  phases: { load: number; evaluate: number; charts: number; pages: number; slots: number } | null;
  charts: { rendered: number; cached: number } | null;
  indicatorPage: { html: Weight; css: Weight; js: Weight } | null;
}

/**
 * Sums up repeated runs of the build `name` as one measure, for the time
 * ratios on a noisy machine. It takes the run with the median wall time,
 * with its phases and page weights. Peak memory and charts rendered are the
 * highest of any run, so neither budget can pass on a lucky run. An even
 * count takes the slower of the two middle runs.
 */
export function medianRun(name: string, runs: readonly BuildMeasure[]): BuildMeasure {
  if (runs.length === 0) throw new RangeError(`medianRun needs at least one run of ${name}`);

  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const median = byWall[Math.floor(runs.length / 2)]!;
  const counted = runs.flatMap((run) => (run.charts ? [run.charts] : []));
  return {
    ...median,
    name: runs.length === 1 ? name : `${name} (median of ${runs.length})`,
    peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes)),
    charts: counted.length === 0 ? null : counted.reduce((most, charts) => (charts.rendered > most.rendered ? charts : most)),
  };
}

/** The builds the budgets compare. A missing build makes the budgets that need it `not-run`. */
export interface BudgetInputs {
  /** Full cold build of the large synthetic scorecard (2,000 × 120 by default). */
  large: BuildMeasure | null;
  /** The same build with chart rendering off. */
  largeChartsOff: BuildMeasure | null;
  /** Rebuild of the large scorecard after a commentary-only change, with the chart cache kept. */
  largeWarm: BuildMeasure | null;
  /** Full cold build of the small synthetic scorecard (500 × 120 by default), for the growth budget. */
  small: BuildMeasure | null;
}

export interface BudgetLimits {
  /** Full build ÷ charts-off build. */
  chartsOverhead: number;
  /** Large build ÷ small build, for four times the indicators at the same months. */
  growth: number;
  /** Commentary-only rebuild ÷ charts-off build. */
  warmRebuild: number;
  peakRssBytes: number;
  indicatorHtmlGzip: number;
  cssGzip: number;
  jsGzip: number;
}

export const DEFAULT_LIMITS: BudgetLimits = {
  chartsOverhead: 1.4,
  growth: 4.5,
  warmRebuild: 1.1,
  peakRssBytes: 1.5 * 1024 ** 3,
  indicatorHtmlGzip: 15 * 1024,
  cssGzip: 10 * 1024,
  jsGzip: 10 * 1024,
};

export type BudgetStatus = 'pass' | 'fail' | 'not-run';

export interface BudgetResult {
  name: string;
  /** The limit in words, such as `≤ 1.40 × charts-off build`. */
  limit: string;
  /** The measured figure in words, or why it was not measured. */
  measured: string;
  status: BudgetStatus;
}

const KIB = 1024;

export function checkBudgets(inputs: BudgetInputs, limits: BudgetLimits = DEFAULT_LIMITS): BudgetResult[] {
  const { large, largeChartsOff, largeWarm, small } = inputs;
  const results: BudgetResult[] = [];

  results.push(
    compareRatio(
      `${large?.name ?? 'large'} full build vs charts off`,
      large?.wallMs,
      largeChartsOff?.wallMs,
      limits.chartsOverhead,
      'the charts-off build',
    ),
  );
  results.push(compareRatio(`${large?.name ?? 'large'} vs ${small?.name ?? 'small'}`, large?.wallMs, small?.wallMs, limits.growth, `the ${small?.name ?? 'small'} build`));

  const warmName = `${largeWarm?.name ?? 'commentary-only rebuild'}: charts rendered`;
  if (!largeWarm?.charts) {
    results.push({ name: warmName, limit: '= 0', measured: largeWarm ? 'no chart counts in the timings file' : 'not run', status: 'not-run' });
  } else {
    results.push({ name: warmName, limit: '= 0', measured: String(largeWarm.charts.rendered), status: largeWarm.charts.rendered === 0 ? 'pass' : 'fail' });
  }
  results.push(compareRatio(`${largeWarm?.name ?? 'commentary-only rebuild'} vs charts off`, largeWarm?.wallMs, largeChartsOff?.wallMs, limits.warmRebuild, 'the charts-off build'));

  if (!large) {
    results.push({ name: 'large build peak memory', limit: formatLimitBytes(limits.peakRssBytes), measured: 'not run', status: 'not-run' });
  } else {
    results.push({
      name: `${large.name} peak memory`,
      limit: formatLimitBytes(limits.peakRssBytes),
      measured: formatBytes(large.peakRssBytes),
      status: large.peakRssBytes <= limits.peakRssBytes ? 'pass' : 'fail',
    });
  }

  const page = large?.indicatorPage ?? null;
  const pageName = large ? `${large.name} indicator page` : 'indicator page';
  results.push(compareSize(`${pageName} HTML (gzip)`, page?.html.gzip, limits.indicatorHtmlGzip));
  results.push(compareSize(`${pageName} CSS (gzip)`, page?.css.gzip, limits.cssGzip));
  results.push(compareSize(`${pageName} JS before interaction (gzip)`, page?.js.gzip, limits.jsGzip));

  return results;
}

function compareRatio(name: string, measured: number | undefined, reference: number | undefined, limit: number, referenceName: string): BudgetResult {
  const limitText = `≤ ${limit.toFixed(2)} × ${referenceName}`;
  if (measured === undefined || reference === undefined || reference <= 0) return { name, limit: limitText, measured: 'not run', status: 'not-run' };
  const ratio = measured / reference;
  return {
    name,
    limit: limitText,
    measured: `${ratio.toFixed(2)} × (${formatSeconds(measured)} vs ${formatSeconds(reference)})`,
    status: ratio <= limit ? 'pass' : 'fail',
  };
}

function compareSize(name: string, measured: number | undefined, limit: number): BudgetResult {
  if (measured === undefined) return { name, limit: formatLimitBytes(limit), measured: 'not run', status: 'not-run' };
  return { name, limit: formatLimitBytes(limit), measured: formatBytes(measured), status: measured <= limit ? 'pass' : 'fail' };
}

/** Writes a byte count in KiB below 1 MiB, in MiB below 1 GiB, else in GiB. "KB" here means 1,024 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < KIB ** 2) return `${(bytes / KIB).toFixed(1)} KB`;
  if (bytes < KIB ** 3) return `${(bytes / KIB ** 2).toFixed(1)} MB`;
  return `${(bytes / KIB ** 3).toFixed(2)} GB`;
}

function formatLimitBytes(bytes: number): string {
  return `≤ ${formatBytes(bytes)}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Returns true when no budget failed. A budget that was not run does not count as a failure. */
export function allBudgetsMet(results: readonly BudgetResult[]): boolean {
  return results.every((result) => result.status !== 'fail');
}
