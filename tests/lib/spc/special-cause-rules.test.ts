import { describe, expect, it } from 'vitest';
import { detectSpecialCauses, type SpecialCauseOptions } from '../../../src/lib/spc/special-cause-rules.ts';
import { PROCESS_LIMIT_FACTOR, type XmrFit } from '../../../src/lib/spc/xmr-limits.ts';

/**
 * Builds a fit with mean 10, process limits 7 and 13 and 2-sigma lines 8 and 12.
 * Each case below can then be checked by eye: 11 is above the mean, 12.5 is
 * close to the upper limit and 13.5 is beyond it.
 */
function fitAroundTen(): XmrFit {
  const processHalfWidth = 3;
  const twoSigmaHalfWidth = 2;
  return {
    limits: {
      mean: 10,
      movingRangeMean: processHalfWidth / PROCESS_LIMIT_FACTOR,
      lowerProcessLimit: 7,
      upperProcessLimit: 13,
      lowerTwoSigmaLine: 8,
      upperTwoSigmaLine: 12,
      pointCount: 20,
      screenedMovingRangeCount: 0,
    },
    origin: 10,
    meanOffset: 0,
    processHalfWidth,
    twoSigmaHalfWidth,
  };
}

/** Writes each point's hits as `rule:direction` joined by `+`, or `-` for none. */
function describeHits(values: number[], options: SpecialCauseOptions = {}): string[] {
  return detectSpecialCauses(values, fitAroundTen(), options).map((hits) =>
    hits.length === 0 ? '-' : hits.map((hit) => `${hit.rule}:${hit.direction}`).join('+'),
  );
}

function flaggedIndexes(values: number[], rule: string, options: SpecialCauseOptions = {}): number[] {
  return detectSpecialCauses(values, fitAroundTen(), options).flatMap((hits, index) =>
    hits.some((hit) => hit.rule === rule) ? [index] : [],
  );
}

describe('outside-limits rule', () => {
  it.each([
    { values: [13.5], expected: ['outside-limits:up'] },
    { values: [6.5], expected: ['outside-limits:down'] },
    { values: [13], expected: ['-'] },
    { values: [7], expected: ['-'] },
  ])('judges $values against limits 7 and 13', ({ values, expected }) => {
    expect(describeHits(values)).toEqual(expected);
  });
});

describe('shift rule', () => {
  it.each([
    { name: '7 above flags all', values: [11, 12, 11, 12, 11, 12, 11], expected: [0, 1, 2, 3, 4, 5, 6] },
    { name: '6 above flags none', values: [11, 12, 11, 12, 11, 12], expected: [] },
    { name: '8 below flags all', values: [9, 8, 9, 8, 9, 8, 9, 8], expected: [0, 1, 2, 3, 4, 5, 6, 7] },
    { name: 'point on mean breaks run', values: [11, 12, 11, 10, 12, 11, 12, 11], expected: [] },
    { name: 'opposite side breaks run', values: [9, 9, 11, 12, 11, 12, 11, 12, 11], expected: [2, 3, 4, 5, 6, 7, 8] },
  ])('$name', ({ values, expected }) => {
    expect(flaggedIndexes(values, 'shift')).toEqual(expected);
  });

  it('accepts run length 6', () => {
    expect(flaggedIndexes([11, 12, 11, 12, 11, 12], 'shift', { shiftLength: 6 })).toEqual([0, 1, 2, 3, 4, 5]);
    expect(flaggedIndexes([11, 12, 11, 12, 11], 'shift', { shiftLength: 6 })).toEqual([]);
  });

  it('marks shift direction by side', () => {
    expect(describeHits([9, 8, 9, 8, 9, 8, 9])).toEqual(Array(7).fill('shift:down'));
  });
});

