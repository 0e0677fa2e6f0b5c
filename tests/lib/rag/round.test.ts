import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, roundHalfAwayFromZero } from '../../../src/lib/rag/round.ts';

/**
 * Rounds a decimal string half away from zero with integer arithmetic only,
 * so the expected value carries no binary rounding of its own.
 */
function roundDecimalText(text: string, decimals: number): number {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.') as [string, string?];
  const scaled = BigInt(whole + fraction);
  const fractionDigits = fraction.length;

  let rounded: bigint;
  if (decimals >= fractionDigits) {
    rounded = scaled * 10n ** BigInt(decimals - fractionDigits);
  } else {
    const divisor = 10n ** BigInt(fractionDigits - decimals);
    rounded = scaled / divisor;
    if ((scaled % divisor) * 2n >= divisor) rounded += 1n;
  }

  if (rounded === 0n) return 0;
  return Number(`${negative ? '-' : ''}${rounded}e-${decimals}`);
}

/** Decimal strings with at most 12 significant digits, the precision the rounding promises. */
const decimalTextArbitrary = fc
  .integer({ min: 0, max: 10 })
  .chain((fractionDigits) =>
    fc.tuple(
      fc.boolean(),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(12 - fractionDigits) - 1n }),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(fractionDigits) - 1n }),
      fc.constant(fractionDigits),
    ),
  )
  .map(([negative, whole, fraction, fractionDigits]) => {
    const fractionText = fractionDigits === 0 ? '' : `.${String(fraction).padStart(fractionDigits, '0')}`;
    return `${negative ? '-' : ''}${whole}${fractionText}`;
  });

describe('roundHalfAwayFromZero', () => {
  it.each([
    // 1.005 is stored as 1.00499999999999989…, but readers see 1.005, which rounds up.
    [1.005, 2, 1.01],
    [20.075, 1, 20.1],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.0049, 2, 1],
    [-1.005, 2, -1.01],
    [16, 1, 16],
    // W 1, Apr–Jul 2018: 19.2 + 20.1 + 20.6 + 20.4 = 80.3, and 80.3 / 4 = 20.075 → 20.1.
    [(19.2 + 20.1 + 20.6 + 20.4) / 4, 1, 20.1],
    // AMT 2, Apr–Jul 2018: 54.5 + 56.6 + 46.6 + 62.9 = 220.6, and 220.6 / 4 = 55.15 → 55.2.
    [(54.5 + 56.6 + 46.6 + 62.9) / 4, 1, 55.2],
    // W 2, Apr–Jul 2018: 11.8 + 14 + 11.7 + 12.8 = 50.3, and 50.3 / 4 = 12.575 → 12.58 at 2 places.
    [(11.8 + 14 + 11.7 + 12.8) / 4, 2, 12.58],
    // AD 7, Apr–Jul 2018: 682 + 543.2 + 521.22 + 521.22 = 2267.64, and 2267.64 / 4 = 566.91 → 567.
    [(682 + 543.2 + 521.22 + 521.22) / 4, 0, 567],
    [1e-7, 2, 0],
    [0.0000005, 6, 0.000001],
    [123456789012, 10, 123456789012],
    [999999.5, 0, 1000000],
  ])('%d at %i places is %d', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 0), 0)).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity])('rejects value %d', (value) => {
    expect(() => roundHalfAwayFromZero(value, 1)).toThrow(RangeError);
  });

  it.each([-1, 1.5, 11])('rejects decimals %d', (decimals) => {
    expect(() => roundHalfAwayFromZero(1.5, decimals)).toThrow(RangeError);
  });

  it('agrees with exact decimal rounding', () => {
    fc.assert(
      fc.property(decimalTextArbitrary, fc.integer({ min: 0, max: 10 }), (text, decimals) => {
        expect(roundHalfAwayFromZero(Number(text), decimals)).toBe(roundDecimalText(text, decimals));
      }),
      { numRuns: 2000 },
    );
  });

  it('is odd in its argument', () => {
    fc.assert(
      fc.property(decimalTextArbitrary, fc.integer({ min: 0, max: 6 }), (text, decimals) => {
        const value = Number(text);
        expect(roundHalfAwayFromZero(-value, decimals)).toBe(-roundHalfAwayFromZero(value, decimals) || 0);
      }),
    );
  });
});

describe('roundDecimalText', () => {
  // The reference itself must be right, or the property above proves nothing.
  it.each([
    ['1.005', 2, 1.01],
    ['-2.5', 0, -3],
    ['0.0000001', 2, 0],
    ['12.345', 5, 12.345],
    ['-0.04', 1, 0],
  ])('%s at %i places is %d', (text, decimals, expected) => {
    expect(roundDecimalText(text, decimals)).toBe(expected);
  });
});

describe('mean', () => {
  it('returns null for no values', () => {
    expect(mean([])).toBeNull();
  });

  it('averages W 1 Apr–Jul 2018', () => {
    // 80.3 / 4 = 20.075, up to the binary noise of the sum.
    expect(mean([19.2, 20.1, 20.6, 20.4])).toBeCloseTo(20.075, 12);
  });

  it('returns single value itself', () => {
    expect(mean([42])).toBe(42);
  });
});
