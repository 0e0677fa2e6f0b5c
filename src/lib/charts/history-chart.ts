import type { TopLevelSpec } from 'vega-lite';
import { addMonths, financialYearEnd, financialYearStart, formatMonth } from '../data/month.ts';
import type { Indicator, Month, Target } from '../data/types.ts';
import type { ChartJob } from './chart-job.ts';
import { AUTOSIZE, BASE_CONFIG, CHART_COLOURS, CHART_HEIGHT, CHART_WIDTH, MONTH_AXIS, monthToDate } from './chart-theme.ts';
import type { PointLayer, PointRow } from './direct-marks.ts';

/**
 * The history chart of an indicator: the monthly line (broken where a month
 * has no data), the target line across each financial year it applies to,
 * shaded RAG bands for the rated year, and numbered markers at the months of
 * commentary notes. One template serves every indicator; `buildHistoryJob`
 * supplies the rows and parameters.
 */

export interface HistoryChartInput {
  indicator: Indicator;
  points: readonly { month: Month; value: number | null; label: string }[];
  /** Targets to draw, one line per financial year. */
  targets: readonly Target[];
  /** Target whose cut points shade the RAG bands, or null for none. */
  bandTarget: Target | null;
  /** Commentary notes to mark, numbered as on the page. */
  notes: readonly { month: Month; number: number }[];
  /** Formats a value with the indicator's unit and decimals, for labels. */
  format: (value: number) => string;
  title: string;
  description: string;
  id: string;
}

const BAND_STATUSES = ['Green', 'Amber', 'Red'];

/** The monthly points: one per month with a value, on the line. */
export const HISTORY_POINTS: PointLayer = { name: 'points', size: 40, shape: () => 'circle', fill: () => CHART_COLOURS.line };

