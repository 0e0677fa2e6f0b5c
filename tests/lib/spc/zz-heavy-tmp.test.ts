import fc from 'fast-check';
fc.configureGlobal({ numRuns: 5000 });
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/data/month.ts';
import { analyseSpc, type AnalyseSpcOptions, type SpcSummary } from '../../../src/lib/spc/analyse-spc.ts';
import type { SpcPoint } from '../../../src/lib/spc/spc-types.ts';

const BASE_OPTIONS: AnalyseSpcOptions = {
  polarity: 'higher',
  spc: 'on',
  spcBaseline: null,
  spcRecalculate: [],
  target: null,
};

// Whole numbers keep every subtraction exact, so shifted series compare exactly.
const wholeValues = fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 13, maxLength: 48 });
const valuesWithGaps = fc.array(fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null, freq: 12 }), {
  minLength: 13,
  maxLength: 60,
});

function toSeries(values: ReadonlyArray<number | null>): SpcPoint[] {
  return values.map((value, index) => ({ month: addMonths('2015-01', index), value }));
}

function expectClose(actual: number, expected: number, scale: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * (Math.abs(scale) + 1));
}

/** Flagged months, rules and directions, without the polarity-dependent class. */
function signalsOf(summary: SpcSummary): string[] {
  return summary.flagged.map((point) => `${point.month} ${point.rules.join('+')} ${point.direction}`);
}

const SWAPPED_CLASS = { improvement: 'concern', concern: 'improvement', neutral: 'neutral' } as const;
const SWAPPED_VARIATION = {
  'common-cause': 'common-cause',
  'special-cause-improvement': 'special-cause-concern',
  'special-cause-concern': 'special-cause-improvement',
  'special-cause-neutral': 'special-cause-neutral',
} as const;
const SWAPPED_ASSURANCE = {
  'consistently-passes': 'consistently-fails',
  'consistently-fails': 'consistently-passes',
  'hit-and-miss': 'hit-and-miss',
  none: 'none',
} as const;

describe('analyseSpc properties', () => {
  it('keeps limits symmetric about mean', () => {
    fc.assert(
      fc.property(wholeValues, (values) => {
        const limits = analyseSpc(toSeries(values), BASE_OPTIONS).segments[0]!.limits!;
        const scale = Math.abs(limits.mean) + limits.upperProcessLimit - limits.lowerProcessLimit;
        expectClose(limits.upperProcessLimit - limits.mean, limits.mean - limits.lowerProcessLimit, scale);
        expectClose(limits.upperTwoSigmaLine - limits.mean, limits.mean - limits.lowerTwoSigmaLine, scale);
        expect(limits.upperProcessLimit).toBeGreaterThanOrEqual(limits.upperTwoSigmaLine);
        expect(limits.upperTwoSigmaLine).toBeGreaterThanOrEqual(limits.mean);
      }),
    );
  });

  it('gives constant series no width or signal', () => {
    const constant = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(constant, fc.integer({ min: 13, max: 48 }), (value, length) => {
        const summary = analyseSpc(toSeries(Array(length).fill(value)), BASE_OPTIONS);
        const limits = summary.segments[0]!.limits!;
        // Compared with ===, because a series of -0 has a mean of 0, which is the same value.
        expect(limits.mean === value).toBe(true);
        expect(limits.lowerProcessLimit === value).toBe(true);
        expect(limits.upperProcessLimit === value).toBe(true);
        expect(summary.flagged).toEqual([]);
        expect(summary.variation).toBe('common-cause');
      }),
    );
  });

  it('swaps classes when polarity reverses', () => {
    const target = fc.option(fc.integer({ min: -12_000, max: 12_000 }), { nil: null });
    fc.assert(
      fc.property(valuesWithGaps, target, (values, targetValue) => {
        const series = toSeries(values);
        const higher = analyseSpc(series, { ...BASE_OPTIONS, target: targetValue });
        const lower = analyseSpc(series, { ...BASE_OPTIONS, target: targetValue, polarity: 'lower' });

        expect(signalsOf(lower)).toEqual(signalsOf(higher));
        expect(lower.flagged.map((point) => point.class)).toEqual(
          higher.flagged.map((point) => SWAPPED_CLASS[point.class]),
        );
        expect(lower.variation).toBe(higher.variation === null ? null : SWAPPED_VARIATION[higher.variation]);
        expect(lower.assurance).toBe(higher.assurance === null ? null : SWAPPED_ASSURANCE[higher.assurance]);
      }),
    );
  });

  it('moves with constant offset', () => {
    const offset = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(valuesWithGaps, offset, (values, shift) => {
        const original = analyseSpc(toSeries(values), BASE_OPTIONS);
        const moved = analyseSpc(
          toSeries(values.map((value) => (value === null ? null : value + shift))),
          BASE_OPTIONS,
        );

        expect(moved.segments).toHaveLength(original.segments.length);
        original.segments.forEach((segment, index) => {
          const movedLimits = moved.segments[index]!.limits;
          if (segment.limits === null || movedLimits === null) {
            expect(movedLimits).toBe(segment.limits);
            return;
          }
          const scale = Math.abs(segment.limits.mean) + Math.abs(shift) + segment.limits.movingRangeMean;
          expectClose(movedLimits.mean, segment.limits.mean + shift, scale);
          expectClose(movedLimits.lowerProcessLimit, segment.limits.lowerProcessLimit + shift, scale);
          expectClose(movedLimits.upperProcessLimit, segment.limits.upperProcessLimit + shift, scale);
          expect(movedLimits.movingRangeMean).toBe(segment.limits.movingRangeMean);
        });
        expect(signalsOf(moved)).toEqual(signalsOf(original));
        expect(moved.flagged.map((point) => point.class)).toEqual(original.flagged.map((point) => point.class));
        expect(moved.variation).toBe(original.variation);
      }),
    );
  });
});
