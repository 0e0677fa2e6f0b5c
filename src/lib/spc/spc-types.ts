import type { Month } from '../data/types.ts';

/**
 * Types shared by the statistical process control (SPC) modules: XmR charts
 * read the way NHS England's "Making Data Count" guidance reads them.
 */

/** One month of one indicator's series. `value` null means no data, never zero. */
export interface SpcPoint {
  month: Month;
  value: number | null;
}

/** An inclusive run of months, such as a gap in the data or a baseline. */
export interface MonthSpan {
  from: Month;
  to: Month;
}

/**
 * A special-cause rule.
 * - `outside-limits`: the point is above the upper or below the lower process limit.
 * - `shift`: the point is part of a run of points all on one side of the mean.
 * - `trend`: the point is part of a run of points each strictly higher (or lower) than the one before.
 * - `two-of-three`: the point is beyond a 2-sigma line, and so is another of three consecutive points
 *   that all lie on one side of the mean.
 */
export type SpcRule = 'outside-limits' | 'shift' | 'trend' | 'two-of-three';

/** Direction of a rule's finding: `up` for above the mean or rising, `down` for below the mean or falling. */
export type SpcDirection = 'up' | 'down';

/** Reading of a special-cause point given the polarity. `neutral` is for indicators with no preferred direction. */
export type SpecialCauseClass = 'improvement' | 'concern' | 'neutral';

/** The Making Data Count variation icon for the latest point. */
export type VariationState =
  | 'common-cause'
  | 'special-cause-improvement'
  | 'special-cause-concern'
  | 'special-cause-neutral';

/**
 * The Making Data Count assurance icon: how the year's target sits against the
 * process limits. `none` means no target, or a neutral indicator.
 */
export type AssuranceState = 'consistently-passes' | 'consistently-fails' | 'hit-and-miss' | 'none';

/**
 * Centre line and limits of one XmR segment, in the indicator's own unit.
 * The process limits are mean ± 2.66 × mean moving range, and the 2-sigma
 * lines are two thirds of the way from the mean to each limit.
 */
export interface XmrLimits {
  mean: number;
  /** Mean of the moving ranges kept after screening. */
  movingRangeMean: number;
  lowerProcessLimit: number;
  upperProcessLimit: number;
  lowerTwoSigmaLine: number;
  upperTwoSigmaLine: number;
  /** Number of points the mean and limits were calculated from. */
  pointCount: number;
  /** Number of moving ranges dropped by outlier screening (0 when screening is off). */
  screenedMovingRangeCount: number;
}
