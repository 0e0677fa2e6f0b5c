/**
 * Reproduces the XmR check in nhs-pycom/nhspy-plotthedots (NHS Python
 * Community, MIT licence): file tests/unittests/test_pandas_spc_x_calc.py,
 * test `test_demo_case`, at commit 0a57a1fd5dbd595bb31a807ce47e8077f3666a77,
 * copied into tests/fixtures/spc/spc_nhspy_demo.csv. Its author notes that the 15
 * values approximate an NHS England video example with 10 subtracted, so this
 * is a sanity check rather than an official worked example.
 *
 * The test publishes the mean to 2 decimal places and the limits to 0, and
 * checks the points by position only, so the months here (Apr 2017 to
 * Jun 2018) are our own choice.
 */
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/data/month.ts';
import { analyseSpc } from '../../../src/lib/spc/analyse-spc.ts';
import { readFixtureRows } from './reference-series.ts';

const rows = readFixtureRows('spc_nhspy_demo.csv');
const series = rows.map((row) => ({ month: addMonths('2017-03', Number(row.index)), value: Number(row.value) }));
const summary = analyseSpc(series, {
  polarity: 'higher',
  spc: 'on',
  spcBaseline: null,
  spcRecalculate: [],
  target: null,
});
const limits = summary.segments[0]?.limits;

describe('nhspy-plotthedots demo case', () => {
  it('matches published mean and limits', () => {
    expect(limits?.mean).toBeCloseTo(76.67, 2);
    expect(limits?.lowerProcessLimit).toBeCloseTo(57, 0);
    expect(limits?.upperProcessLimit).toBeCloseTo(96, 0);
  });

  it('matches exact arithmetic', () => {
    // 1,150 / 15 = 76.6667. The 14 moving ranges sum to 103, so MR-bar = 7.357143,
    // and the largest range, 23, stays below 3.267 × 7.357143 = 24.04.
    expect(limits?.mean).toBeCloseTo(1150 / 15, 10);
    expect(limits?.movingRangeMean).toBeCloseTo(103 / 14, 10);
    expect(limits?.screenedMovingRangeCount).toBe(0);
    expect(limits?.lowerProcessLimit).toBeCloseTo(1150 / 15 - (2.66 * 103) / 14, 10);
    expect(limits?.upperProcessLimit).toBeCloseTo(1150 / 15 + (2.66 * 103) / 14, 10);
  });

  it('flags only point 12', () => {
    const expectedOutside = rows.filter((row) => row.expected_outside_limits === '1').map((row) => Number(row.index));
    const expectedSpecial = rows.filter((row) => row.expected_special_cause_flag === '1').map((row) => Number(row.index));
    expect(expectedOutside).toEqual([12]);
    expect(expectedSpecial).toEqual([12]);

    expect(summary.flagged).toEqual([
      { month: '2018-03', value: 54, rules: ['outside-limits'], direction: 'down', class: 'concern' },
    ]);
  });

  it('finds no point close to limits', () => {
    for (const point of series) {
      // Only point 12 (54) lies beyond a 2-sigma line, and it is outside the limits, so it is not close.
      if (point.value === 54) {
        expect(point.value).toBeLessThan(limits!.lowerProcessLimit);
        continue;
      }
      expect(point.value, point.month).toBeLessThanOrEqual(limits!.upperTwoSigmaLine);
      expect(point.value, point.month).toBeGreaterThanOrEqual(limits!.lowerTwoSigmaLine);
    }
  });
});
