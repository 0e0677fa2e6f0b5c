import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_COLOURS } from '../../src/lib/charts/chart-theme.ts';
import { artefactPath, launchBrowser } from '../support/browser.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { contrastRatio, PAGE_TYPES, runAxe, type AxeSummary } from './site-pages.ts';

let server: StaticServer;
let browser: Browser;
const axeResults: Record<string, AxeSummary> = {};

beforeAll(async () => {
  server = await startStaticServer({ root: SITE_BUILDS.root.outDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  writeFileSync(artefactPath('axe-results.json'), `${JSON.stringify(axeResults, null, 2)}\n`);
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Page> {
  const page = await browser.newPage({ reducedMotion: options.reducedMotion });
  const response = await page.goto(server.url(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('axe-core, WCAG 2.2 AA', () => {
  it.each(PAGE_TYPES)('$name page has no violations', async ({ name, path }) => {
    const page = await open(path);
    const result = await runAxe(page);
    axeResults[name] = result;
    expect(result.violations).toEqual([]);
    expect(result.passes).toBeGreaterThan(10);
    await page.close();
  });

  it('interactive chart has no violations', async () => {
    const page = await open('indicators/w-1/');
    await page.getByRole('button', { name: /interactive chart/i }).click();
    await page.locator('[data-chart] .chart-canvas .vega-embed svg').first().waitFor();
    await expect(page.getByRole('img', { name: 'W 1: Average Caseload per Social Worker, by month' }).count()).resolves.toBe(1);
    const result = await runAxe(page);
    axeResults['indicator, interactive chart'] = result;
    expect(result.violations).toEqual([]);
    await page.close();
  });
});

describe('page structure', () => {
  it.each(PAGE_TYPES)('$name page: one h1, no skipped level', async ({ path }) => {
    const page = await open(path);
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .filter((heading) => heading.checkVisibility())
        .map((heading) => Number(heading.tagName.slice(1))),
    );
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]! - levels[i - 1]!, `heading ${i + 1} of ${levels.length} (h${levels[i]} after h${levels[i - 1]})`).toBeLessThanOrEqual(1);
    }
    await page.close();
  });

  it.each(PAGE_TYPES)('$name page: skip link moves focus to main', async ({ path }) => {
    const page = await open(path);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, href: element.getAttribute('href'), onScreen: box.left >= 0 && box.top >= 0 && box.width > 0 && box.right <= innerWidth };
    });
    expect(skip.text).toBe('Skip to main content');
    expect(skip.href).toBe('#main');
    expect(skip.onScreen).toBe(true);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });

  it.each(PAGE_TYPES)('$name page: table captions and scopes', async ({ path }) => {
    const page = await open(path);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('main table')].map((table) => ({
        caption: table.querySelector(':scope > caption')?.textContent?.trim() ?? '',
        columnHeaders: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
        rowHeaders: [...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope')),
      })),
    );
    for (const [index, table] of tables.entries()) {
      expect(table.caption, `table ${index + 1}`).not.toBe('');
      expect(new Set(table.columnHeaders), `column headers of "${table.caption}"`).toEqual(new Set(['col']));
      for (const scope of table.rowHeaders) expect(scope, `row header of "${table.caption}"`).toBe('row');
    }
    await page.close();
  });
});

describe('focus', () => {
  it.each(PAGE_TYPES)('$name page: focus is visible', async ({ path }) => {
    const page = await open(path);
    // Tab through the first 25 stops; each focused element must draw an outline or a focus ring.
    for (let stop = 1; stop <= 25; stop++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return {
          element: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          ring: style.boxShadow !== 'none',
        };
      });
      if (focus === null) break;
      expect(focus.outline || focus.ring, `focus indicator on ${focus.element}`).toBe(true);
    }
    await page.close();
  });
});

