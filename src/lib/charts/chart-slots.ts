import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Chart slots: the build's pages carry a short marker where each chart goes,
 * and the build writes the chart's SVG in its place. Astro then handles pages
 * the size they are without charts, and no page waits for a chart to be
 * drawn. When every chart is in the cache before Astro starts, each page is
 * written with its charts as Astro renders it (see `chart-pages.ts`).
 * Otherwise the build fills the slots once Astro has written the pages.
 */

/**
 * Set on `globalThis` by `scorecard build` when pages should carry slots.
 * The pages' copy of `chart-svg.ts` is bundled apart from the build command,
 * so a module variable would not be shared.
 */
export const CHART_SLOTS = Symbol.for('scorecard.chartSlots');

const SLOT_START = Buffer.from('<!--scorecard-chart ');
const SLOT_END = Buffer.from('-->');

/** Returns the marker for the chart with id `id`. Chart ids are lowercase letters, digits and hyphens. */
export function chartSlot(id: string): string {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`chart id "${id}" is invalid: use lowercase letters, digits and hyphens`);
  return `${SLOT_START.toString()}${id}${SLOT_END.toString()}`;
}

export function areChartSlotsOn(): boolean {
  return (globalThis as Record<symbol, unknown>)[CHART_SLOTS] === true;
}

/** Returns whether the UTF-8 page `html` has a chart slot. */
export function hasChartSlots(html: Uint8Array): boolean {
  return Buffer.from(html.buffer, html.byteOffset, html.byteLength).indexOf(SLOT_START) >= 0;
}

/**
 * Returns the UTF-8 page `html` with each chart slot filled by `svgFor(id)`,
 * as its parts in order: the page's bytes between slots and each slot's SVG.
 * Returns null when the page has no slot. It works on bytes, not strings:
 * the build fills thousands of pages, and decoding them would cost more
 * than the search. The parts are written one after another, not joined.
 */
export function splitAtSlots(html: Buffer, svgFor: (id: string) => Buffer): Buffer[] | null {
  let start = html.indexOf(SLOT_START);
  if (start < 0) return null;

  const parts: Buffer[] = [];
  let copied = 0;
  while (start >= 0) {
    const idStart = start + SLOT_START.length;
    const end = html.indexOf(SLOT_END, idStart);
    if (end < 0) throw new Error(`a chart slot at byte ${start} has no end`);

    parts.push(html.subarray(copied, start), svgFor(html.toString('latin1', idStart, end)));
    copied = end + SLOT_END.length;
    start = html.indexOf(SLOT_START, copied);
  }
  parts.push(html.subarray(copied));
  return parts;
}

/**
 * Returns a function that reads the SVG of a chart id from the chart cache
 * in `cacheDir`. `svgFiles` maps each chart id to its SVG file in that
 * cache. The function throws for an id the map lacks.
 */
export function svgReader(svgFiles: ReadonlyMap<string, string>, cacheDir: string): (id: string) => Buffer {
  return (id) => {
    const svgFile = svgFiles.get(id);
    if (svgFile === undefined) {
      throw new Error(`a page has a slot for the chart "${id}", which the build did not draw. Delete the chart cache folder ${cacheDir} and build again.`);
    }
    return readFileSync(svgFile);
  };
}

/**
 * Writes the page `html` to `file`, creating its folder, with each chart
 * slot filled by `svgFor(id)`. Returns the bytes written.
 */
export function writeFilledPage(file: string, html: Buffer, svgFor: (id: string) => Buffer): number {
  const parts = splitPage(file, html, svgFor) ?? [html];
  mkdirSync(dirname(file), { recursive: true });
  writeParts(file, parts);
  return parts.reduce((sum, part) => sum + part.length, 0);
}

/**
 * Fills the chart slots of the HTML files `files` in place with
 * `svgFor(id)`. Returns how many files had slots. Synchronous file I/O on
 * one thread filled 2,000 pages in about 0.7 s, as fast as asynchronous I/O
 * at any concurrency tried, and steadier. So the build splits the pages
 * between threads instead (see `slot-worker.ts`).
 */
export function fillSlotsInFiles(files: readonly string[], svgFor: (id: string) => Buffer): number {
  let filled = 0;
  for (const file of files) {
    const parts = splitPage(file, readFileSync(file), svgFor);
    if (parts === null) continue;

    writeParts(file, parts);
    filled++;
  }
  return filled;
}

/** Splits the page `html` of `file` at its slots (see `splitAtSlots`), naming the file in any error. */
function splitPage(file: string, html: Buffer, svgFor: (id: string) => Buffer): Buffer[] | null {
  try {
    return splitAtSlots(html, svgFor);
  } catch (error) {
    throw new Error(`Filling the chart slots of ${file} failed: ${(error as Error).message}`);
  }
}

/** Writes `parts` one after another as the whole of `file`, without joining them into one more page-sized buffer. */
function writeParts(file: string, parts: readonly Buffer[]): void {
  const descriptor = openSync(file, 'w');
  try {
    for (const part of parts) {
      for (let written = 0; written < part.length; ) written += writeSync(descriptor, part, written);
    }
  } finally {
    closeSync(descriptor);
  }
}
