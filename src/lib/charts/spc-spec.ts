import type { TopLevelSpec } from 'vega-lite';
import type { Indicator, Month } from '../data/types.ts';
import type { SpcSummary } from '../spc/analyse-spc.ts';

/**
 * Builds the Vega-Lite spec of an indicator's SPC (XmR) chart: the monthly
 * points classed improvement, concern or common cause (by colour and by
 * shape), the mean and process limits of each segment, and the target.
 * Only called when the SPC summary has limits for at least one segment.
 */

/** Colours and shapes of the point classes; each pair differs in shape as well as colour. */
export const SPC_CLASSES = {
  'Common cause': { colour: '#505a5f', shape: 'circle' },
  Improvement: { colour: '#1d4f91', shape: 'diamond' },
  Concern: { colour: '#b35c00', shape: 'square' },
  'Special cause': { colour: '#5a2d82', shape: 'triangle-up' },
} as const;

export interface SpcChartInput {
  indicator: Indicator;
  points: readonly { month: Month; value: number | null; label: string }[];
  spc: SpcSummary;
  target: number | null;
  title: string;
}

export function buildSpcSpec(input: SpcChartInput): TopLevelSpec {
  const { indicator, points, spc, target } = input;
  const classOf = new Map(spc.flagged.map((flag) => [flag.month, flag.class]));
  const className = (month: Month) => {
    const found = classOf.get(month);
    if (found === 'improvement') return 'Improvement';
    if (found === 'concern') return 'Concern';
    if (found === 'neutral') return 'Special cause';
    return 'Common cause';
  };

  const values = points
    .filter((point) => point.value !== null)
    .map((point) => ({ date: toDate(point.month), value: point.value, label: point.label, class: className(point.month) }));
  const line = points.map((point) => ({ date: toDate(point.month), value: point.value }));

  const lines: { start: string; end: string; y: number; kind: string }[] = [];
  for (const segment of spc.segments) {
    if (!segment.limits) continue;
    const start = toDate(segment.from);
    const end = toDate(segment.to);
    lines.push({ start, end, y: segment.limits.mean, kind: 'Mean' });
    lines.push({ start, end, y: segment.limits.upperProcessLimit, kind: 'Process limit' });
    lines.push({ start, end, y: segment.limits.lowerProcessLimit, kind: 'Process limit' });
  }
  if (target !== null && points.length > 0) {
    lines.push({ start: toDate(points[0]!.month), end: toDate(points.at(-1)!.month), y: target, kind: 'Target' });
  }

  const classes = Object.keys(SPC_CLASSES) as (keyof typeof SPC_CLASSES)[];
  const format = `.${indicator.decimals}f`;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: input.title,
    width: 640,
    height: 260,
    background: 'white',
    config: {
      font: 'Arial, Helvetica, sans-serif',
      axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#0b0c0c', titleColor: '#0b0c0c', gridColor: '#e5e5e5' },
      legend: { labelFontSize: 12, titleFontSize: 12, labelColor: '#0b0c0c', titleColor: '#0b0c0c', orient: 'bottom' },
      mark: { invalid: 'break-paths-show-path-domains' },
      view: { stroke: null },
    },
    encoding: {
      x: { type: 'temporal', scale: { type: 'utc' }, axis: { title: null, format: '%b %Y', labelAngle: 0, tickCount: { interval: 'month', step: 3 }, labelOverlap: true } },
    },
    layer: [
      {
        data: { values: lines },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'start', type: 'temporal' },
          x2: { field: 'end' },
          y: { field: 'y', type: 'quantitative', scale: { zero: false }, axis: { title: null, format } },
          strokeDash: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['Mean', 'Process limit', 'Target'], range: [[1, 0], [4, 3], [8, 4]] },
            legend: { title: 'Lines' },
          },
          color: { value: '#0b0c0c' },
          tooltip: [{ field: 'kind', title: 'Line' }, { field: 'y', title: 'Value', format }],
        },
      },
      {
        data: { values: line },
        mark: { type: 'line', color: '#6f777b', strokeWidth: 1.5 },
        encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          x: { field: 'date', type: 'temporal' },
          y: { field: 'value', type: 'quantitative' },
          color: { field: 'class', type: 'nominal', scale: { domain: classes, range: classes.map((name) => SPC_CLASSES[name].colour) }, legend: { title: 'Points' } },
          shape: { field: 'class', type: 'nominal', scale: { domain: classes, range: classes.map((name) => SPC_CLASSES[name].shape) }, legend: { title: 'Points' } },
          tooltip: [
            { field: 'date', type: 'temporal', title: 'Month', timeUnit: 'utcyearmonth', format: '%b %Y' },
            { field: 'label', title: 'Value' },
            { field: 'class', title: 'Variation' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

function toDate(month: Month): string {
  return `${month}-01T00:00:00Z`;
}

