import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  financialYearToDate,
  formatFinancialYear,
  formatMonth,
  formatMonthLong,
  formatMonthSpan,
  isFinancialYear,
  isMonth,
  joinMonth,
  monthRange,
  monthsBetween,
  previousFinancialYear,
  splitMonth,
} from '../../../src/lib/data/month.ts';

/** Years whose financial years start and end in four-digit years (January 1000 falls in 999-00). */
const yearArbitrary = fc.integer({ min: 1001, max: 9998 });
const monthNumberArbitrary = fc.integer({ min: 1, max: 12 });
const monthArbitrary = fc.tuple(yearArbitrary, monthNumberArbitrary).map(([year, month]) => joinMonth(year, month));

describe('isMonth', () => {
  it.each([
    ['2018-07', true],
    ['2018-01', true],
    ['2018-12', true],
    ['2018-13', false],
    ['2018-00', false],
    ['2018-7', false],
    ['18-07', false],
    ['Jul-18', false],
    ['2018-07-01', false],
    [' 2018-07', false],
    ['', false],
  ])('%j gives %s', (text, expected) => {
    expect(isMonth(text)).toBe(expected);
  });
});

describe('splitMonth', () => {
  it('splits year and month number', () => {
    expect(splitMonth('2018-07')).toEqual({ year: 2018, month: 7 });
  });

  it.each(['2018-13', 'Jul-18', ''])('rejects %j', (text) => {
    expect(() => splitMonth(text)).toThrow(RangeError);
  });
});

describe('joinMonth', () => {
  it('pads month to two digits', () => {
    expect(joinMonth(2018, 4)).toBe('2018-04');
  });

  it('round trips with splitMonth', () => {
    fc.assert(
      fc.property(yearArbitrary, monthNumberArbitrary, (year, month) => {
        const text = joinMonth(year, month);
        expect(isMonth(text)).toBe(true);
        expect(splitMonth(text)).toEqual({ year, month });
      }),
    );
  });

  it('rebuilds any valid month text', () => {
    const textArbitrary = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), monthNumberArbitrary)
      .map(([year, month]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const parts = splitMonth(text);
        expect(joinMonth(parts.year, parts.month)).toBe(text);
      }),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2018-11', 3, '2019-02'],
    ['2018-01', -1, '2017-12'],
    // 2018-07 back 12 is 2017-07, back 7 more is 2016-12.
    ['2018-07', -19, '2016-12'],
    ['2018-07', 0, '2018-07'],
    ['2018-12', 1, '2019-01'],
  ])('%s plus %i is %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it('inverts monthsBetween', () => {
    fc.assert(
      fc.property(monthArbitrary, fc.integer({ min: -240, max: 240 }), (month, count) => {
        const later = addMonths(month, count);
        fc.pre(isMonth(later));
        expect(monthsBetween(month, later)).toBe(count);
      }),
    );
  });
});

describe('monthsBetween', () => {
  it.each([
    // Apr 2017 to Apr 2018 is 12, then May, Jun, Jul make 15.
    ['2017-04', '2018-07', 15],
    ['2018-07', '2017-04', -15],
    ['2018-07', '2018-07', 0],
  ])('%s to %s is %i', (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });
});

describe('monthRange', () => {
  it('crosses year end in order', () => {
    expect(monthRange('2018-11', '2019-02')).toEqual(['2018-11', '2018-12', '2019-01', '2019-02']);
  });

  it('returns one month for equal ends', () => {
    expect(monthRange('2018-07', '2018-07')).toEqual(['2018-07']);
  });

  it('returns nothing when reversed', () => {
    expect(monthRange('2019-02', '2018-11')).toEqual([]);
  });
});

describe('formatMonth', () => {
  it.each([
    ['2018-04', 'Apr 2018'],
    ['2019-03', 'Mar 2019'],
    ['2018-12', 'Dec 2018'],
  ])('%s reads %j', (month, expected) => {
    expect(formatMonth(month)).toBe(expected);
  });
});