/** The Vega-Lite template of every history chart: named datasets and parameters, no data. */
export const HISTORY_TEMPLATE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
  background: 'white',
  autosize: AUTOSIZE,
  config: BASE_CONFIG,
  params: [
    { name: 'yMin', value: 0 },
    { name: 'yMax', value: 100 },
    { name: 'yFormat', value: '.0f' },
    { name: 'ySuffix', value: '' },
  ],
  encoding: {
    x: MONTH_AXIS,
    y: {
      type: 'quantitative',
      scale: { domain: [{ expr: 'yMin' }, { expr: 'yMax' }], nice: false, zero: false },
      axis: { title: null, labelExpr: 'format(datum.value, yFormat) + ySuffix' },
    },
  },
  layer: [
    {
      data: { name: 'bands' },
      mark: { type: 'rect', opacity: 0.12, aria: false },
      encoding: {
        x: { field: 'start', type: 'temporal' },
        x2: { field: 'end' },
        y: { field: 'y', type: 'quantitative' },
        y2: { field: 'y2' },
        color: {
          field: 'status',
          type: 'nominal',
          scale: { domain: BAND_STATUSES, range: [CHART_COLOURS.green, CHART_COLOURS.amber, CHART_COLOURS.red] },
          legend: null,
        },
      },
    },
    {
      data: { name: 'targets' },
      mark: { type: 'rule', color: CHART_COLOURS.target, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: {
        x: { field: 'start', type: 'temporal' },
        x2: { field: 'end' },
        y: { field: 'target', type: 'quantitative' },
        description: { field: 'tip' },
        tooltip: { field: 'tip' },
      },
    },
    {
      name: 'series',
      data: { name: 'series' },
      mark: { type: 'line', color: CHART_COLOURS.line, strokeWidth: 2, aria: false },
      encoding: {
        x: { field: 'date', type: 'temporal' },
        y: { field: 'value', type: 'quantitative' },
      },
    },
    {
      name: HISTORY_POINTS.name,
      data: { name: HISTORY_POINTS.name },
      mark: { type: 'point', filled: true, size: HISTORY_POINTS.size, color: CHART_COLOURS.line, opacity: 1 },
      encoding: {
        x: { field: 'date', type: 'temporal' },
        y: { field: 'value', type: 'quantitative' },
        description: { field: 'tip' },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: { name: 'notes' },
      mark: { type: 'point', shape: 'circle', size: 260, filled: true, color: CHART_COLOURS.target, yOffset: -10, opacity: 1 },
      encoding: {
        x: { field: 'date', type: 'temporal' },
        y: { field: 'y', type: 'quantitative' },
        description: { field: 'tip' },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: { name: 'notes' },
      mark: { type: 'text', color: 'white', fontWeight: 'bold', fontSize: 11, yOffset: -10, aria: false },
      encoding: {
        x: { field: 'date', type: 'temporal' },
        y: { field: 'y', type: 'quantitative' },
        text: { field: 'label' },
      },
    },
  ],
} as unknown as TopLevelSpec;

export function buildHistoryJob(input: HistoryChartInput): ChartJob {
  const { indicator, points, targets, bandTarget, format } = input;
  const first = points[0]?.month ?? '2000-01';
  const last = points.at(-1)?.month ?? first;
  const yearSpan = (year: string) => ({
    start: monthToDate(maxMonth(financialYearStart(year), first)),
    end: monthToDate(minMonth(addMonths(financialYearEnd(year), 1), addMonths(last, 1))),
  });

  const series = points.map((point) => ({ date: monthToDate(point.month), value: point.value }));
  const pointRows: PointRow[] = points.flatMap((point) =>
    point.value === null ? [] : [{ date: monthToDate(point.month), value: point.value, tip: `${formatMonth(point.month)}: ${point.label}` }],
  );

  const targetRows = targets
    .filter((target) => target.value !== null)
    .map((target) => ({ ...yearSpan(target.year), target: target.value as number, tip: `Target ${target.year}: ${format(target.value as number)}` }))
    .filter((row) => row.start < row.end);

  const numbers = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const hasBands = bandTarget !== null && bandTarget.green !== null && bandTarget.red !== null && indicator.polarity !== 'neutral';
  const cuts = hasBands ? [bandTarget.green as number, bandTarget.red as number] : [];
  const [yMin, yMax] = paddedDomain([...numbers, ...targetRows.map((row) => row.target), ...cuts], indicator.unit === 'percent');

  const bands: object[] = [];
  if (hasBands) {
    const green = bandTarget.green as number;
    const red = bandTarget.red as number;
    const span = yearSpan(bandTarget.year);
    const good = indicator.polarity === 'higher' ? [green, yMax] : [yMin, green];
    const bad = indicator.polarity === 'higher' ? [yMin, red] : [red, yMax];
    bands.push({ status: 'Green', y: good[0], y2: good[1], ...span });
    bands.push({ status: 'Amber', y: Math.min(green, red), y2: Math.max(green, red), ...span });
    bands.push({ status: 'Red', y: bad[0], y2: bad[1], ...span });
  }

  const notes = input.notes
    .filter((note) => note.month >= first && note.month <= last)
    .map((note) => ({ date: monthToDate(note.month), y: yMax, label: String(note.number), tip: `Note ${note.number}: ${formatMonth(note.month)}` }));

  return {
    kind: 'history',
    datasets: { bands, targets: targetRows, series, [HISTORY_POINTS.name]: pointRows, notes },
    params: { yMin, yMax, yFormat: `.${indicator.decimals}f`, ySuffix: indicator.unit === 'percent' ? '%' : '' },
    title: input.title,
    description: input.description,
    id: input.id,
  };
}

/** Computes the y domain: every value, target and cut point, padded by a tenth of the range. Percentages stay within 0–100. */
function paddedDomain(numbers: readonly number[], percent: boolean): [number, number] {
  if (numbers.length === 0) return [0, 1];
  let low = Math.min(...numbers);
  let high = Math.max(...numbers);
  const pad = high === low ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.1;
  low -= pad;
  high += pad;
  if (percent) {
    low = Math.max(0, low);
    high = Math.min(100, high);
  }
  if (low > 0 && low < (high - low) * 0.5) low = 0;
  return [Math.floor(low), Math.ceil(high)];
}

function maxMonth(a: Month, b: Month): Month {
  return a > b ? a : b;
}

function minMonth(a: Month, b: Month): Month {
  return a < b ? a : b;
}
