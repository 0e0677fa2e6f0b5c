import { financialYearOf, monthRange, financialYearStart, financialYearEnd, previousFinancialYear } from '../data/month.ts';
import type { FinancialYear, Month } from '../data/types.ts';
import { mean, roundHalfAwayFromZero } from '../rag/round.ts';

/** Mean of a financial year's months that have data, as the council reports beside the latest month. */
export interface YearMean {
  year: FinancialYear;
  /** Rounded to display decimals; null when no month has data. */
  value: number | null;
  monthsUsed: Month[];
  /** True when the year ended by the edition month (all twelve months are past). */
  complete: boolean;
}

/**
 * Returns the mean of the last complete financial year and of the current
 * year to date, as at the edition month. `valueOf` gives a month's value or
 * null.
 */
export function summariseYears(edition: Month, decimals: number, valueOf: (month: Month) => number | null): { lastYear: YearMean; yearToDate: YearMean } {
  const current = financialYearOf(edition);
  const last = previousFinancialYear(current);

  const summarise = (year: FinancialYear, to: Month, complete: boolean): YearMean => {
    const months = monthRange(financialYearStart(year), to).filter((month) => valueOf(month) !== null);
    const exact = mean(months.map((month) => valueOf(month) as number));
    return { year, value: exact === null ? null : roundHalfAwayFromZero(exact, decimals), monthsUsed: months, complete };
  };

  return {
    lastYear: summarise(last, financialYearEnd(last), true),
    yearToDate: summarise(current, edition, edition === financialYearEnd(current)),
  };
}