describe('formatMonthLong', () => {
  it.each([
    ['2018-04', 'April 2018'],
    ['2018-09', 'September 2018'],
    ['2019-01', 'January 2019'],
  ])('%s reads %j', (month, expected) => {
    expect(formatMonthLong(month)).toBe(expected);
  });
});

describe('formatMonthSpan', () => {
  it.each([
    ['2018-01', '2018-07', 'Jan–Jul 2018'],
    ['2017-11', '2018-02', 'Nov 2017–Feb 2018'],
    ['2018-07', '2018-07', 'Jul 2018'],
  ])('%s to %s reads %j', (from, to, expected) => {
    expect(formatMonthSpan(from, to)).toBe(expected);
  });
});

describe('financialYearOf', () => {
  it.each([
    ['2018-04', '2018-19'],
    ['2018-12', '2018-19'],
    ['2019-01', '2018-19'],
    ['2019-03', '2018-19'],
    ['2018-03', '2017-18'],
    ['1999-06', '1999-00'],
    ['2000-02', '1999-00'],
  ])('%s is in %s', (month, expected) => {
    expect(financialYearOf(month)).toBe(expected);
  });

  it('March belongs to previous year', () => {
    expect(financialYearOf('2018-03')).toBe('2017-18');
    expect(financialYearOf('2018-04')).toBe('2018-19');
  });

  it('agrees with year start and end', () => {
    fc.assert(
      fc.property(monthArbitrary, (month) => {
        const year = financialYearOf(month);
        const start = financialYearStart(year);
        const end = financialYearEnd(year);
        const offset = monthsBetween(start, month);

        expect(isFinancialYear(year)).toBe(true);
        expect(splitMonth(start).month).toBe(4);
        expect(splitMonth(end).month).toBe(3);
        expect(monthsBetween(start, end)).toBe(11);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(11);
        expect(financialYearOf(start)).toBe(year);
        expect(financialYearOf(end)).toBe(year);
      }),
    );
  });
});

describe('formatFinancialYear', () => {
  it.each([
    [2018, '2018-19'],
    [1999, '1999-00'],
    [2009, '2009-10'],
  ])('%i starts %s', (startYear, expected) => {
    expect(formatFinancialYear(startYear)).toBe(expected);
  });
});

describe('isFinancialYear', () => {
  it.each([
    ['2018-19', true],
    ['1999-00', true],
    ['2018-20', false],
    ['2018-18', false],
    ['2018', false],
    ['2018/19', false],
    ['18-19', false],
    ['2018-2019', false],
  ])('%j gives %s', (text, expected) => {
    expect(isFinancialYear(text)).toBe(expected);
  });
});

describe('financialYearStart and financialYearEnd', () => {
  it('run April to March', () => {
    expect(financialYearStart('2018-19')).toBe('2018-04');
    expect(financialYearEnd('2018-19')).toBe('2019-03');
  });

  it.each(['2018', '2018-20', '2018/19'])('reject %j', (year) => {
    expect(() => financialYearStart(year)).toThrow(RangeError);
    expect(() => financialYearEnd(year)).toThrow(RangeError);
  });
});

describe('previousFinancialYear', () => {
  it.each([
    ['2018-19', '2017-18'],
    ['2000-01', '1999-00'],
  ])('before %s is %s', (year, expected) => {
    expect(previousFinancialYear(year)).toBe(expected);
  });
});

describe('financialYearToDate', () => {
  it('runs from April to month', () => {
    expect(financialYearToDate('2018-07')).toEqual(['2018-04', '2018-05', '2018-06', '2018-07']);
  });

  it('April holds only itself', () => {
    expect(financialYearToDate('2018-04')).toEqual(['2018-04']);
  });

  it('March holds whole year', () => {
    const months = financialYearToDate('2019-03');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2018-04');
    expect(months[11]).toBe('2019-03');
  });
});
