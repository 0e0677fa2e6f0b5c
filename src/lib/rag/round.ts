/**
 * Rounds half away from zero to `decimals` places, as Excel's ROUND does and
 * as readers see the figure: 1.005 at 2 places is 1.01, and -2.5 at 0 is -3.
 *
 * Binary doubles cannot hold most decimals (1.005 is stored as 1.00499…), and
 * a mean of decimals picks up noise in the last bits (20.074999999999996). The
 * value is first cut to 12 significant digits, which removes that noise for
 * any figure a scorecard holds, and the rounding is then done on the decimal
 * digits by shifting the exponent in the string form.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`invalid decimals ${decimals}: expected a whole number from 0 to 10`);
  }

  const cleaned = Number(value.toPrecision(12));
  const magnitude = Math.abs(cleaned);
  const shifted = shiftDecimalPoint(magnitude, decimals);
  const rounded = shiftDecimalPoint(Math.floor(shifted + 0.5), -decimals);
  const signed = cleaned < 0 ? -rounded : rounded;

  // Avoid -0, which would print as "-0" in some formatters.
  return signed === 0 ? 0 : signed;
}

/**
 * Multiplies by 10^places in decimal, by moving the exponent of the number's
 * shortest exponential form. `String(value)` cannot be used for this, because
 * it is itself exponential below 1e-6 and from 1e21 up (`1e-7`).
 */
function shiftDecimalPoint(value: number, places: number): number {
  const [digits, exponent] = value.toExponential().split('e') as [string, string];
  return Number(`${digits}e${Number(exponent) + places}`);
}

/** Arithmetic mean of the values, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
