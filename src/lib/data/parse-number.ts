import { roundHalfAwayFromZero } from '../rag/round.ts';
import type { Unit } from './types.ts';

/**
 * Parses a number as the data files must write it: plain decimal digits with
 * a point, an optional leading minus, no sign, separator or unit. Anything
 * else is rejected with a reason the analyst can act on, because a number
 * guessed from `4l%` or `1.2.3` could publish a wrong colour.
 */
export type NumberReading =
  | { ok: true; value: number }
  | { ok: false; kind: 'value-not-number' | 'value-percent-sign' | 'value-thousands-separator'; hint: string };

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const WITH_PERCENT = /^-?\d+(\.\d+)?\s*%$/;
const WITH_THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseDecimal(text: string, unit: Unit | null): NumberReading {
  const trimmed = text.trim();
  if (PLAIN_DECIMAL.test(trimmed)) return { ok: true, value: Number(trimmed) };

  if (WITH_PERCENT.test(trimmed)) {
    const digits = trimmed.replace(/\s*%$/, '');
    const hint = unit === 'percent'
      ? `Write ${digits} without the % sign: percentages are stored on a 0 to 100 scale.`
      : `Write ${digits} without the % sign, or set the indicator's unit to percent.`;
    return { ok: false, kind: 'value-percent-sign', hint };
  }

  if (WITH_THOUSANDS.test(trimmed)) {
    return { ok: false, kind: 'value-thousands-separator', hint: `Write ${trimmed.replace(/,/g, '')} without thousands separators.` };
  }

  return { ok: false, kind: 'value-not-number', hint: 'Write a plain number such as 20.4, or leave the cell empty when there is no data for the month.' };
}

/** One formatter per number of decimals: creating an Intl.NumberFormat costs far more than formatting with one. */
const FORMATTERS = new Map<number, Intl.NumberFormat>();

/**
 * Writes a number at fixed decimals with UK grouping: 1234.5 at 1 place is
 * `1,234.5`. It rounds half away from zero first, because Intl rounds the
 * binary value and would show 1.005 as `1.00`.
 */
export function formatDecimal(value: number, decimals: number): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  let formatter = FORMATTERS.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    FORMATTERS.set(decimals, formatter);
  }
  return formatter.format(rounded);
}

/**
 * Writes a value with its unit for readers: `43%`, `20.1`, `567 days`. The
 * unit is singular only when the number shown is exactly `1`, so 0.96 days at
 * no decimals reads `1 day` and 1 at one decimal reads `1.0 days`.
 */
export function formatValue(value: number, unit: Unit, decimals: number): string {
  const number = formatDecimal(value, decimals);
  if (unit === 'percent') return `${number}%`;
  if (unit === 'days' || unit === 'weeks') return `${number} ${number === '1' ? unit.slice(0, -1) : unit}`;
  return number;
}
