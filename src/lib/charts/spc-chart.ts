import type { TopLevelSpec } from 'vega-lite';
import { formatMonth } from '../data/month.ts';
import type { Indicator, Month } from '../data/types.ts';
import type { SpcSummary } from '../spc/analyse-spc.ts';
import type { ChartJob } from './chart-job.ts';
import { AUTOSIZE, BASE_CONFIG, CHART_HEIGHT, CHART_WIDTH, MONTH_AXIS, monthToDate } from './chart-theme.ts';
import type { PointLayer, PointRow } from './direct-marks.ts';

/**
 * The SPC (XmR) chart of an indicator: monthly points classed improvement,
 * concern or common cause (by colour and by shape), the mean and process
 * limits of each segment, and the target. One template serves every
 * indicator; `buildSpcJob` supplies the rows and parameters. The legend is
 * HTML beside the chart (`SpcLegend.astro`), because Vega's legends cost
 * more to lay out than the rest of the chart.
 */

/** Colours and shapes of the point classes; each class differs in shape as well as colour. */
export const SPC_CLASSES = {
  'Common cause': { colour: '#505a5f', shape: 'circle' },
  Improvement: { colour: '#1d4f91', shape: 'diamond' },
  Concern: { colour: '#b35c00', shape: 'square' },
  'Special cause': { colour: '#5a2d82', shape: 'triangle-up' },
} as const;

const CLASS_NAMES = Object.keys(SPC_CLASSES) as (keyof typeof SPC_CLASSES)[];
type ClassName = keyof typeof SPC_CLASSES;

/** The monthly points, coloured and shaped by class. */
export const SPC_POINTS: PointLayer = {
  name: 'points',
  size: 70,
  shape: (row) => SPC_CLASSES[row.class as ClassName].shape,
  fill: (row) => SPC_CLASSES[row.class as ClassName].colour,
};
/** Line kinds and their dash patterns (dash and gap lengths in pixels; [1, 0] is solid). */
export const SPC_LINES: Record<string, [number, number]> = { Mean: [1, 0], 'Process limit': [4, 3], Target: [8, 4] };
const LINE_KINDS = Object.keys(SPC_LINES);

export const SPC_TEMPLATE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
  background: 'white',
  autosize: AUTOSIZE,
  config: { ...BASE_CONFIG, axis: { ...BASE_CONFIG.axis, gridColor: '#e5e5e5' } },
  params: [
    { name: 'yFormat', value: '.0f' },
    { name: 'ySuffix', value: '' },
  ],
  encoding: {
    x: MONTH_AXIS,
    // 8 px of padding above and below, so a point at the highest or lowest value stays clear of the axis.
    y: { type: 'quantitative', scale: { zero: false, padding: 8 }, axis: { title: null, labelExpr: 'format(datum.value, yFormat) + ySuffix' } },
  },
  layer: [
    {
      data: { name: 'lines' },
      mark: { type: 'rule', strokeWidth: 1.5, color: '#0b0c0c' },
      encoding: {
        x: { field: 'start', type: 'temporal' },
        x2: { field: 'end' },
        y: { field: 'y', type: 'quantitative' },
        strokeDash: {
          field: 'kind',
          type: 'nominal',
          scale: { domain: LINE_KINDS, range: LINE_KINDS.map((kind) => SPC_LINES[kind]) },
          legend: null,
        },
        description: { field: 'tip' },
        tooltip: { field: 'tip' },
      },
    },
    {
      name: 'series',
      data: { name: 'series' },
      mark: { type: 'line', color: '#6f777b', strokeWidth: 1.5, aria: false },
      encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
    },
    {
      name: SPC_POINTS.name,
      data: { name: SPC_POINTS.name },
      mark: { type: 'point', filled: true, size: SPC_POINTS.size, opacity: 1 },
      encoding: {
        x: { field: 'date', type: 'temporal' },
        y: { field: 'value', type: 'quantitative' },
        color: { field: 'class', type: 'nominal', scale: { domain: CLASS_NAMES, range: CLASS_NAMES.map((name) => SPC_CLASSES[name].colour) }, legend: null },
        shape: { field: 'class', type: 'nominal', scale: { domain: CLASS_NAMES, range: CLASS_NAMES.map((name) => SPC_CLASSES[name].shape) }, legend: null },
        description: { field: 'tip' },
        tooltip: { field: 'tip' },
      },
    },
  ],
} as unknown as TopLevelSpec;

export interface SpcChartInput {
  indicator: Indicator;
  points: readonly { month: Month; value: number | null; label: string }[];
  spc: SpcSummary;
  target: number | null;
  format: (value: number) => string;
  title: string;
  description: string;
  id: string;
}

export function buildSpcJob(input: SpcChartInput): ChartJob {
  const { indicator, points, spc, target, format } = input;
  const classOf = new Map(spc.flagged.map((flag) => [flag.month, flag.class]));
  const className = (month: Month): ClassName => {
    const found = classOf.get(month);
    if (found === 'improvement') return 'Improvement';
    if (found === 'concern') return 'Concern';
    if (found === 'neutral') return 'Special cause';
    return 'Common cause';
  };

  const series = points.map((point) => ({ date: monthToDate(point.month), value: point.value }));
  const classed: PointRow[] = points.flatMap((point) =>
    point.value === null
      ? []
      : [
          {
            date: monthToDate(point.month),
            value: point.value,
            class: className(point.month),
            tip: `${formatMonth(point.month)}: ${point.label} (${className(point.month).toLowerCase()})`,
          },
        ],
  );

  const lines: object[] = [];
  for (const segment of spc.segments) {
    if (!segment.limits) continue;
    const span = { start: monthToDate(segment.from), end: monthToDate(segment.to) };
    const { mean, upperProcessLimit, lowerProcessLimit } = segment.limits;
    lines.push({ ...span, y: mean, kind: 'Mean', tip: `Mean: ${format(mean)}` });
    lines.push({ ...span, y: upperProcessLimit, kind: 'Process limit', tip: `Upper process limit: ${format(upperProcessLimit)}` });
    lines.push({ ...span, y: lowerProcessLimit, kind: 'Process limit', tip: `Lower process limit: ${format(lowerProcessLimit)}` });
  }
  if (target !== null && points.length > 0) {
    lines.push({ start: monthToDate(points[0]!.month), end: monthToDate(points.at(-1)!.month), y: target, kind: 'Target', tip: `Target: ${format(target)}` });
  }

  return {
    kind: 'spc',
    datasets: { lines, series, [SPC_POINTS.name]: classed },
    params: { yFormat: `.${indicator.decimals}f`, ySuffix: indicator.unit === 'percent' ? '%' : '' },
    title: input.title,
    description: input.description,
    id: input.id,
  };
}
