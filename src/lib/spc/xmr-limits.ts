import type { XmrLimits } from './spc-types.ts';

/** Process limits sit this many mean moving ranges from the mean (3 sigma, with sigma = MR-bar / 1.128). */
export const PROCESS_LIMIT_FACTOR = 2.66;

/** The 2-sigma lines sit two thirds of the way from the mean to each process limit. */
export const TWO_SIGMA_FACTOR = (2 / 3) * PROCESS_LIMIT_FACTOR;

/** Outlier screening drops moving ranges at or above this multiple of MR-bar (the upper range limit). */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;

export interface XmrOptions {
  /**
   * Drop moving ranges of 3.267 × MR-bar or more, then recalculate MR-bar
   * once, so that one sudden jump does not widen the limits. Default true,
   * because NHSRplotthedots screens by default, and three of the published
   * series the tests reproduce (A&E performance for England, and both
   * measures for trust RL4's type 3 units) have other limits without it.
   */
  screenOutliers?: boolean;
}

/**
 * The XmR limits of a segment plus the terms the special-cause rules compare
 * points with. Points are compared through their deviation from `origin`,
 * so a constant series sits exactly on its mean, and adding a whole number
 * to every value of a whole-number series changes no comparison.
 */
export interface XmrFit {
  limits: XmrLimits;
  /** First value the limits were calculated from. */
  origin: number;
  /** Mean minus `origin`. */
  meanOffset: number;
  /** Distance from the mean to each process limit: 2.66 × MR-bar. */
  processHalfWidth: number;
  /** Distance from the mean to each 2-sigma line: (2/3) × 2.66 × MR-bar. */
  twoSigmaHalfWidth: number;
}

/** Returns |x(i) − x(i−1)| for each consecutive pair, so one fewer value than `values`. */
export function calculateMovingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i++) {
    ranges.push(Math.abs(values[i]! - values[i - 1]!));
  }
  return ranges;
}

/**
 * Calculates the mean, mean moving range, process limits and 2-sigma lines of
 * consecutive monthly values (no gaps). Throws a RangeError for fewer than
 * two values, because one value has no moving range.
 */
export function fitXmr(values: readonly number[], options: XmrOptions = {}): XmrFit {
  if (values.length < 2) {
    throw new RangeError(`XmR limits need at least 2 values, got ${values.length}`);
  }
  const screenOutliers = options.screenOutliers ?? true;

  const origin = values[0]!;
  let deviationSum = 0;
  for (const value of values) deviationSum += value - origin;
  const meanOffset = deviationSum / values.length;
  const mean = origin + meanOffset;

  const movingRanges = calculateMovingRanges(values);
  let movingRangeMean = average(movingRanges);
  let screenedMovingRangeCount = 0;

  // With MR-bar at 0 every range would be screened out, so a flat series keeps its zero ranges.
  if (screenOutliers && movingRangeMean > 0) {
    const cutOff = MOVING_RANGE_SCREEN_FACTOR * movingRangeMean;
    const keptRanges = movingRanges.filter((range) => range < cutOff);
    screenedMovingRangeCount = movingRanges.length - keptRanges.length;
    movingRangeMean = average(keptRanges);
  }

  const processHalfWidth = PROCESS_LIMIT_FACTOR * movingRangeMean;
  const twoSigmaHalfWidth = TWO_SIGMA_FACTOR * movingRangeMean;

  const limits: XmrLimits = {
    mean,
    movingRangeMean,
    lowerProcessLimit: mean - processHalfWidth,
    upperProcessLimit: mean + processHalfWidth,
    lowerTwoSigmaLine: mean - twoSigmaHalfWidth,
    upperTwoSigmaLine: mean + twoSigmaHalfWidth,
    pointCount: values.length,
    screenedMovingRangeCount,
  };
  return { limits, origin, meanOffset, processHalfWidth, twoSigmaHalfWidth };
}

/** Calculates the XmR limits of consecutive values; see `fitXmr`. */
export function calculateXmrLimits(values: readonly number[], options: XmrOptions = {}): XmrLimits {
  return fitXmr(values, options).limits;
}

/** Returns the value minus the mean, measured from the fit's origin (see `XmrFit`). */
export function measureDeviation(value: number, fit: XmrFit): number {
  return value - fit.origin - fit.meanOffset;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
