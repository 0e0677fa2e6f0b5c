import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

/**
 * Chart slots: the build's pages carry a short marker where each chart goes,
 * and the build writes the chart's SVG in its place once Astro has written
 * the pages. Astro then handles pages the size they are without charts, and
 * no page waits for a chart to be drawn.
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

/**
 * Replaces each chart slot in the UTF-8 page `html` with `svgFor(id)`.
 * Returns null when the page has no slot. It works on bytes, not strings:
 * the build fills thousands of pages, and decoding them would cost more
 * than the search.
 */
export function fillChartSlots(html: Buffer, svgFor: (id: string) => Buffer): Buffer | null {
  const parts = splitAtSlots(html, svgFor);
  return parts === null ? null : Buffer.concat(parts);
}

/**
 * Returns the filled page as its parts in order: the page's bytes between
 * slots and each slot's SVG. Returns null when the page has no slot.
 */
function splitAtSlots(html: Buffer, svgFor: (id: string) => Buffer): Buffer[] | null {
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
 * Fills the chart slots of the HTML files `files` in place, with SVGs from
 * the chart cache in `cacheDir`. `svgFiles` maps each chart id to its SVG
 * file in that cache. Returns how many files had slots. Synchronous file I/O
 * on one thread filled 2,000 pages in about 0.7 s, as fast as asynchronous
 * I/O at any concurrency tried, and steadier. So the build splits the pages
 * between threads instead (see `slot-worker.ts`).
 */
export function fillSlotsInFiles(files: readonly string[], svgFiles: ReadonlyMap<string, string>, cacheDir: string): number {
  const svgFor = (id: string): Buffer => {
    const svgFile = svgFiles.get(id);
    if (svgFile === undefined) {
      throw new Error(`a page has a slot for the chart "${id}", which the build did not draw. Delete the chart cache folder ${cacheDir} and build again.`);
    }
    return readFileSync(svgFile);
  };

  let filled = 0;
  for (const file of files) {
    let parts: Buffer[] | null;
    try {
      parts = splitAtSlots(readFileSync(file), svgFor);
    } catch (error) {
      throw new Error(`Filling the chart slots of ${file} failed: ${(error as Error).message}`);
    }
    if (parts === null) continue;

    writeParts(file, parts);
    filled++;
  }
  return filled;
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
