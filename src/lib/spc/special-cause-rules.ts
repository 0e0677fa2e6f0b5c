import type { SpcDirection, SpcRule } from './spc-types.ts';
import { measureDeviation, type XmrFit } from './xmr-limits.ts';

/** Points in a run on one side of the mean that make a shift, unless set otherwise. */
export const DEFAULT_SHIFT_LENGTH = 7;

/** Points in a strictly rising or strictly falling run that make a trend, unless set otherwise. */
export const DEFAULT_TREND_LENGTH = 7;

/**
 * Order in which rules decide a point's direction when they disagree. Only
 * the trend rule can disagree, for a point below the mean in a rising trend
 * or above it in a falling one. NHSRplotthedots labels points in the same
 * order (R/ptd_calculate_point_type.R at commit f7891af4b8f7).
 */
export const RULE_PRECEDENCE: readonly SpcRule[] = ['outside-limits', 'trend', 'two-of-three', 'shift'];

export interface SpecialCauseOptions {
  /** Run length for the shift rule, in points: 7 by default, or 6. Must be at least 2. */
  shiftLength?: number;
  /** Run length for the trend rule, in points (not steps): 7 by default, or 6. Must be at least 2. */
  trendLength?: number;
  /**
   * Whether a point beyond a process limit also counts towards the
   * two-of-three rule. Default false: only points between a 2-sigma line and
   * its process limit count, as in NHSRplotthedots, because a point beyond
   * the limit already fires its own rule.
   * NOTE: with this on, the sentences still call such points "close to" the limit.
   */
  twoOfThreeCountsOutsidePoints?: boolean;
}

/** One rule that fired at a point, and which way it points. */
export interface RuleHit {
  rule: SpcRule;
  direction: SpcDirection;
}

/**
 * Applies the four special-cause rules to the consecutive values of one
 * segment, judged against `fit`. Returns, for each value, the rules that
 * fired there in `RULE_PRECEDENCE` order (empty for common cause).
 * - outside-limits: strictly above the upper or below the lower process limit.
 * - shift: part of a run of `shiftLength` or more points on one side of the
 *   mean. A point exactly on the mean ends the run.
 * - trend: part of a run of `trendLength` or more points each strictly higher
 *   (or each strictly lower) than the one before. Equal neighbours end the
 *   run. A point that ends a rising run and starts a falling one (or the
 *   reverse) takes the direction of the later run.
 * - two-of-three: strictly beyond a 2-sigma line, in a window of three
 *   consecutive points that all lie on that side of the mean and of which at
 *   least two are beyond that line.
 *
 * Throws a RangeError when a run length is not an integer of at least 2.
 */
export function detectSpecialCauses(
  values: readonly number[],
  fit: XmrFit,
  options: SpecialCauseOptions = {},
): RuleHit[][] {
  const shiftLength = validateRunLength('shiftLength', options.shiftLength ?? DEFAULT_SHIFT_LENGTH);
  const trendLength = validateRunLength('trendLength', options.trendLength ?? DEFAULT_TREND_LENGTH);

  const deviations = values.map((value) => measureDeviation(value, fit));
  const sides = deviations.map((deviation) => Math.sign(deviation));

  const found: Record<SpcRule, Array<SpcDirection | null>> = {
    'outside-limits': findOutsideLimits(deviations, fit),
    trend: findTrends(values, trendLength),
    'two-of-three': findTwoOfThree(deviations, sides, fit, options.twoOfThreeCountsOutsidePoints ?? false),
    shift: findShifts(sides, shiftLength),
  };

  return values.map((_, index) => {
    const hits: RuleHit[] = [];
    for (const rule of RULE_PRECEDENCE) {
      const direction = found[rule][index];
      if (direction) hits.push({ rule, direction });
    }
    return hits;
  });
}

function findOutsideLimits(deviations: readonly number[], fit: XmrFit): Array<SpcDirection | null> {
  return deviations.map((deviation) => {
    if (deviation > fit.processHalfWidth) return 'up';
    if (deviation < -fit.processHalfWidth) return 'down';
    return null;
  });
}

/** Marks every point of each run of at least `minimumLength` points that share a non-zero side. */
function findShifts(sides: readonly number[], minimumLength: number): Array<SpcDirection | null> {
  const directions: Array<SpcDirection | null> = sides.map(() => null);
  let runStart = 0;

  for (let index = 1; index <= sides.length; index++) {
    const runContinues = index < sides.length && sides[index] === sides[runStart];
    if (runContinues) continue;

    const side = sides[runStart]!;
    if (side !== 0 && index - runStart >= minimumLength) {
      directions.fill(toDirection(side), runStart, index);
    }
    runStart = index;
  }
  return directions;
}

/**
 * Marks every point of each strictly monotonic run of at least `minimumLength`
 * points. Runs are scanned in order, so a later run overwrites the shared
 * turning point of an earlier one.
 */
function findTrends(values: readonly number[], minimumLength: number): Array<SpcDirection | null> {
  const directions: Array<SpcDirection | null> = values.map(() => null);

  // steps[i] is the sign of the change from values[i] to values[i + 1].
  const steps: number[] = [];
  for (let index = 1; index < values.length; index++) {
    steps.push(Math.sign(values[index]! - values[index - 1]!));
  }

  let runStart = 0;
  for (let index = 1; index <= steps.length; index++) {
    const runContinues = index < steps.length && steps[index] === steps[runStart];
    if (runContinues) continue;

    const step = steps[runStart]!;
    const pointCount = index - runStart + 1;
    if (step !== 0 && pointCount >= minimumLength) {
      directions.fill(toDirection(step), runStart, index + 1);
    }
    runStart = index;
  }
  return directions;
}

function findTwoOfThree(
  deviations: readonly number[],
  sides: readonly number[],
  fit: XmrFit,
  countsOutsidePoints: boolean,
): Array<SpcDirection | null> {
  const countsAsClose = deviations.map((deviation) => {
    const distance = Math.abs(deviation);
    if (distance <= fit.twoSigmaHalfWidth) return false;
    return countsOutsidePoints || distance <= fit.processHalfWidth;
  });

  const directions: Array<SpcDirection | null> = deviations.map(() => null);
  for (let start = 0; start + 3 <= deviations.length; start++) {
    const window = [start, start + 1, start + 2];
    const side = sides[start]!;
    const sameSide = side !== 0 && window.every((index) => sides[index] === side);
    if (!sameSide) continue;

    const close = window.filter((index) => countsAsClose[index]);
    if (close.length < 2) continue;
    for (const index of close) directions[index] = toDirection(side);
  }
  return directions;
}

function toDirection(sign: number): SpcDirection {
  return sign > 0 ? 'up' : 'down';
}

/** Returns `length` when it is a whole number of at least 2, and throws a RangeError naming `name` otherwise. */
export function validateRunLength(name: string, length: number): number {
  if (!Number.isInteger(length) || length < 2) {
    throw new RangeError(`${name} is ${length}: use a whole number of points, at least 2 (7 is the usual rule)`);
  }
  return length;
}
