import * as vega from 'vega';
import { compactNumbers, compactSvg, escapeXml, formatCoordinate } from './label-svg.ts';

/**
 * Draws a chart's monthly line and points as SVG without Vega. They are
 * most of a chart's cost in Vega, which encodes, bounds and writes each
 * month as its own item, and a long series has hundreds of months. So the
 * renderer gives Vega only the outermost rows, which is enough for the
 * scales and the layout, and then draws every month itself from the view's
 * scales with Vega's own path functions. The markup is exactly what Vega
 * would write, once `labelSvg` has compacted it, and a test compares the two.
 */

/** A row of a series dataset: one month, which may have no value. */
export interface SeriesRow {
  /** The month, as the ISO instant of its first day in UTC. */
  date: string;
  value: number | null;
}

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
 * earliest, latest, lowest and highest. The points' extent is the union of
 * these rows' extents, so Vega can lay the chart out from them alone.
 */
export function boundingRows(rows: readonly PointRow[], layer: PointLayer): PointRow[] {
  const bounding = extremeRows(rows, layer.shape);
  return rows.filter((row) => bounding.has(row));
}

/**
 * Picks the series rows that give the line's scales and extent. The first
 * and last months count with or without a value, because the x domain spans
 * them. The earliest, latest, lowest and highest months with a value count
 * too, because the line's extent is the box around its vertices.
 */
export function lineBoundingRows(rows: readonly SeriesRow[]): SeriesRow[] {
  const valued = rows.filter((row): row is SeriesRow & { value: number } => isValue(row.value));
  const bounding = extremeRows<SeriesRow>(valued, () => 'line');
  if (rows.length > 0) bounding.add(rows[0]!).add(rows.at(-1)!);
  return rows.filter((row) => bounding.has(row));
}

/** Returns the earliest, latest, lowest and highest row of each group. */
function extremeRows<Row extends { date: string; value: number | null }>(
  rows: readonly (Row & { value: number })[],
  groupOf: (row: Row & { value: number }) => string,
): Set<Row> {
  const extremes = new Map<string, (Row & { value: number })[]>();
  for (const row of rows) {
    const group = groupOf(row);
    const found = extremes.get(group);
    if (!found) {
      extremes.set(group, [row, row, row, row]);
      continue;
    }
    if (row.date < found[0]!.date) found[0] = row;
    if (row.date > found[1]!.date) found[1] = row;
    if (row.value < found[2]!.value) found[2] = row;
    if (row.value > found[3]!.value) found[3] = row;
  }

  return new Set<Row>([...extremes.values()].flat());
}

/** Tells whether a month has a value that Vega-Lite draws: not null and finite. */
function isValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** Writes the points in data order, as `labelSvg` leaves Vega's: each a shape at its position, with its label as a `<title>`. */
export function drawPoints(rows: readonly PointRow[], x: PixelScale, y: PixelScale, layer: PointLayer): string {
  let markup = '';
  for (const row of rows) {
    const stamp = symbolStamp(layer.shape(row), layer.size);
    markup += stamp(formatCoordinate(x(Date.parse(row.date))), formatCoordinate(y(row.value)), layer.fill(row), escapeLabel(row.tip));
  }
  return markup;
}

/**
 * Returns the path data of the line through `rows`, compacted as `labelSvg`
 * compacts Vega's. A month without a value breaks the line, as Vega-Lite's
 * `break-paths` mode does. Returns null when no month has a value.
 */
export function drawLine(rows: readonly SeriesRow[], x: PixelScale, y: PixelScale): string | null {
  // A month without a value is not drawn, so its y is never read.
  const items = rows.map((row) => (isValue(row.value) ? { x: x(Date.parse(row.date)), y: y(row.value), defined: true } : { x: 0, y: 0, defined: false }));

  let path: string | null = null;
  lineMark.attr((name, value) => {
    if (name === 'd') path = value;
  }, { mark: { items } });
  return path === null ? null : compactNumbers(path);
}

/**
 * Puts `content` inside the mark group named `name` in `svg`, in place of
 * what Vega drew there. Mark groups contain items only, never other groups,
 * so the group ends at the first closing tag after it opens.
 */
