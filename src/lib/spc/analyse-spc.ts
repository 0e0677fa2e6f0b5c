import { isMonth, monthsBetween } from '../data/month.ts';
import type { Month, Polarity, SpcSetting } from '../data/types.ts';
import { analyseSegment, MINIMUM_BASELINE_POINTS, type SegmentAnalysis } from './analyse-segment.ts';
import { traceLatestSignals, type SignalRun } from './signal-runs.ts';
import {
  describeAssurance,
  describeBaseline,
  describeGap,
  describeNoData,
  describeRecalculation,
  describeRollingMeasure,
  describeSpcOff,
  describeVariation,
  formatSpcValue,
  labelAssurance,
  labelVariation,
  type ValueFormatter,
} from './spc-sentences.ts';
import { DEFAULT_SHIFT_LENGTH, DEFAULT_TREND_LENGTH, validateRunLength, type SpecialCauseOptions } from './special-cause-rules.ts';
import { splitSeries, type ObservedPoint, type SegmentStart } from './split-series.ts';
import type {
  AssuranceState,
  MonthSpan,
  SpcDirection,
  SpcPoint,
  SpcRule,
  SpecialCauseClass,
  VariationState,
  XmrLimits,
} from './spc-types.ts';
import { assessAssurance, assessVariation, classifyPoint } from './variation-state.ts';
import type { XmrOptions } from './xmr-limits.ts';

export interface AnalyseSpcOptions extends SpecialCauseOptions, XmrOptions {
  polarity: Polarity;
  spc: SpcSetting;
  /** Months whose points alone fix the first segment's mean and limits; at least 12 months. */
  spcBaseline: MonthSpan | null;
  /** Months from which the limits are recalculated; each starts a new segment. */
  spcRecalculate: readonly Month[];
  /** The year's numeric target for the assurance icon, or null for none. */
  target: number | null;
  /** Formats the target in the assurance sentence. Defaults to `formatSpcValue`. */
  formatValue?: ValueFormatter;
}

/** One segment in the summary: its months, how it started and its limits (null when it has none). */
export interface SpcSegmentSummary {
  from: Month;
  to: Month;
  start: SegmentStart;
  pointCount: number;
  /** The months the mean and limits came from, when a declared baseline was used. */
  baseline: MonthSpan | null;
  limits: XmrLimits | null;
  /** Reason the segment has no limits, or null when it has them. */
  reason: string | null;
}

/** A month where at least one special-cause rule fired. */
export interface SpcFlaggedMonth {
  month: Month;
  value: number;
  /** Every rule that fired, the deciding one first. */
  rules: SpcRule[];
  /** Direction of the deciding rule. */
  direction: SpcDirection;
  class: SpecialCauseClass;
}

/**
 * The SPC result for one indicator, made of plain JSON values so the site
 * can write it to scorecard.json. The icons, labels and sentences are null
 * exactly when `available` is false, and `reason` then explains it.
 */
export interface SpcSummary {
  setting: SpcSetting;
  /** True when the latest point's segment has process limits. */
  available: boolean;
  reason: string | null;
  latest: ObservedPoint | null;
  segments: SpcSegmentSummary[];
  /** Runs of missing months inside the series; leading and trailing missing months are not gaps. */
  gaps: MonthSpan[];
  flagged: SpcFlaggedMonth[];
  /** The rules that fired at the latest point, with the months behind each. */
  latestSignals: SignalRun[];
  variation: VariationState | null;
  variationLabel: string | null;
  variationSentence: string | null;
  assurance: AssuranceState | null;
  assuranceLabel: string | null;
  assuranceSentence: string | null;
  /** Sentences about gaps, recalculations and the baseline, in month order. */
  notes: string[];
}

/**
 * Analyses one indicator's monthly series as an XmR chart, following NHS
 * England's "Making Data Count" reading: limits per segment, special-cause
 * rules, the variation icon for the latest point and the assurance icon for
 * the target.
 *
 * `series` must be in strictly ascending month order. Leading and trailing
 * nulls are ignored, and an internal null or a missing month is a gap that
 * starts a new segment. Each segment needs at least 13 points for limits.
 * A declared baseline applies to the first segment only, must have at least
 * 12 months, and the 13-point minimum still counts every point of that
 * segment. Outlier screening is on unless `screenOutliers` is false.
 *
 * Throws a RangeError for invalid input: a bad month, months out of order,
 * a non-finite value or target, a baseline that ends before it starts or is
 * shorter than 12 months, or a run length below 2. Data that only makes SPC
 * unusable (too few months, a baseline the data does not cover) gives a
 * summary with a reason instead.
 */
