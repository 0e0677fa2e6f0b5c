import { formatMonth, formatMonthSpan } from '../data/month.ts';
import type { Month, Polarity } from '../data/types.ts';
import type { SignalRun } from './signal-runs.ts';
import type { SegmentStart } from './split-series.ts';
import type { AssuranceState, MonthSpan, SpcDirection, VariationState } from './spc-types.ts';

/**
 * Reader-facing text for SPC results, in British English. Every function is
 * pure, so the tests and the site quote the same wording.
 */

/** Function that formats a number, such as a target, for reader sentences. */
export type ValueFormatter = (value: number) => string;

const defaultNumberFormat = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 15 });

/** Formats with `en-GB` grouping and up to 15 significant digits, so `1234.5` reads `1,234.5`. The default `ValueFormatter`. */
export function formatSpcValue(value: number): string {
  return defaultNumberFormat.format(value);
}

const VARIATION_LABELS: Record<VariationState, string> = {
  'common-cause': 'Common cause variation',
  'special-cause-improvement': 'Special cause improvement',
  'special-cause-concern': 'Special cause concern',
  'special-cause-neutral': 'Special cause variation',
};

const ASSURANCE_LABELS: Record<AssuranceState, string | null> = {
  'consistently-passes': 'Consistently passes',
  'consistently-fails': 'Consistently fails',
  'hit-and-miss': 'Hit and miss',
  none: null,
};

/** Short text for the variation icon, such as "Special cause concern". */
export function labelVariation(state: VariationState): string {
  return VARIATION_LABELS[state];
}

/** Short text for the assurance icon, such as "Hit and miss", or null for `none`, which has no icon. */
export function labelAssurance(state: AssuranceState): string | null {
  return ASSURANCE_LABELS[state];
}

/**
 * Describes the variation of the latest point: the label, then what each rule
 * found, the deciding rule first. For example "Special cause concern: 7
 * months in a row above the mean, Jan–Jul 2018." `signals` is ignored for
 * common cause. Throws a RangeError for a special-cause state without signals.
 */
export function describeVariation(state: VariationState, latestMonth: Month, signals: readonly SignalRun[]): string {
  if (state === 'common-cause') {
    return `Common cause variation: the latest month, ${formatMonth(latestMonth)}, is within the process limits and no pattern rule applies.`;
  }
  if (signals.length === 0) {
    throw new RangeError(`variation state "${state}" needs at least one signal to describe`);
  }

  const heading =
    state === 'special-cause-neutral' ? 'Special cause variation, neither improvement nor concern' : labelVariation(state);
  const findings = signals.map(describeSignal);
  return `${heading}: ${findings.join('; ')}.`;
}

/** Describes one rule's finding as a phrase, such as "a rising trend of 7 months, Jan–Jul 2018". */
export function describeSignal(signal: SignalRun): string {
  const span = formatMonthSpan(signal.from, signal.to);

  switch (signal.rule) {
    case 'outside-limits':
      return `${formatMonth(signal.to)} ${signal.direction === 'up' ? 'above the upper' : 'below the lower'} process limit`;
    case 'shift':
      return `${signal.pointCount} months in a row ${signal.direction === 'up' ? 'above' : 'below'} the mean, ${span}`;
    case 'trend':
      return `a ${signal.direction === 'up' ? 'rising' : 'falling'} trend of ${signal.pointCount} months, ${span}`;
    case 'two-of-three':
      return `${signal.pointCount} of 3 months in a row close to the ${nameLimit(signal.direction)}, ${span}`;
  }
}

/**
 * Describes where the target lies against the process limits and what that
 * means. For example "The target of 90 lies between the process limits, so
 * it will be hit and missed by chance."
 */