describe('trend rule', () => {
  it.each([
    { name: '7 rising flags all', values: [7.5, 8, 9, 10.5, 11, 12, 12.5], expected: [0, 1, 2, 3, 4, 5, 6] },
    { name: '6 rising flags none', values: [8, 9, 10.5, 11, 12, 12.5], expected: [] },
    { name: '7 falling flags all', values: [12.5, 12, 11, 9.5, 9, 8, 7.5], expected: [0, 1, 2, 3, 4, 5, 6] },
    { name: 'equal neighbours break run', values: [7.5, 8, 9, 9, 10.5, 11, 12, 12.5], expected: [] },
    { name: 'longer run flags all', values: [11, 7.5, 8, 8.5, 9, 9.5, 10.5, 11, 11.5], expected: [1, 2, 3, 4, 5, 6, 7, 8] },
  ])('$name', ({ values, expected }) => {
    expect(flaggedIndexes(values, 'trend')).toEqual(expected);
  });

  it('accepts run length 6', () => {
    expect(flaggedIndexes([8, 9, 10.5, 11, 12, 12.5], 'trend', { trendLength: 6 })).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('crosses mean in one direction', () => {
    // Three points below the mean, one on it and three above: no shift, but a rising trend.
    expect(describeHits([7.5, 8.5, 9.5, 10, 10.5, 11.5, 12])).toEqual(Array(7).fill('trend:up'));
  });

  it('gives turning point later direction', () => {
    // Rising from index 0 to the peak at index 6, then falling to index 12.
    const values = [7.5, 8, 8.5, 9, 9.5, 9.8, 11.9, 11.5, 11, 10.8, 10.6, 10.4, 10.2];
    const hits = detectSpecialCauses(values, fitAroundTen());
    const trendDirections = hits.map((pointHits) => pointHits.find((hit) => hit.rule === 'trend')?.direction);
    expect(trendDirections).toEqual([...Array(6).fill('up'), ...Array(7).fill('down')]);
  });
});

describe('two-of-three rule', () => {
  it.each([
    { name: 'two close above', values: [11, 12.5, 12.8], expected: ['-', 'two-of-three:up', 'two-of-three:up'] },
    { name: 'two close below', values: [7.2, 9, 7.8], expected: ['two-of-three:down', '-', 'two-of-three:down'] },
    { name: 'three close above', values: [12.5, 12.2, 12.9], expected: Array(3).fill('two-of-three:up') },
    { name: 'opposite sides not flagged', values: [12.5, 9, 12.5], expected: ['-', '-', '-'] },
    { name: 'point on mean not flagged', values: [12.5, 10, 12.5], expected: ['-', '-', '-'] },
    { name: 'one close not flagged', values: [12.5, 11, 11.5], expected: ['-', '-', '-'] },
    { name: 'close apart not flagged', values: [12.5, 11, 11, 12.5], expected: ['-', '-', '-', '-'] },
    { name: 'on 2-sigma line not close', values: [12, 12.5, 11], expected: ['-', '-', '-'] },
  ])('$name', ({ values, expected }) => {
    expect(describeHits(values)).toEqual(expected);
  });

  it('ignores outside points by default', () => {
    expect(describeHits([12.5, 13.5, 11])).toEqual(['-', 'outside-limits:up', '-']);
  });

  it('counts outside points when asked', () => {
    expect(describeHits([12.5, 13.5, 11], { twoOfThreeCountsOutsidePoints: true })).toEqual([
      'two-of-three:up',
      'outside-limits:up+two-of-three:up',
      '-',
    ]);
  });
});

describe('detectSpecialCauses', () => {
  it('orders hits by precedence', () => {
    // Seven falling points, all above the mean, the first beyond the upper limit.
    expect(describeHits([13.5, 12.9, 12.5, 12, 11.5, 11, 10.5])).toEqual([
      'outside-limits:up+trend:down+shift:up',
      'trend:down+two-of-three:up+shift:up',
      'trend:down+two-of-three:up+shift:up',
      'trend:down+shift:up',
      'trend:down+shift:up',
      'trend:down+shift:up',
      'trend:down+shift:up',
    ]);
  });

  it('returns empty hits for empty series', () => {
    expect(detectSpecialCauses([], fitAroundTen())).toEqual([]);
  });

  it.each([
    { options: { shiftLength: 1 }, message: 'shiftLength is 1' },
    { options: { trendLength: 6.5 }, message: 'trendLength is 6.5' },
  ])('rejects $options', ({ options, message }) => {
    expect(() => detectSpecialCauses([11], fitAroundTen(), options)).toThrow(message);
  });
});
