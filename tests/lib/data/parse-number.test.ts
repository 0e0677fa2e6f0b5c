import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatValue, parseDecimal } from '../../../src/lib/data/parse-number.ts';
import { roundHalfAwayFromZero } from '../../../src/lib/rag/round.ts';

describe('parseDecimal', () => {
  it.each([
    ['20.4', 20.4],
    ['16.0', 16],
    ['0.81', 0.81],
    ['-3', -3],
    ['-0.5', -0.5],
    [' 17 ', 17],
    ['1234', 1234],
  ])('reads %j as %d', (text, expected) => {
    expect(parseDecimal(text, 'number')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['4l%', 'value-not-number'],
    ['n/a', 'value-not-number'],
    ['1.2.3', 'value-not-number'],
    ['', 'value-not-number'],
    ['.5', 'value-not-number'],
    ['5.', 'value-not-number'],
    ['+5', 'value-not-number'],
    ['1e3', 'value-not-number'],
    ['1,23', 'value-not-number'],
    ['12,34,567', 'value-not-number'],
    ['43%', 'value-percent-sign'],
    ['43 %', 'value-percent-sign'],
    ['-2.5%', 'value-percent-sign'],
    ['1,234', 'value-thousands-separator'],
    ['12,345.6', 'value-thousands-separator'],
    ['-1,000,000', 'value-thousands-separator'],
  ])('rejects %j as %s', (text, kind) => {
    const reading = parseDecimal(text, 'number');
    expect(reading.ok).toBe(false);
    expect(reading.ok ? null : reading.kind).toBe(kind);
  });

  it('percent hint for percent unit', () => {
    const reading = parseDecimal('43%', 'percent');
    expect(reading).toEqual({
      ok: false,
      kind: 'value-percent-sign',
      hint: 'Write 43 without the % sign: percentages are stored on a 0 to 100 scale.',
    });
  });

  it('percent hint for other unit', () => {
    const reading = parseDecimal('43%', 'number');
    expect(reading.ok ? '' : reading.hint).toBe("Write 43 without the % sign, or set the indicator's unit to percent.");
  });

  it('thousands hint drops commas', () => {
    const reading = parseDecimal('1,234', 'number');
    expect(reading.ok ? '' : reading.hint).toBe('Write 1234 without thousands separators.');
  });

  it('not-number hint says leave blank', () => {
    const reading = parseDecimal('n/a', 'percent');
    expect(reading.ok ? '' : reading.hint).toContain('leave the cell empty');
  });

  it('reads back ungrouped formatted value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (scaled, decimals) => {
        // scaled / 10^decimals has exactly `decimals` places, so formatting loses nothing.
        const value = scaled / 10 ** decimals;
        const text = formatDecimal(value, decimals).replace(/,/g, '');
        expect(parseDecimal(text, 'number')).toEqual({ ok: true, value });
      }),
    );
  });

  it('reads back rounded value of any figure', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const text = formatDecimal(value, decimals).replace(/,/g, '');
        expect(parseDecimal(text, 'number')).toEqual({ ok: true, value: roundHalfAwayFromZero(value, decimals) });
      }),
    );
  });

  it('flags grouped formatted value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (whole, decimals) => {
        const reading = parseDecimal(formatDecimal(whole, decimals), 'number');
        expect(reading.ok ? null : reading.kind).toBe('value-thousands-separator');
      }),
    );
  });
});

describe('formatDecimal', () => {
  it.each([
    [1234.5, 1, '1,234.5'],
    [1234567, 0, '1,234,567'],
    // Intl alone rounds the binary 1.00499… down to 1.00.
    [1.005, 2, '1.01'],
    [20.075, 1, '20.1'],
    [-2.5, 0, '-3'],
    [16, 1, '16.0'],
    [0, 2, '0.00'],
    // -0.04 rounds to zero, which must not print as "-0.0".
    [-0.04, 1, '0.0'],
  ])('%d at %i places reads %j', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    [43, 'percent', 0, '43%'],
    [55.15, 'percent', 1, '55.2%'],
    [566.91, 'days', 0, '567 days'],
    [1, 'days', 0, '1 day'],
    [2, 'weeks', 0, '2 weeks'],
    [1, 'weeks', 0, '1 week'],
    // The unit agrees with the number readers see, not the unrounded value.
    [0.96, 'days', 0, '1 day'],
    [1, 'days', 1, '1.0 days'],
    [20.075, 'number', 1, '20.1'],
    [1234, 'number', 0, '1,234'],
    [0.81, 'ratio', 2, '0.81'],
  ] as const)('%d %s at %i places reads %j', (value, unit, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });
});