export function fillMarkGroup(svg: string, name: string, content: string): string {
  const { start, opening, end } = findMarkGroup(svg, name);
  const selfClosing = svg[opening - 1] === '/';
  const tag = svg.slice(start, selfClosing ? opening - 1 : opening);
  return `${svg.slice(0, start)}${tag}>${content}</g>${svg.slice(end)}`;
}

/**
 * Sets the path data of the one path in the mark group named `name`, where
 * Vega drew the line through the bounding rows. Leaves the group as it is
 * when the path has no data, which is when no month has a value.
 */
export function setLinePath(svg: string, name: string, path: string | null): string {
  const { opening, end } = findMarkGroup(svg, name);
  const group = svg.slice(opening, end);
  if (path === null || !group.includes(' d="')) return svg;
  return `${svg.slice(0, opening)}${group.replace(/ d="[^"]*"/, ` d="${path}"`)}${svg.slice(end)}`;
}

/** Finds the mark group `name`: where its opening tag starts, where that tag's `>` is, and where the group ends. */
function findMarkGroup(svg: string, name: string): { start: number; opening: number; end: number } {
  const start = svg.search(new RegExp(`<g class="[^"]*\\b${name}"[^>]*?/?>`));
  if (start === -1) throw new Error(`the chart has no mark group named ${name}`);

  const opening = svg.indexOf('>', start);
  const end = svg[opening - 1] === '/' ? opening + 1 : svg.indexOf('</g>', opening) + '</g>'.length;
  return { start, opening, end };
}

type Stamp = (x: string, y: string, fill: string, label: string) => string;

interface MarkRenderer<Item> {
  attr: (emit: (name: string, value: string) => void, item: Item) => void;
}

/** Vega's symbol and line marks, which its SVG renderers use. Vega exports them, but its types leave them out. */
const { symbol: symbolMark, line: lineMark } = (
  vega as unknown as {
    Marks: {
      symbol: MarkRenderer<{ shape: string; size: number }>;
      line: MarkRenderer<{ mark: { items: { x: number; y: number; defined: boolean }[] } }>;
    };
  }
).Marks;

/** Stamps made so far, by shape and size. */
const STAMPS = new Map<string, Stamp>();

/** Placeholders in the markup of a model point, which `symbolStamp` cuts it at. */
const SLOTS = ['\u0001x', '\u0001y', '\u0001fill', '\u0001label'];

/**
 * Returns the stamp of a shape and size: a function that writes one point
 * from its position, colour and label. The stamp comes from one model point,
 * written as Vega writes a labelled symbol with Vega's own path for the
 * shape, then compacted by `compactSvg`, which turns a circle into
 * `<circle>`. So every point matches Vega's to the last digit. Vega-Lite
 * gives filled points a stroke width of 2 although they have no stroke, and
 * the model keeps it to match.
 */
function symbolStamp(shape: string, size: number): Stamp {
  const key = `${shape} ${size}`;
  const made = STAMPS.get(key);
  if (made) return made;

  let d = '';
  symbolMark.attr((name, value) => {
    if (name === 'd') d = value;
  }, { shape, size });

  const [x, y, fill, label] = SLOTS;
  const model = compactSvg(`<path transform="translate(${x},${y})" d="${d}" fill="${fill}" stroke-width="2"><title>${label}</title></path>`);
  const [before, betweenXY, betweenYFill, betweenFillLabel, after] = model.split(/\u0001(?:x|y|fill|label)/);
  if (after === undefined) throw new Error(`the markup of a ${shape} point lost a placeholder when compacted: ${model}`);
  const stamp: Stamp = (x, y, fill, label) => `${before}${x}${betweenXY}${y}${betweenYFill}${fill}${betweenFillLabel}${label}${after}`;
  STAMPS.set(key, stamp);
  return stamp;
}

/** Escapes a label as Vega escapes an attribute value, which also encodes tabs and line breaks. Most labels need nothing. */
function escapeLabel(text: string): string {
  if (!/[&<>"\t\n\r]/.test(text)) return text;
  return escapeXml(text).replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}
