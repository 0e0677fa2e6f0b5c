/**
 * Reads one month's cell of the export. The export writes percentages with a
 * sign (`43%`), marks footnoted values with a trailing asterisk (`21.2*`) and
 * leaves a cell empty when there is no data.
 */
export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; text: string; percent: boolean; footnoteMarker: boolean; decimals: number }
  | { kind: 'invalid'; text: string };

const NUMBER_CELL = /^(-?\d+(?:\.(\d+))?)\s*(%?)\s*(\*?)$/;

export function readValueCell(text: string): CellReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };

  const match = NUMBER_CELL.exec(trimmed);
  if (!match) return { kind: 'invalid', text: trimmed };

  return {
    kind: 'number',
    value: Number(match[1]),
    text: match[1]!,
    percent: match[3] === '%',
    footnoteMarker: match[4] === '*',
    decimals: match[2]?.length ?? 0,
  };
}

/** Reads a month header such as `Apr-17` as `2017-04`, or null when it is not one. */
export function readMonthHeader(header: string): string | null {
  const match = /^([A-Z][a-z]{2})-(\d{2})$/.exec(header.trim());
  if (!match) return null;
  const index = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(match[1]!);
  if (index < 0) return null;
  return `20${match[2]}-${String(index + 1).padStart(2, '0')}`;
}
