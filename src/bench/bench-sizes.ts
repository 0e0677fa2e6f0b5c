/** Sizes of synthetic scorecards for the benchmark, written `<indicators>x<months>`. */

export interface Size {
  indicators: number;
  months: number;
  label: string;
}

/** Parses `500x120,2000x120`; throws on anything else. */
export function parseSizes(text: string): Size[] {
  const sizes = text.split(',').map((part) => {
    const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/.exec(part);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new RangeError(`invalid size "${part}": write <indicators>x<months>, such as 500x120`);
    return { indicators: Number(match[1]), months: Number(match[2]), label: `${Number(match[1])}x${Number(match[2])}` };
  });
  const labels = sizes.map((size) => size.label);
  const repeated = labels.find((label, index) => labels.indexOf(label) !== index);
  if (repeated) throw new RangeError(`size ${repeated} is listed twice`);
  return sizes;
}

/**
 * Chooses the sizes the budgets compare: the large one is the size with the
 * most indicator-months, and the small one has the same months and a quarter
 * of its indicators (500 × 120 for 2,000 × 120), or none.
 */
export function chooseBudgetSizes(sizes: readonly Size[]): { large: Size | null; small: Size | null } {
  if (sizes.length === 0) return { large: null, small: null };
  const large = [...sizes].sort((a, b) => b.indicators * b.months - a.indicators * a.months)[0]!;
  const small = sizes.find((size) => size.months === large.months && size.indicators * 4 === large.indicators) ?? null;
  return { large, small };
}
