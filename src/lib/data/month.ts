import type { FinancialYear, Month } from './types.ts';

/**
 * Calendar months as `YYYY-MM` strings, and the financial years (April to
 * March) they belong to. Everything here is plain string and integer
 * arithmetic, so no reader's or build machine's time zone can move a month.
 */

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const SHORT_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_NAMES = Array.from({ length: 12 }, (_, index) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, index, 1)),
);
const FINANCIAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

/** Returns true when `text` is a real month written `YYYY-MM` (01 to 12). */
export function isMonth(text: string): boolean {
  const match = MONTH_PATTERN.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

/** Splits a `YYYY-MM` month into its year and month number (1–12). Throws on anything else. */
export function splitMonth(month: Month): { year: number; month: number } {
  if (!isMonth(month)) throw new RangeError(`invalid month "${month}": expected YYYY-MM`);
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** Builds `YYYY-MM` from a year and a month number (1–12). */
export function joinMonth(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Adds `count` months (negative to go back). */
export function addMonths(month: Month, count: number): Month {
  const parts = splitMonth(month);
  const index = parts.year * 12 + (parts.month - 1) + count;
  return joinMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Number of months from `from` to `to`: 0 when equal, negative when `to` is earlier. */
export function monthsBetween(from: Month, to: Month): number {
  const a = splitMonth(from);
  const b = splitMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Lists every month from `from` to `to` inclusive, in order, or none when `to` is earlier. */
export function monthRange(from: Month, to: Month): Month[] {
  const count = monthsBetween(from, to);
  const months: Month[] = [];
  for (let i = 0; i <= count; i++) months.push(addMonths(from, i));
  return months;
}

/** Formats a month for readers: `2018-04` becomes `Apr 2018`. */
export function formatMonth(month: Month): string {
  const parts = splitMonth(month);
  return `${SHORT_NAMES[parts.month - 1]} ${parts.year}`;
}

/** Formats a month in full for sentences and screen readers: `April 2018`. */
export function formatMonthLong(month: Month): string {
  const parts = splitMonth(month);
  return `${LONG_NAMES[parts.month - 1]} ${parts.year}`;
}

/** Formats a span of months compactly: `Jan–Jul 2018`, or `Nov 2017–Feb 2018` across years. */
export function formatMonthSpan(from: Month, to: Month): string {
  if (from === to) return formatMonth(from);
  const a = splitMonth(from);
  const b = splitMonth(to);
  if (a.year === b.year) return `${SHORT_NAMES[a.month - 1]}–${SHORT_NAMES[b.month - 1]} ${b.year}`;
  return `${formatMonth(from)}–${formatMonth(to)}`;
}

/** Financial year (April to March) containing the month: `2019-03` is in `2018-19`. */
export function financialYearOf(month: Month): FinancialYear {
  const parts = splitMonth(month);
  const startYear = parts.month >= 4 ? parts.year : parts.year - 1;
  return formatFinancialYear(startYear);
}

/** Writes the financial year that starts in April of `startYear`: 2018 becomes `2018-19`. */
export function formatFinancialYear(startYear: number): FinancialYear {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Returns true when `text` is a financial year such as `2018-19` (the second year follows the first). */
export function isFinancialYear(text: string): boolean {
  const match = FINANCIAL_YEAR_PATTERN.exec(text);
  if (!match) return false;
  return formatFinancialYear(Number(match[1])) === text;
}

/** First month (April) of a financial year. */
export function financialYearStart(year: FinancialYear): Month {
  if (!isFinancialYear(year)) throw new RangeError(`invalid financial year "${year}": expected YYYY-YY such as 2018-19`);
  return joinMonth(Number(year.slice(0, 4)), 4);
}

/** Last month (March) of a financial year. */
export function financialYearEnd(year: FinancialYear): Month {
  return addMonths(financialYearStart(year), 11);
}

/** Returns the financial year before this one: `2018-19` gives `2017-18`. */
export function previousFinancialYear(year: FinancialYear): FinancialYear {
  return formatFinancialYear(Number(financialYearStart(year).slice(0, 4)) - 1);
}

/** Months of a financial year up to and including `month`, from April. */
export function financialYearToDate(month: Month): Month[] {
  return monthRange(financialYearStart(financialYearOf(month)), month);
}