describe('colour and status', () => {
  it('RAG badges show word and shape', async () => {
    const page = await open('');
    const badges = await page.evaluate(() =>
      [...document.querySelectorAll('.rag')].map((badge) => ({
        status: [...badge.classList].find((name) => name.startsWith('rag-'))!,
        word: badge.textContent?.trim(),
        shape: badge.querySelector('svg.rag-shape > *')?.outerHTML.replace(/\s+/g, ' ') ?? '',
      })),
    );
    const words = { 'rag-green': 'Green', 'rag-amber': 'Amber', 'rag-red': 'Red', 'rag-none': 'Not rated' };
    const shapeByStatus = new Map<string, string>();
    for (const badge of badges) {
      expect(badge.word, badge.status).toBe(words[badge.status as keyof typeof words]);
      expect(badge.shape, badge.status).not.toBe('');
      shapeByStatus.set(badge.status, badge.shape);
    }
    expect([...shapeByStatus.keys()].sort()).toEqual(Object.keys(words).sort());
    expect(new Set(shapeByStatus.values()).size).toBe(4);
    await page.close();
  });

  it('RAG chip text contrast', async () => {
    const page = await open('');
    const chips = await page.evaluate(() =>
      ['green', 'amber', 'red', 'none'].map((status) => {
        const chip = document.querySelector(`.rag-${status}`)!;
        const style = getComputedStyle(chip);
        return { status, text: style.color, background: style.backgroundColor };
      }),
    );
    for (const chip of chips) {
      expect(contrastRatio(chip.text, chip.background), `${chip.status}: ${chip.text} on ${chip.background}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  it('site colours contrast on white', async () => {
    const page = await open('');
    const colours = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return Object.fromEntries(['--text', '--muted', '--link', '--green', '--amber', '--red', '--none'].map((name) => [name, root.getPropertyValue(name).trim()]));
    });
    for (const [name, colour] of Object.entries(colours)) {
      expect(contrastRatio(colour, '#ffffff'), `${name} ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  it('chart colours contrast on white', () => {
    // Gridlines are left out: they are decorative, and the values table carries every value.
    const marks = { line: CHART_COLOURS.line, target: CHART_COLOURS.target, green: CHART_COLOURS.green, amber: CHART_COLOURS.amber, red: CHART_COLOURS.red };
    for (const [name, colour] of Object.entries(marks)) {
      expect(contrastRatio(colour, '#ffffff'), `${name} ${colour}`).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(CHART_COLOURS.text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('charts', () => {
  it('history chart name and summary', async () => {
    const page = await open('indicators/w-1/');
    const chart = await page.evaluate(() => {
      const svg = document.querySelector('figure[data-chart] svg')!;
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/);
      return {
        role: svg.getAttribute('role'),
        parts: ids.map((id) => document.getElementById(id)?.tagName.toLowerCase() ?? null),
        title: svg.querySelector('title')?.textContent ?? '',
        description: svg.querySelector('desc')?.textContent ?? '',
      };
    });
    expect(chart.role).toBe('img');
    expect(chart.parts).toEqual(['title', 'desc']);
    expect(chart.title).toBe('W 1: Average Caseload per Social Worker, by month');
    expect(chart.description).toMatch(/^W 1 was 20\.4 in Jul 2018\b/);
    // One sentence: a single full stop at the end, not counting decimal points.
    expect(chart.description.replace(/\d\.\d/g, '').match(/\./g)).toHaveLength(1);
    expect(chart.description.endsWith('.')).toBe(true);

    await expect(page.getByRole('img', { name: chart.title }).count()).resolves.toBe(1);
    await page.close();
  });
});

describe('reduced motion', () => {
  it.each(PAGE_TYPES)('$name page: reduced motion', async ({ path }) => {
    const page = await open(path, { reducedMotion: 'reduce' });
    const moving = await page.evaluate(() => {
      if (!matchMedia('(prefers-reduced-motion: reduce)').matches) return ['media query did not match'];
      return [...document.querySelectorAll('*')].flatMap((element) => {
        const style = getComputedStyle(element);
        const durations = [...style.transitionDuration.split(','), ...style.animationDuration.split(',')].map((value) => parseFloat(value));
        const animated = style.animationName !== 'none' || durations.some((value) => value > 0) || style.scrollBehavior === 'smooth';
        return animated ? [`${element.tagName.toLowerCase()} ${element.getAttribute('class') ?? ''}`.trim()] : [];
      });
    });
    expect(moving).toEqual([]);

    const reducedMotionRules = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion: reduce')).length,
    );
    expect(reducedMotionRules).toBeGreaterThan(0);
    await page.close();
  });
});
