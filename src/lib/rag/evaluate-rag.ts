import { financialYearOf, financialYearToDate } from '../data/month.ts';
import type { FinancialYear, Indicator, Month, Observation, Target } from '../data/types.ts';
import { rateFigure, type RagStatus } from './cut-points.ts';
import { mean, roundHalfAwayFromZero } from './round.ts';

/** Reason an indicator is not rated, or null when it is. */
export type NotRatedReason = 'no-polarity' | 'no-target' | 'no-cut-points' | 'no-data' | null;

/** The result of rating one indicator for one edition month. */
export interface RagRating {
  status: RagStatus;
  /** The rated figure, rounded half away from zero to the indicator's decimals; null without data. */
  figure: number | null;
  /** The figure before rounding (the exact mean), for the explanation on the indicator page. */
  exactFigure: number | null;
  /** Months whose values the figure rests on, oldest first. Months without data are skipped. */
  monthsUsed: Month[];
  /** Financial year whose target applies: the year of the edition month. */
  year: FinancialYear;
  target: Target | null;
  basis: Indicator['ragBasis'];
  reason: NotRatedReason;
}

/**
 * Rates an indicator as at `asOf` (the edition month, `YYYY-MM`).
 *
 * With basis `fytd-mean` the figure is the mean of the financial year's months
 * from April to `asOf` that have data; with `latest` it is the value of the
 * latest month of that financial year, up to `asOf`, that has data. The
 * figure is rounded to the indicator's display decimals before it is compared
 * with the cut points of that year's target, so the colour always agrees
 * with the number readers see.
 *
 * `observations` may hold any indicator's rows and any months; only this
 * indicator's rows up to `asOf` are used.
 */
export function evaluateRag(
  indicator: Indicator,
  observations: readonly Observation[],
  targets: readonly Target[],
  asOf: Month,
): RagRating {
  const year = financialYearOf(asOf);
  const target = targets.find((candidate) => candidate.code === indicator.code && candidate.year === year) ?? null;

  const valueByMonth = new Map<Month, number>();
  for (const observation of observations) {
    if (observation.code === indicator.code && observation.value !== null) {
      valueByMonth.set(observation.month, observation.value);
    }
  }

  const monthsWithData = financialYearToDate(asOf).filter((month) => valueByMonth.has(month));
  const monthsUsed = indicator.ragBasis === 'latest' ? monthsWithData.slice(-1) : monthsWithData;
  const exactFigure = mean(monthsUsed.map((month) => valueByMonth.get(month) as number));
  const figure = exactFigure === null ? null : roundHalfAwayFromZero(exactFigure, indicator.decimals);

  const rating = { figure, exactFigure, monthsUsed, year, target, basis: indicator.ragBasis };

  if (indicator.polarity === 'neutral') return { ...rating, status: 'none', reason: 'no-polarity' };
  if (target === null) return { ...rating, status: 'none', reason: 'no-target' };
  if (target.green === null || target.red === null) return { ...rating, status: 'none', reason: 'no-cut-points' };
  if (figure === null) return { ...rating, status: 'none', reason: 'no-data' };

  const status = rateFigure(figure, indicator.polarity, target.green, target.red);
  return { ...rating, status, reason: null };
}
