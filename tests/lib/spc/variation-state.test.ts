import { describe, expect, it } from 'vitest';
import type { XmrLimits } from '../../../src/lib/spc/spc-types.ts';
import {
  assessAssurance,
  assessVariation,
  classifyDirection,
  classifyPoint,
} from '../../../src/lib/spc/variation-state.ts';

/** Limits 80 to 95 around a mean of 87.5. */
const LIMITS: XmrLimits = {
  mean: 87.5,
  movingRangeMean: 7.5 / 2.66,
  lowerProcessLimit: 80,
  upperProcessLimit: 95,
  lowerTwoSigmaLine: 82.5,
  upperTwoSigmaLine: 92.5,
  pointCount: 24,
  screenedMovingRangeCount: 0,
};

describe('classifyDirection', () => {
  it.each([
    { direction: 'up', polarity: 'higher', expected: 'improvement' },
    { direction: 'down', polarity: 'higher', expected: 'concern' },
    { direction: 'up', polarity: 'lower', expected: 'concern' },
    { direction: 'down', polarity: 'lower', expected: 'improvement' },
    { direction: 'up', polarity: 'neutral', expected: 'neutral' },
    { direction: 'down', polarity: 'neutral', expected: 'neutral' },
  ] as const)('$direction when $polarity is better', ({ direction, polarity, expected }) => {
    expect(classifyDirection(direction, polarity)).toBe(expected);
  });
});

describe('classifyPoint', () => {
  it('lets first rule decide', () => {
    const hits = [
      { rule: 'trend', direction: 'down' },
      { rule: 'shift', direction: 'up' },
    ] as const;
    expect(classifyPoint([...hits], 'higher')).toBe('concern');
  });

  it('returns null without hits', () => {
    expect(classifyPoint([], 'higher')).toBeNull();
  });
});

describe('assessVariation', () => {
  it.each([
    { hits: [], polarity: 'higher', expected: 'common-cause' },
    { hits: [{ rule: 'shift', direction: 'up' }], polarity: 'higher', expected: 'special-cause-improvement' },
    { hits: [{ rule: 'shift', direction: 'up' }], polarity: 'lower', expected: 'special-cause-concern' },
    { hits: [{ rule: 'trend', direction: 'down' }], polarity: 'neutral', expected: 'special-cause-neutral' },
  ] as const)('$expected from $hits.length hits', ({ hits, polarity, expected }) => {
    expect(assessVariation([...hits], polarity)).toBe(expected);
  });
});

describe('assessAssurance', () => {
  it.each([
    { polarity: 'higher', target: 79, expected: 'consistently-passes' },
    { polarity: 'higher', target: 80, expected: 'hit-and-miss' },
    { polarity: 'higher', target: 90, expected: 'hit-and-miss' },
    { polarity: 'higher', target: 95, expected: 'hit-and-miss' },
    { polarity: 'higher', target: 96, expected: 'consistently-fails' },
    { polarity: 'lower', target: 79, expected: 'consistently-fails' },
    { polarity: 'lower', target: 80, expected: 'hit-and-miss' },
    { polarity: 'lower', target: 96, expected: 'consistently-passes' },
    { polarity: 'higher', target: null, expected: 'none' },
    { polarity: 'neutral', target: 79, expected: 'none' },
  ] as const)('$polarity better, target $target', ({ polarity, target, expected }) => {
    expect(assessAssurance(target, LIMITS, polarity)).toBe(expected);
  });
});