export function describeAssurance(
  state: AssuranceState,
  target: number | null,
  polarity: Polarity,
  formatValue: ValueFormatter = formatSpcValue,
): string {
  if (polarity === 'neutral') {
    return 'This indicator has no preferred direction, so it is not assessed against a target.';
  }
  if (state === 'none' || target === null) {
    return 'This indicator has no numeric target, so it is not assessed against one.';
  }

  const targetText = `The target of ${formatValue(target)}`;
  if (state === 'hit-and-miss') {
    return `${targetText} lies between the process limits, so it will be hit and missed by chance.`;
  }

  // The target is beyond the lower limit when it passes for higher-is-better, or fails for lower-is-better.
  const beyondLower = (state === 'consistently-passes') === (polarity === 'higher');
  const position = beyondLower ? 'below the lower process limit' : 'above the upper process limit';
  const outcome = state === 'consistently-passes' ? 'will be met every month' : 'will not be met';
  return `${targetText} lies ${position}, so it ${outcome} unless the process changes.`;
}

/** Reason given when the indicator's SPC setting is `off`. */
export function describeSpcOff(): string {
  return 'SPC is switched off for this indicator.';
}

/** Reason given when the indicator's SPC setting is `rolling`. */
export function describeRollingMeasure(): string {
  return (
    'SPC is not used for rolling measures, because each month shares most of its data with the months before it. ' +
    'The points are autocorrelated, so process limits would mislead.'
  );
}

/** Reason given when the series has no values at all. */
export function describeNoData(): string {
  return 'There is no data for this indicator, so SPC cannot be used.';
}

/** Facts about a segment that a reason sentence needs. */
export interface SegmentDescription {
  from: Month;
  to: Month;
  start: SegmentStart;
  pointCount: number;
}

/**
 * Explains why a segment has no process limits because it has too few
 * months. For example "SPC needs at least 13 months in a row. Only 9 months
 * follow the gap in the data, so no process limits are shown for Nov 2017–Jul 2018."
 */
export function describeShortSegment(segment: SegmentDescription, minimumPoints: number): string {
  const span = formatMonthSpan(segment.from, segment.to);
  const count = countMonths(segment.pointCount);
  const follow = segment.pointCount === 1 ? 'follows' : 'follow';

  let context: string;
  if (segment.start === 'gap') {
    context = `Only ${count} ${follow} the gap in the data`;
  } else if (segment.start === 'recalculation') {
    context = `Only ${count} ${follow} the recalculation in ${formatMonth(segment.from)}`;
  } else {
    const are = segment.pointCount === 1 ? 'is' : 'are';
    context = `There ${are} only ${count} of data`;
  }

  return `SPC needs at least ${minimumPoints} months in a row. ${context}, so no process limits are shown for ${span}.`;
}

/** Explains why a declared baseline could not be used: its months are not all inside the segment. */
export function describeBaselineOutsideSegment(baseline: MonthSpan, segment: MonthSpan): string {
  return (
    `The SPC baseline, ${formatMonthSpan(baseline.from, baseline.to)}, does not lie within the first run of months ` +
    `with no gap or recalculation (${formatMonthSpan(segment.from, segment.to)}), so no process limits are shown for that run.`
  );
}

/** Notes that a gap splits the series. */
export function describeGap(gap: MonthSpan): string {
  return (
    `There is no data for ${formatMonthSpan(gap.from, gap.to)}, ` +
    'so the months before and after the gap have separate process limits.'
  );
}

/** Notes that limits were recalculated from a month. */
export function describeRecalculation(month: Month): string {
  return `The process limits were recalculated from ${formatMonth(month)}.`;
}

/** Notes that a segment's mean and limits come from a baseline only. */
export function describeBaseline(baseline: MonthSpan, segmentEnd: Month): string {
  return (
    `The mean and process limits are fixed from the baseline, ${formatMonthSpan(baseline.from, baseline.to)}, ` +
    `and held until ${formatMonth(segmentEnd)}.`
  );
}

function nameLimit(direction: SpcDirection): string {
  return direction === 'up' ? 'upper process limit' : 'lower process limit';
}

function countMonths(count: number): string {
  return count === 1 ? '1 month' : `${count} months`;
}
