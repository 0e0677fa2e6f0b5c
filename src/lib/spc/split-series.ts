import { addMonths, isMonth, monthsBetween } from '../data/month.ts';
import type { Month } from '../data/types.ts';
import type { MonthSpan, SpcPoint } from './spc-types.ts';

/** Event that opens a segment: the first month with data, the first month after a gap, or a recalculation month. */
export type SegmentStart = 'series-start' | 'gap' | 'recalculation';

/** A month that has a value. */
export interface ObservedPoint {
  month: Month;
  value: number;
}

/** A run of consecutive months with values, judged against one set of limits. */
export interface SeriesSegment {
  start: SegmentStart;
  points: ObservedPoint[];
}

export interface SplitSeries {
  segments: SeriesSegment[];
  /** Runs of missing months between the first and last month with data, in order. */
  gaps: MonthSpan[];
}

/**
 * Splits a monthly series into segments of consecutive months with values.
 * A gap (an internal null or a month left out of the series) ends a segment,
 * and so does each month in `recalculateFrom`, which opens a new one.
 * Leading and trailing nulls are dropped and are not gaps. A recalculation
 * month outside the data or inside a gap changes nothing, because no segment
 * can start there.
 *
 * Throws a RangeError when a month is invalid, the months are not strictly
 * ascending or a value is not a finite number.
 */
export function splitSeries(series: readonly SpcPoint[], recalculateFrom: readonly Month[] = []): SplitSeries {
  validateSeries(series);
  const recalculationMonths = new Set(recalculateFrom);

  const segments: SeriesSegment[] = [];
  const gaps: MonthSpan[] = [];
  let current: SeriesSegment | null = null;
  let previousMonth: Month | null = null;

  for (const point of series) {
    if (point.value === null) continue;
    const observed: ObservedPoint = { month: point.month, value: point.value };

    if (current === null || previousMonth === null) {
      current = { start: 'series-start', points: [observed] };
      segments.push(current);
    } else if (monthsBetween(previousMonth, point.month) > 1) {
      gaps.push({ from: addMonths(previousMonth, 1), to: addMonths(point.month, -1) });
      current = { start: 'gap', points: [observed] };
      segments.push(current);
    } else if (recalculationMonths.has(point.month)) {
      current = { start: 'recalculation', points: [observed] };
      segments.push(current);
    } else {
      current.points.push(observed);
    }

    previousMonth = point.month;
  }

  return { segments, gaps };
}

function validateSeries(series: readonly SpcPoint[]): void {
  let previous: Month | null = null;

  for (const point of series) {
    if (!isMonth(point.month)) {
      throw new RangeError(`series month "${point.month}" is invalid: expected YYYY-MM`);
    }
    if (previous !== null && monthsBetween(previous, point.month) < 1) {
      throw new RangeError(
        `series month "${point.month}" follows "${previous}": months must be strictly ascending, with no repeats`,
      );
    }

    if (point.value !== null && !Number.isFinite(point.value)) {
      throw new RangeError(`series value for ${point.month} is ${point.value}: use a finite number, or null for no data`);
    }
    previous = point.month;
  }
}
