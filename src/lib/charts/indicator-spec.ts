import type { TopLevelSpec } from 'vega-lite';
import { addMonths, financialYearEnd, financialYearStart } from '../data/month.ts';
import type { Indicator, Month, Target } from '../data/types.ts';

/**
 * Builds the Vega-Lite spec of an indicator's history chart: the monthly
 * line (broken where a month has no data), the target line across the
 * financial year it applies to, and shaded RAG bands for that year.
 *
 * Months are placed at the first day of the month in UTC and formatted in
 * UTC, so no time zone moves a point or a label.
 */

export interface ChartPoint {
  month: Month;
  value: number | null;
  /** Value as readers see it (`43%`), for tooltips. */
  label: string;
}

export interface ChartInput {
  indicator: Indicator;
  points: readonly ChartPoint[];
  /** Targets to draw, one line per financial year. */
  targets: readonly Target[];
  /** Target whose cut points shade the RAG bands, or null for none. */
  bandTarget: Target | null;
  /** Accessible title of the chart. */
  title: string;
  /** Commentary notes to mark on the chart, numbered as on the page. */
  notes?: readonly { month: Month; number: number }[];
}

/** Colours of the RAG bands and chart marks, chosen for 3:1 contrast against white. */
export const CHART_COLOURS = {
  line: '#1d3f6e',
  target: '#5a2d82',
  green: '#00703c',
  amber: '#b35c00',
  red: '#c2261f',
};

const WIDTH = 640;
const HEIGHT = 260;

export function buildIndicatorSpec(input: ChartInput): TopLevelSpec {
  const { indicator, points, targets, bandTarget } = input;
  const first = points[0]?.month ?? '2000-01';
  const last = points.at(-1)?.month ?? first;

  const values = points.map((point) => ({ date: toDate(point.month), value: point.value, label: point.label }));
  const targetRows = targets
    .filter((target) => target.value !== null)
    .map((target) => ({
      start: toDate(maxMonth(financialYearStart(target.year), first)),
      end: toDate(minMonth(addMonths(financialYearEnd(target.year), 1), addMonths(last, 1))),
      target: target.value,
      year: target.year,
    }))
    .filter((row) => row.start < row.end);

  const numbers = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const cuts = bandTarget && bandTarget.green !== null && bandTarget.red !== null ? [bandTarget.green, bandTarget.red] : [];
  const domain = paddedDomain([...numbers, ...targetRows.map((row) => row.target as number), ...cuts], indicator.unit === 'percent');

  const layers: object[] = [];

  if (bandTarget && bandTarget.green !== null && bandTarget.red !== null && indicator.polarity !== 'neutral') {
    const start = toDate(maxMonth(financialYearStart(bandTarget.year), first));
    const end = toDate(minMonth(addMonths(financialYearEnd(bandTarget.year), 1), addMonths(last, 1)));
    const [low, high] = domain;
    const good = indicator.polarity === 'higher' ? [bandTarget.green, high] : [low, bandTarget.green];
    const bad = indicator.polarity === 'higher' ? [low, bandTarget.red] : [bandTarget.red, high];
    const bands = [
      { status: 'Green', y: good[0], y2: good[1] },
      { status: 'Amber', y: Math.min(bandTarget.green, bandTarget.red), y2: Math.max(bandTarget.green, bandTarget.red) },
      { status: 'Red', y: bad[0], y2: bad[1] },
    ].map((band) => ({ ...band, start, end }));

    layers.push({
      data: { values: bands },
      mark: { type: 'rect', opacity: 0.12, tooltip: false },
      encoding: {
        x: { field: 'start', type: 'temporal' },
        x2: { field: 'end' },
        y: { field: 'y', type: 'quantitative' },
        y2: { field: 'y2' },
        color: {
          field: 'status',
          type: 'nominal',
          scale: { domain: ['Green', 'Amber', 'Red'], range: [CHART_COLOURS.green, CHART_COLOURS.amber, CHART_COLOURS.red] },
          legend: null,
        },
      },
    });
  }

  if (targetRows.length > 0) {
    layers.push({
      data: { values: targetRows },
      mark: { type: 'rule', color: CHART_COLOURS.target, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: {
        x: { field: 'start', type: 'temporal' },
        x2: { field: 'end' },
        y: { field: 'target', type: 'quantitative' },
        tooltip: [
          { field: 'year', title: 'Financial year' },
          { field: 'target', title: 'Target', format: `.${indicator.decimals}f` },
        ],
      },
    });
  }

  layers.push({
    data: { values },
    mark: { type: 'line', color: CHART_COLOURS.line, strokeWidth: 2, point: { filled: true, size: 40, color: CHART_COLOURS.line } },
    encoding: {
      x: { field: 'date', type: 'temporal' },
      y: { field: 'value', type: 'quantitative' },
      tooltip: [
        { field: 'date', type: 'temporal', title: 'Month', timeUnit: 'utcyearmonth', format: '%b %Y' },
        { field: 'label', title: 'Value' },
      ],
    },
  });

  const notes = (input.notes ?? []).filter((note) => note.month >= first && note.month <= last);
  if (notes.length > 0) {
    // Markers sit just above the plotting area's top, at the month of each note, so they never hide a point.
    const noteRows = notes.map((note) => ({ date: toDate(note.month), y: domain[1], label: String(note.number) }));
    layers.push({
      data: { values: noteRows },
      mark: { type: 'point', shape: 'circle', size: 260, filled: true, color: CHART_COLOURS.target, yOffset: -10, tooltip: false },
      encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'y', type: 'quantitative' } },
    });
    layers.push({
      data: { values: noteRows },
      mark: { type: 'text', color: 'white', fontWeight: 'bold', fontSize: 11, yOffset: -10, tooltip: false },
      encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
    });
  }

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: input.title,
    width: WIDTH,
    height: HEIGHT,
    background: 'white',
    config: {
      font: 'Arial, Helvetica, sans-serif',
      axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#0b0c0c', titleColor: '#0b0c0c', gridColor: '#d9d9d9' },
      mark: { invalid: 'break-paths-show-path-domains' },
      view: { stroke: null },
    },
    encoding: {
      x: {
        type: 'temporal',
        scale: { type: 'utc' },
        axis: { title: null, format: '%b %Y', labelAngle: 0, tickCount: { interval: 'month', step: 3 }, labelOverlap: true },
      },
      y: {
        type: 'quantitative',
        scale: { domain, nice: false, zero: false },
        axis: { title: axisTitle(indicator), format: `.${indicator.decimals}f` },
      },
    },
    layer: layers,
  } as TopLevelSpec;
}

function axisTitle(indicator: Indicator): string {
  if (indicator.unit === 'percent') return 'Per cent';
  if (indicator.unit === 'days') return 'Days';
  if (indicator.unit === 'weeks') return 'Weeks';
  return 'Number';
}

/** The y domain: every value, target and cut point, padded by a tenth of the range. Percentages stay within 0–100. */
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

function toDate(month: Month): string {
  return `${month}-01T00:00:00Z`;
}

function maxMonth(a: Month, b: Month): Month {
  return a > b ? a : b;
}

function minMonth(a: Month, b: Month): Month {
  return a < b ? a : b;
}
