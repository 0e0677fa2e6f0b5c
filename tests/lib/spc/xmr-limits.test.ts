import { describe, expect, it } from 'vitest';
import { calculateMovingRanges, calculateXmrLimits, fitXmr, measureDeviation } from '../../../src/lib/spc/xmr-limits.ts';

describe('calculateMovingRanges', () => {
  it.each([
    { values: [], expected: [] },
    { values: [4], expected: [] },
    { values: [1, 3, 2, 6, 4], expected: [2, 1, 4, 2] },
    { values: [-2, 2, 2], expected: [4, 0] },
  ])('ranges of $values', ({ values, expected }) => {
    expect(calculateMovingRanges(values)).toEqual(expected);
  });
});

describe('calculateXmrLimits', () => {
  it('calculates small series by hand', () => {
    // Mean 16 / 5 = 3.2. Moving ranges 2, 1, 4, 2 give MR-bar 2.25, and none
    // reaches 3.267 × 2.25 = 7.35. Limits 3.2 ± 2.66 × 2.25 = 3.2 ± 5.985;
    // 2-sigma lines 3.2 ± (2/3) × 5.985 = 3.2 ± 3.99.
    const limits = calculateXmrLimits([1, 3, 2, 6, 4]);
    expect(limits.mean).toBeCloseTo(3.2, 12);
    expect(limits.movingRangeMean).toBeCloseTo(2.25, 12);
    expect(limits.lowerProcessLimit).toBeCloseTo(-2.785, 12);
    expect(limits.upperProcessLimit).toBeCloseTo(9.185, 12);
    expect(limits.lowerTwoSigmaLine).toBeCloseTo(-0.79, 12);
    expect(limits.upperTwoSigmaLine).toBeCloseTo(7.19, 12);
    expect(limits.pointCount).toBe(5);
    expect(limits.screenedMovingRangeCount).toBe(0);
  });

  it('screens one large moving range', () => {
    // Eight ranges of 1 and one of 30: MR-bar 38 / 9 = 4.222, cut-off 13.79,
    // so 30 is dropped and MR-bar becomes 1. Mean 134 / 10 = 13.4.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 40];
    const limits = calculateXmrLimits(values);
    expect(limits.mean).toBeCloseTo(13.4, 12);
    expect(limits.movingRangeMean).toBe(1);
    expect(limits.screenedMovingRangeCount).toBe(1);
    expect(limits.lowerProcessLimit).toBeCloseTo(10.74, 12);
    expect(limits.upperProcessLimit).toBeCloseTo(16.06, 12);
  });

  it('keeps large range without screening', () => {
    const limits = calculateXmrLimits([10, 11, 10, 11, 10, 11, 10, 11, 10, 40], { screenOutliers: false });
    expect(limits.movingRangeMean).toBeCloseTo(38 / 9, 12);
    expect(limits.screenedMovingRangeCount).toBe(0);
    expect(limits.upperProcessLimit).toBeCloseTo(13.4 + (2.66 * 38) / 9, 12);
  });

  it('gives flat series zero width', () => {
    const limits = calculateXmrLimits([0.1, 0.1, 0.1, 0.1]);
    expect(limits.mean).toBe(0.1);
    expect(limits.movingRangeMean).toBe(0);
    expect(limits.lowerProcessLimit).toBe(0.1);
    expect(limits.upperProcessLimit).toBe(0.1);
    expect(limits.screenedMovingRangeCount).toBe(0);
  });

  it.each([[[]], [[5]]])('rejects %j', (values) => {
    expect(() => calculateXmrLimits(values)).toThrow(RangeError);
  });
});

describe('measureDeviation', () => {
  it('measures from mean', () => {
    const fit = fitXmr([1, 3, 2, 6, 4]);
    expect(measureDeviation(3.2, fit)).toBeCloseTo(0, 12);
    expect(measureDeviation(6, fit)).toBeCloseTo(2.8, 12);
  });

  it('puts flat series exactly on mean', () => {
    const fit = fitXmr([12.3, 12.3, 12.3]);
    expect(measureDeviation(12.3, fit)).toBe(0);
  });
});
