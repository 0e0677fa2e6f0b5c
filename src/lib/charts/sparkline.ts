/**
 * Draws a sparkline as SVG path data: one polyline per run of months with
 * data, so a missing month is a gap and never a dip to zero. Coordinates are
 * in a `width` × `height` box with 2 units of padding for the stroke.
 */
export function sparklinePaths(values: readonly (number | null)[], width: number, height: number): { paths: string[]; last: { x: number; y: number } | null } {
  const numbers = values.filter((value): value is number => value !== null);
  if (numbers.length === 0) return { paths: [], last: null };

  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const pad = 2;
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const scaleY = (value: number) => (high === low ? height / 2 : pad + (height - 2 * pad) * (1 - (value - low) / (high - low)));

  const paths: string[] = [];
  let current: string[] = [];
  let last: { x: number; y: number } | null = null;

  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) paths.push(current.join(' '));
      current = [];
      return;
    }
    const x = round(pad + index * stepX);
    const y = round(scaleY(value));
    current.push(`${current.length === 0 ? 'M' : 'L'}${x} ${y}`);
    last = { x, y };
  });
  if (current.length > 0) paths.push(current.join(' '));

  return { paths, last };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
