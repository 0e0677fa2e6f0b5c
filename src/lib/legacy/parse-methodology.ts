import type { Polarity } from '../data/types.ts';

/**
 * Reads the export's free-text RAG rule, such as
 * `24% or below Green 25%-34% Amber 35% and above Red`, into three bands, and
 * judges where the bands leave gaps or overlap at the indicator's display
 * decimals. The text is how the council wrote rules before cut points; the
 * importer turns it into a green cut and a red cut, which cannot disagree.
 */

/** A closed interval of figures; an open end is ±Infinity. */
export interface Band {
  from: number;
  to: number;
}

export interface Methodology {
  green: Band;
  amber: Band | null;
  red: Band;
  /** Polarity the bands imply: `lower` when green is "or below", `higher` when "or above". */
  polarity: Exclude<Polarity, 'neutral'>;
  /** The bound of the green band: green at or beyond it. */
  greenCut: number;
  /** The bound of the red band: red at or beyond it. */
  redCut: number;
  /** The words the polarity was read from, for the import report (`"24% or below Green"`). */
  polarityEvidence: string;
}

/** A run of figures, at display precision, covered by no band or by two bands. */
export interface BandProblem {
  kind: 'threshold-gap' | 'threshold-overlap';
  from: number;
  to: number;
  /** The bands involved: for a gap the two it falls between, for an overlap the two that both claim it. */
  bands: [string, string];
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)\s*%?`;
const OPEN_BAND = new RegExp(String.raw`^${NUMBER}\s+(?:or|and)\s+(above|below)\s+(green|amber|red)$`, 'i');
const CLOSED_BAND = new RegExp(String.raw`^${NUMBER}\s*(?:-|–|to)\s*${NUMBER}\s+(green|amber|red)$`, 'i');
const BAND_END = /\b(green|amber|red)\b/gi;

/**
 * Parses a methodology text. Returns null for an empty text and throws a
 * RangeError naming the part it could not read, because a rule that is read
 * wrongly would publish wrong colours.
 */
export function parseMethodology(text: string): Methodology | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;

  const bands = new Map<string, { band: Band; direction: 'above' | 'below' | null; words: string }>();
  let start = 0;
  for (const match of trimmed.matchAll(BAND_END)) {
    const end = match.index + match[0].length;
    const part = trimmed.slice(start, end).trim();
    start = end;
    const colour = match[1]!.toLowerCase();
    if (bands.has(colour)) throw new RangeError(`"${colour}" appears twice in "${trimmed}"`);
    bands.set(colour, parseBand(part, trimmed));
  }

  const rest = trimmed.slice(start).trim();
  if (rest !== '') throw new RangeError(`cannot read "${rest}" after the last colour in "${trimmed}"`);

  const green = bands.get('green');
  const red = bands.get('red');
  if (!green || !red) throw new RangeError(`"${trimmed}" needs both a green and a red band`);
  if (green.direction === null || red.direction === null) {
    throw new RangeError(`"${trimmed}": green and red must be open bands such as "90% or above"`);
  }
  if (green.direction === red.direction) {
    throw new RangeError(`"${trimmed}": green and red both run ${green.direction}, so the rule has no direction`);
  }

  const polarity = green.direction === 'above' ? 'higher' : 'lower';
  return {
    green: green.band,
    amber: bands.get('amber')?.band ?? null,
    red: red.band,
    polarity,
    greenCut: polarity === 'higher' ? green.band.from : green.band.to,
    redCut: polarity === 'higher' ? red.band.to : red.band.from,
    polarityEvidence: green.words,
  };
}

function parseBand(part: string, whole: string): { band: Band; direction: 'above' | 'below' | null; words: string } {
  const open = OPEN_BAND.exec(part);
  if (open) {
    const value = Number(open[1]);
    const direction = open[2]!.toLowerCase() as 'above' | 'below';
    const band = direction === 'above' ? { from: value, to: Infinity } : { from: -Infinity, to: value };
    return { band, direction, words: part };
  }

  const closed = CLOSED_BAND.exec(part);
  if (closed) {
    const a = Number(closed[1]);
    const b = Number(closed[2]);
    return { band: { from: Math.min(a, b), to: Math.max(a, b) }, direction: null, words: part };
  }

  throw new RangeError(`cannot read the band "${part}" in "${whole}"`);
}

/**
 * Finds gaps and overlaps between the bands on the grid of figures a reader
 * can see at `decimals` places. W 1's `17 or below Green 18.1-20 Amber` at one
 * decimal leaves 17.1 to 18.0 uncovered; `85%-90% Amber 85% and below Red`
 * claims 85 twice.
 */
export function findBandProblems(methodology: Methodology, decimals: number): BandProblem[] {
  const scale = 10 ** decimals;
  const toGrid = (value: number) => (Number.isFinite(value) ? Math.round(value * scale) : value);
  const fromGrid = (value: number) => value / scale;

  // Work in "lower is better" order (green, amber, red from low to high) by
  // negating a higher-is-better rule, so one routine covers both polarities.
  const sign = methodology.polarity === 'lower' ? 1 : -1;
  const orient = (band: Band) => {
    const a = toGrid(band.from) * sign;
    const b = toGrid(band.to) * sign;
    return { from: Math.min(a, b), to: Math.max(a, b) };
  };
  const named = [
    { name: 'green', band: orient(methodology.green) },
    ...(methodology.amber ? [{ name: 'amber', band: orient(methodology.amber) }] : []),
    { name: 'red', band: orient(methodology.red) },
  ];

  const problems: BandProblem[] = [];
  const report = (kind: BandProblem['kind'], from: number, to: number, bands: [string, string]) => {
    const a = fromGrid(from * sign);
    const b = fromGrid(to * sign);
    problems.push({ kind, from: Math.min(a, b), to: Math.max(a, b), bands });
  };

  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const a = named[i]!;
      const b = named[j]!;
      const overlapFrom = Math.max(a.band.from, b.band.from);
      const overlapTo = Math.min(a.band.to, b.band.to);
      if (overlapFrom <= overlapTo) report('threshold-overlap', overlapFrom, overlapTo, [a.name, b.name]);
    }
  }

  // Gaps: walk the bands in order of their lower ends and look for uncovered grid points between them.
  const ordered = [...named].sort((a, b) => a.band.from - b.band.from);
  let coveredTo = ordered[0]!.band.to;
  let lastName = ordered[0]!.name;
  for (const next of ordered.slice(1)) {
    if (next.band.from > coveredTo + 1) report('threshold-gap', coveredTo + 1, next.band.from - 1, [lastName, next.name]);
    if (next.band.to > coveredTo) {
      coveredTo = next.band.to;
      lastName = next.name;
    }
  }

  return problems;
}
