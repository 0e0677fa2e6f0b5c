import type { Polarity } from '../data/types.ts';
import type { RuleHit } from './special-cause-rules.ts';
import type { AssuranceState, SpcDirection, SpecialCauseClass, VariationState, XmrLimits } from './spc-types.ts';

/**
 * Classes a special-cause direction by polarity: up is improvement when
 * higher is better and concern when lower is better, and the reverse for
 * down. Every direction is `neutral` for a neutral indicator.
 */
export function classifyDirection(direction: SpcDirection, polarity: Polarity): SpecialCauseClass {
  if (polarity === 'neutral') return 'neutral';
  const goodDirection: SpcDirection = polarity === 'higher' ? 'up' : 'down';
  return direction === goodDirection ? 'improvement' : 'concern';
}

/**
 * Classes a point from the rules that fired there, which must be in
 * precedence order (as `detectSpecialCauses` returns them), so the first
 * rule decides. Returns null for a common-cause point.
 */
export function classifyPoint(hits: readonly RuleHit[], polarity: Polarity): SpecialCauseClass | null {
  const deciding = hits[0];
  if (!deciding) return null;
  return classifyDirection(deciding.direction, polarity);
}

/** Picks the variation icon for the latest point from the rules that fired there (empty for common cause). */
export function assessVariation(latestHits: readonly RuleHit[], polarity: Polarity): VariationState {
  const pointClass = classifyPoint(latestHits, polarity);
  if (pointClass === null) return 'common-cause';
  return `special-cause-${pointClass}`;
}

/**
 * Picks the assurance icon from where the target lies against the latest
 * segment's process limits. When higher is better, a target below the lower
 * limit is passed every month (`consistently-passes`) and one above the upper
 * limit is never reached (`consistently-fails`). Lower is better mirrors
 * this. A target on a limit or between the limits is `hit-and-miss`. Returns
 * `none` without a target or for a neutral indicator.
 */
export function assessAssurance(target: number | null, limits: XmrLimits, polarity: Polarity): AssuranceState {
  if (target === null || polarity === 'neutral') return 'none';

  const belowLowerLimit = target < limits.lowerProcessLimit;
  const aboveUpperLimit = target > limits.upperProcessLimit;
  if (!belowLowerLimit && !aboveUpperLimit) return 'hit-and-miss';

  const targetOnBadSide = polarity === 'higher' ? belowLowerLimit : aboveUpperLimit;
  return targetOnBadSide ? 'consistently-passes' : 'consistently-fails';
}