export function analyseSpc(series: readonly SpcPoint[], options: AnalyseSpcOptions): SpcSummary {
  validateOptions(options);

  if (options.spc === 'off') return unavailableSummary(options.spc, describeSpcOff());
  if (options.spc === 'rolling') return unavailableSummary(options.spc, describeRollingMeasure());

  const { segments, gaps } = splitSeries(series, options.spcRecalculate);
  if (segments.length === 0) return unavailableSummary(options.spc, describeNoData());

  const analyses = segments.map((segment, index) =>
    analyseSegment(segment, index === 0 ? options.spcBaseline : null, options),
  );
  const summary = unavailableSummary(options.spc, null);
  summary.segments = analyses.map(summariseSegment);
  summary.gaps = gaps;
  summary.flagged = analyses.flatMap((analysis) => listFlaggedMonths(analysis, options.polarity));
  summary.notes = writeNotes(analyses, gaps);

  const latestAnalysis = analyses[analyses.length - 1]!;
  const latest = latestAnalysis.segment.points[latestAnalysis.segment.points.length - 1]!;
  summary.latest = { month: latest.month, value: latest.value };

  if (!latestAnalysis.fit) {
    summary.reason = latestAnalysis.reason;
    return summary;
  }

  const latestHits = latestAnalysis.hits[latestAnalysis.hits.length - 1] ?? [];
  const variation = assessVariation(latestHits, options.polarity);
  const assurance = assessAssurance(options.target, latestAnalysis.fit.limits, options.polarity);
  summary.available = true;
  summary.latestSignals = traceLatestSignals(latestAnalysis.segment.points, latestAnalysis.hits);
  summary.variation = variation;
  summary.variationLabel = labelVariation(variation);
  summary.variationSentence = describeVariation(variation, latest.month, summary.latestSignals);
  summary.assurance = assurance;
  summary.assuranceLabel = labelAssurance(assurance);
  summary.assuranceSentence = describeAssurance(
    assurance,
    options.target,
    options.polarity,
    options.formatValue ?? formatSpcValue,
  );
  return summary;
}

function validateOptions(options: AnalyseSpcOptions): void {
  const baseline = options.spcBaseline;
  if (baseline) {
    for (const month of [baseline.from, baseline.to]) {
      if (!isMonth(month)) throw new RangeError(`SPC baseline month "${month}" is invalid: expected YYYY-MM`);
    }
    if (baseline.to < baseline.from) {
      throw new RangeError(`SPC baseline ends (${baseline.to}) before it starts (${baseline.from}): swap the months`);
    }
    const monthCount = monthsBetween(baseline.from, baseline.to) + 1;
    if (monthCount < MINIMUM_BASELINE_POINTS) {
      throw new RangeError(
        `SPC baseline ${baseline.from} to ${baseline.to} has ${monthCount} months: ` +
          `declare at least ${MINIMUM_BASELINE_POINTS}, or no baseline`,
      );
    }
  }

  for (const month of options.spcRecalculate) {
    if (!isMonth(month)) throw new RangeError(`SPC recalculation month "${month}" is invalid: expected YYYY-MM`);
  }

  if (options.target !== null && !Number.isFinite(options.target)) {
    throw new RangeError(`target is ${options.target}: use a finite number, or null for no target`);
  }

  validateRunLength('shiftLength', options.shiftLength ?? DEFAULT_SHIFT_LENGTH);
  validateRunLength('trendLength', options.trendLength ?? DEFAULT_TREND_LENGTH);
}

function unavailableSummary(setting: SpcSetting, reason: string | null): SpcSummary {
  return {
    setting,
    available: false,
    reason,
    latest: null,
    segments: [],
    gaps: [],
    flagged: [],
    latestSignals: [],
    variation: null,
    variationLabel: null,
    variationSentence: null,
    assurance: null,
    assuranceLabel: null,
    assuranceSentence: null,
    notes: [],
  };
}

function summariseSegment(analysis: SegmentAnalysis): SpcSegmentSummary {
  const points = analysis.segment.points;
  return {
    from: points[0]!.month,
    to: points[points.length - 1]!.month,
    start: analysis.segment.start,
    pointCount: points.length,
    baseline: analysis.baseline,
    limits: analysis.fit?.limits ?? null,
    reason: analysis.reason,
  };
}

function listFlaggedMonths(analysis: SegmentAnalysis, polarity: Polarity): SpcFlaggedMonth[] {
  const flagged: SpcFlaggedMonth[] = [];

  analysis.segment.points.forEach((point, index) => {
    const hits = analysis.hits[index] ?? [];
    const pointClass = classifyPoint(hits, polarity);
    if (pointClass === null) return;
    flagged.push({
      month: point.month,
      value: point.value,
      rules: hits.map((hit) => hit.rule),
      direction: hits[0]!.direction,
      class: pointClass,
    });
  });
  return flagged;
}

function writeNotes(analyses: readonly SegmentAnalysis[], gaps: readonly MonthSpan[]): string[] {
  const notes: Array<{ month: Month; text: string }> = [];

  for (const gap of gaps) notes.push({ month: gap.from, text: describeGap(gap) });
  for (const analysis of analyses) {
    const points = analysis.segment.points;
    const first = points[0]!;
    if (analysis.segment.start === 'recalculation') {
      notes.push({ month: first.month, text: describeRecalculation(first.month) });
    }
    if (analysis.baseline) {
      notes.push({ month: first.month, text: describeBaseline(analysis.baseline, points[points.length - 1]!.month) });
    }
  }

  notes.sort((a, b) => compareMonths(a.month, b.month));
  return notes.map((note) => note.text);
}

function compareMonths(a: Month, b: Month): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
