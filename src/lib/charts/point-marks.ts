import * as vega from 'vega';
import { compactNumbers } from './label-svg.ts';

/**
 * Draws a chart's points as SVG without Vega. A point is the largest part of
 * a chart's cost in Vega: it is encoded, bounded and written one item at a
 * time, and a long series has hundreds. Each point is the same shape at a
 * new position, so the renderer lets Vega lay the chart out and writes the
 * points itself, from the view's own scales and Vega's own symbol paths.
 * The markup is exactly what Vega would write, once `labelSvg` has
 * compacted it; a test compares the two.
 */

/** A row of a point layer's dataset: one point. */
export interface PointRow {
  /** The month, as the ISO instant of its first day in UTC. */
  date: string;
  value: number;
  /** The point's label, shown on hover and read by assistive technology. */
  tip: string;
  /** The point's class, for charts that colour and shape points by class. */
  class?: string;
}

/** The point style of a chart kind, shared by its Vega-Lite template (the interactive chart) and `drawPoints`. */
export interface PointLayer {
  /**
   * Name of the template's point layer, and of the dataset that feeds it.
   * Vega-Lite names the layer's mark group `${name}_marks`.
   */
  name: string;
  /** Area of a point in square pixels, as Vega-Lite's `size`. */
  size: number;
  /** A Vega symbol shape, such as `circle` or `diamond`. */
  shape: (row: PointRow) => string;
  /** A CSS colour. */
  fill: (row: PointRow) => string;
}

/** A scale of the laid-out view: data value in, pixels from the plot's top left corner out. */
export type PixelScale = (value: number) => number;

/**
 * Picks the rows that reach furthest in each direction, for each shape: the
 * earliest, latest, lowest and highest. Vega draws these, so the layout
 * leaves room for every point without handling them all; the points' extent
 * is the union of these rows' extents.
 */
export function boundingRows(rows: readonly PointRow[], layer: PointLayer): PointRow[] {
  const extremes = new Map<string, PointRow[]>();
  for (const row of rows) {
    const shape = layer.shape(row);
    const found = extremes.get(shape);
    if (!found) {
      extremes.set(shape, [row, row, row, row]);
      continue;
    }
    if (row.date < found[0]!.date) found[0] = row;
    if (row.date > found[1]!.date) found[1] = row;
    if (row.value < found[2]!.value) found[2] = row;
    if (row.value > found[3]!.value) found[3] = row;
  }

  const bounding = new Set([...extremes.values()].flat());
  return rows.filter((row) => bounding.has(row));
}

/** Writes the points in data order, as `labelSvg` leaves Vega's: each a shape at its position, with its label as a `<title>`. */
export function drawPoints(rows: readonly PointRow[], x: PixelScale, y: PixelScale, layer: PointLayer): string {
  const stamps = new Map<string, Stamp>();
  let markup = '';
  for (const row of rows) {
    const shape = layer.shape(row);
    let stamp = stamps.get(shape);
    if (!stamp) {
      stamp = symbolStamp(shape, layer.size);
      stamps.set(shape, stamp);
    }
    markup += stamp(compactNumbers(String(x(Date.parse(row.date)))), compactNumbers(String(y(row.value))), layer.fill(row), escapeLabel(row.tip));
  }
  return markup;
}

/**
 * Puts `content` inside the mark group named `name` in `svg`, in place of
 * what Vega drew there. Mark groups hold items only, never other groups, so
 * the group ends at the first closing tag after it opens.
 */
export function fillMarkGroup(svg: string, name: string, content: string): string {
  const start = svg.search(new RegExp(`<g class="[^"]*\\b${name}"[^>]*?/?>`));
  if (start === -1) throw new Error(`the chart has no mark group named ${name}`);

  const opening = svg.indexOf('>', start);
  const selfClosing = svg[opening - 1] === '/';
  const end = selfClosing ? opening + 1 : svg.indexOf('</g>', opening) + '</g>'.length;
  const tag = svg.slice(start, selfClosing ? opening - 1 : opening);
  return `${svg.slice(0, start)}${tag}>${content}</g>${svg.slice(end)}`;
}

type Stamp = (x: string, y: string, fill: string, label: string) => string;

/** Vega's symbol mark, which its SVG renderers use; Vega exports it but its types leave it out. */
const symbolMark = (vega as unknown as { Marks: { symbol: { attr: (emit: (name: string, value: string) => void, item: { shape: string; size: number }) => void } } }).Marks.symbol;

/**
 * Makes the markup of one point of a shape, given its position, colour and
 * label. The path comes from Vega's own symbol mark, so it matches Vega to
 * the last digit. A circle is written as `<circle>`, as `compactSvg` writes
 * Vega's circles. Vega-Lite gives filled points a stroke width of 2 although
 * they have no stroke, and the markup keeps it to match Vega's.
 */
function symbolStamp(shape: string, size: number): Stamp {
  let d = '';
  symbolMark.attr((name, value) => {
    if (name === 'd') d = compactNumbers(value);
  }, { shape, size });

  const radius = /^M([\d.]+),0A\1,\1,0,1,1,-\1,0A\1,\1,0,1,1,\1,0$/.exec(d)?.[1];
  if (radius !== undefined) {
    return (x, y, fill, label) => `<circle cx="${x}" cy="${y}" r="${radius}" fill="${fill}" stroke-width="2"><title>${label}</title></circle>`;
  }
  return (x, y, fill, label) => `<path transform="translate(${x},${y})" d="${d}" fill="${fill}" stroke-width="2"><title>${label}</title></path>`;
}

/** Escapes a label as Vega escapes an attribute value. Most labels need nothing, so they skip the replacements. */
function escapeLabel(text: string): string {
  if (!/[&<>"\t\n\r]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}
