import type { Month } from '../data/types.ts';
import type { RuleHit } from './special-cause-rules.ts';
import type { ObservedPoint } from './split-series.ts';
import type { SpcDirection, SpcRule } from './spc-types.ts';

/**
 * The months behind one rule that fired at the latest point, for sentences
 * such as "7 months in a row above the mean, Jan–Jul 2018".
 */
export interface SignalRun {
  rule: SpcRule;
  direction: SpcDirection;
  /** First month of the run: the start of the shift or trend, or of the three-month window. */
  from: Month;
  /** Always the latest month. */
  to: Month;
  /**
   * Points in the run. For `two-of-three` this is how many of the three
   * months are beyond the 2-sigma line (2 or 3), and for `outside-limits` it is 1.
   */
  pointCount: number;
}

/**
 * Traces, for each rule that fired at the last point of a segment, the run of
 * months that made it fire. `hits` contains the rules per point, as
 * `detectSpecialCauses` returns them for the same points.
 */
export function traceLatestSignals(points: readonly ObservedPoint[], hits: readonly RuleHit[][]): SignalRun[] {
  const lastIndex = points.length - 1;
  const latest = points[lastIndex];
  const latestHits = hits[lastIndex];
  if (!latest || !latestHits) return [];

  return latestHits.map((hit) => {
    const firstIndex = findRunStart(points, hits, hit);
    const pointCount =
      hit.rule === 'two-of-three'
        ? countTwoOfThreeHits(hits, firstIndex, lastIndex)
        : lastIndex - firstIndex + 1;
    return { rule: hit.rule, direction: hit.direction, from: points[firstIndex]!.month, to: latest.month, pointCount };
  });
}

function findRunStart(points: readonly ObservedPoint[], hits: readonly RuleHit[][], hit: RuleHit): number {
  const lastIndex = points.length - 1;

  switch (hit.rule) {
    case 'outside-limits':
      return lastIndex;

    case 'two-of-three':
      // The latest point can only be the last of a three-point window.
      return Math.max(0, lastIndex - 2);

    case 'shift': {
      // A shift run is every consecutive point flagged on the same side.
      let index = lastIndex;
      while (index > 0 && hasHit(hits[index - 1], 'shift', hit.direction)) index--;
      return index;
    }

    case 'trend': {
      // Two trends can meet at equal neighbours, so the run is traced through the values.
      let index = lastIndex;
      while (index > 0 && isStep(points[index - 1]!.value, points[index]!.value, hit.direction)) index--;
      return index;
    }
  }
}

function countTwoOfThreeHits(hits: readonly RuleHit[][], firstIndex: number, lastIndex: number): number {
  let count = 0;
  for (let index = firstIndex; index <= lastIndex; index++) {
    if (hits[index]?.some((hit) => hit.rule === 'two-of-three')) count++;
  }
  return count;
}

function hasHit(pointHits: readonly RuleHit[] | undefined, rule: SpcRule, direction: SpcDirection): boolean {
  return pointHits?.some((hit) => hit.rule === rule && hit.direction === direction) ?? false;
}

function isStep(before: number, after: number, direction: SpcDirection): boolean {
  return direction === 'up' ? after > before : after < before;
}
