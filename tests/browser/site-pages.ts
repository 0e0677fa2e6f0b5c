import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatMonthLong } from '../../src/lib/data/month.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';

/** One page of each kind the site builds, as paths relative to the site's base. */
export const PAGE_TYPES = [
  { name: 'overview', path: '' },
  { name: 'section', path: 'sections/workforce/' },
  { name: 'indicator', path: 'indicators/w-1/' },
  { name: 'data-quality', path: 'data-quality/' },
  { name: 'changes', path: 'changes/' },
  { name: 'board-pack', path: 'board-pack/' },
] as const;

export type PageType = (typeof PAGE_TYPES)[number];

/** The WCAG 2.2 AA rule sets of axe-core, from level A of WCAG 2.0 up. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface ScorecardSummary {
  period: string;
  sections: string[];
  indicators: { code: string; title: string; section: string; owner: string; rag: string; direction: string; url: string }[];
}

/** Reads the root build's scorecard.json: the edition month and every indicator, to compare pages against. */
export function readScorecard(): ScorecardSummary {
  return JSON.parse(readFileSync(join(SITE_BUILDS.root.outDir, 'scorecard.json'), 'utf8')) as ScorecardSummary;
}

/** Returns the edition month as readers see it, for example "July 2018". */
export function editionMonthLong(): string {
  return formatMonthLong(readScorecard().period);
}

const axeSource = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface AxeSummary {
  violations: AxeViolation[];
  passes: number;
  incomplete: { id: string; nodes: number }[];
}

/** Injects axe-core into the page and runs the WCAG 2.2 AA rules on the whole document. */
export async function runAxe(page: Page): Promise<AxeSummary> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeRunResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: result.violations.map((rule) => ({ id: rule.id, impact: rule.impact, help: rule.help, targets: rule.nodes.map((node) => node.target.join(' ')) })),
      passes: result.passes.length,
      incomplete: result.incomplete.map((rule) => ({ id: rule.id, nodes: rule.nodes.length })),
    };

    interface AxeRunResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      passes: unknown[];
      incomplete: { id: string; nodes: unknown[] }[];
    }
  }, WCAG_AA_TAGS);
}

/** WCAG relative luminance of an `#rrggbb` or `rgb(r, g, b)` colour. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function parseColour(colour: string): [number, number, number] {
  const text = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{6})$/.exec(text) ?? /^#([0-9a-f]{3})$/.exec(text);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((digit) => digit + digit).join('') : hex[1]!;
    return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(text);
  if (rgb) {
    if (rgb[4] !== undefined && Number(rgb[4]) !== 1) throw new Error(`colour "${colour}" is not opaque, so its contrast depends on what is behind it`);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  throw new Error(`unsupported colour "${colour}": expected #rrggbb, #rgb or rgb()`);
}
