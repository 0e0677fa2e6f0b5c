import { describeBaselineOutsideSegment, describeShortSegment } from './spc-sentences.ts';
import { detectSpecialCauses, type RuleHit, type SpecialCauseOptions } from './special-cause-rules.ts';
import type { SeriesSegment } from './split-series.ts';
import type { MonthSpan } from './spc-types.ts';
import { fitXmr, type XmrFit, type XmrOptions } from './xmr-limits.ts';

/**
 * Minimum number of points a segment needs for limits and signals. With
 * fewer, the limits are too uncertain to call any point special.
 */
export const MINIMUM_SEGMENT_POINTS = 13;

/**
 * Minimum number of months in a declared baseline. A baseline is the
 * analyst's deliberate choice, such as one financial year, so 12 months are
 * allowed even though the segment it belongs to still needs 13 points.
 */
export const MINIMUM_BASELINE_POINTS = 12;

/** One segment's limits and signals, or the reason it has none. */
export interface SegmentAnalysis {
  segment: SeriesSegment;
  /** The months the limits came from, when a declared baseline was used. */
  baseline: MonthSpan | null;
  /** Null when the segment is too short or its baseline does not fit. */
  fit: XmrFit | null;
  /** Rules that fired at each point, in precedence order; all empty without a fit. */
  hits: RuleHit[][];
  reason: string | null;
}

/**
 * Calculates a segment's limits, from `baseline` months only when one is
 * given, and applies the special-cause rules to every point of the segment.
 * A segment with fewer than `MINIMUM_SEGMENT_POINTS` points, or whose months
 * do not include the whole baseline, gets no limits and a reason instead.
 */
export function analyseSegment(
  segment: SeriesSegment,
  baseline: MonthSpan | null,
  options: XmrOptions & SpecialCauseOptions,
): SegmentAnalysis {
  const first = segment.points[0];
  const last = segment.points[segment.points.length - 1];
  if (!first || !last) {
    throw new RangeError('a segment must contain at least one point');
  }
  const span: MonthSpan = { from: first.month, to: last.month };
  const values = segment.points.map((point) => point.value);
  const withoutSignals = values.map((): RuleHit[] => []);

  // Months compare correctly as YYYY-MM strings, and a segment has no missing months.
  if (baseline && (baseline.from < span.from || baseline.to > span.to)) {
    const reason = describeBaselineOutsideSegment(baseline, span);
    return { segment, baseline: null, fit: null, hits: withoutSignals, reason };
  }

  if (segment.points.length < MINIMUM_SEGMENT_POINTS) {
    const description = { ...span, start: segment.start, pointCount: segment.points.length };
    const reason = describeShortSegment(description, MINIMUM_SEGMENT_POINTS);
    return { segment, baseline: null, fit: null, hits: withoutSignals, reason };
  }

  const limitValues = baseline
    ? segment.points.filter((point) => point.month >= baseline.from && point.month <= baseline.to).map((point) => point.value)
    : values;
  const fit = fitXmr(limitValues, options);
  const hits = detectSpecialCauses(values, fit, options);
  return { segment, baseline, fit, hits, reason: null };
}
