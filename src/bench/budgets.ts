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
 * The builds the budgets compare. The large scorecard's builds come in
 * rounds: index i of each list is round i, in which the cold build, the
 * charts-off build and the rebuild ran one after another. A missing build
 * makes the budgets that need it `not-run`.
 */
export interface BudgetInputs {
  /** Size label of the large scorecard, such as `2000x120`. */
  label: string;
  /** Full cold builds of the large synthetic scorecard (2,000 × 120 by default), one per round. */
  large: BuildMeasure[];
  /** The same builds with chart rendering off. */
  largeChartsOff: BuildMeasure[];
  /** Rebuilds of the large scorecard after a commentary-only change, with the chart cache kept. */
  largeWarm: BuildMeasure[];
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
  const { label, large, largeChartsOff, largeWarm, small } = inputs;
  const results: BudgetResult[] = [];

  results.push(compareRounds(`${label} full build vs charts off`, large, largeChartsOff, limits.chartsOverhead, 'the charts-off build'));

  // The small scorecard is built once, so this ratio compares each round's large build with that one build.
  const smallName = small?.name ?? 'small';
  const growth = compareRounds(`${label} vs ${smallName}`, large, small ? large.map(() => small) : [], limits.growth, `the ${smallName} build`);
  if (!small) growth.measured = 'no size with a quarter of the indicators and the same months, such as 500x120 beside 2000x120';
  results.push(growth);

  const warmName = `${label} commentary rebuild: charts rendered`;
  const counted = largeWarm.flatMap((warm) => (warm.charts ? [warm.charts.rendered] : []));
  if (counted.length === 0) {
    results.push({ name: warmName, limit: '= 0', measured: largeWarm.length > 0 ? 'no chart counts in the timings file' : 'not run', status: 'not-run' });
  } else {
    // Every round must render none, so a rebuild that drew charts once fails however the others went.
    const maxRendered = Math.max(...counted);
    results.push({ name: warmName, limit: '= 0', measured: String(maxRendered), status: maxRendered === 0 ? 'pass' : 'fail' });
  }
  results.push(compareRounds(`${label} commentary rebuild vs charts off`, largeWarm, largeChartsOff, limits.warmRebuild, 'the charts-off build'));

  if (large.length === 0) {
    results.push({ name: `${label} peak memory`, limit: formatLimitBytes(limits.peakRssBytes), measured: 'not run', status: 'not-run' });
  } else {
    const peak = Math.max(...large.map((build) => build.peakRssBytes));
    results.push({ name: `${label} peak memory`, limit: formatLimitBytes(limits.peakRssBytes), measured: formatBytes(peak), status: peak <= limits.peakRssBytes ? 'pass' : 'fail' });
  }

  // Every round builds the same pages, so the first round's page stands for all.
  const page = large[0]?.indicatorPage ?? null;
  results.push(compareSize(`${label} indicator page HTML (gzip)`, page?.html.gzip, limits.indicatorHtmlGzip));
  results.push(compareSize(`${label} indicator page CSS (gzip)`, page?.css.gzip, limits.cssGzip));
  results.push(compareSize(`${label} indicator page JS before interaction (gzip)`, page?.js.gzip, limits.jsGzip));

  return results;
}

/**
 * Compares wall times round by round and checks the median of the rounds'
 * ratios against `limit`. Builds of one round run within a minute or two, so
 * each ratio is largely free of the drift in the machine's speed. An even
 * count of rounds takes the higher of the two middle ratios (the upper median).
 */
function compareRounds(name: string, measured: readonly BuildMeasure[], reference: readonly BuildMeasure[], limit: number, referenceName: string): BudgetResult {
  const limitText = `≤ ${limit.toFixed(2)} × ${referenceName}`;
  const rounds = Math.min(measured.length, reference.length);
  if (rounds === 0 || reference.some((build) => build.wallMs <= 0)) return { name, limit: limitText, measured: 'not run', status: 'not-run' };

  const pairs = Array.from({ length: rounds }, (_, round) => {
    const pair = { measured: measured[round]!, reference: reference[round]! };
    return { ...pair, ratio: pair.measured.wallMs / pair.reference.wallMs };
  });
  const middle = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds / 2)]!;

  const detail =
    rounds === 1
      ? `${formatSeconds(middle.measured.wallMs)} vs ${formatSeconds(middle.reference.wallMs)}`
      : `${rounds % 2 === 0 ? 'upper median' : 'median'} of ${rounds} rounds: ${pairs.map((pair) => pair.ratio.toFixed(2)).join(', ')}`;
  return { name, limit: limitText, measured: `${middle.ratio.toFixed(2)} × (${detail})`, status: middle.ratio <= limit ? 'pass' : 'fail' };
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
