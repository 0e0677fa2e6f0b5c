import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artefactPath, useBrowserSession } from '../support/browser.ts';
import { countPdfPages, readPdfPages } from './pdf-text.ts';
import { editionMonthLong, readScorecard } from './site-pages.ts';

/** CSS pixels per millimetre (96 per inch). */
const PX_PER_MM = 96 / 25.4;
/** A4 less site.css's `@page` margins: 15 mm top, 18 mm bottom, 12 mm each side. */
const PRINTABLE_WIDTH_PX = (210 - 2 * 12) * PX_PER_MM;
const PRINTABLE_HEIGHT_PX = (297 - 15 - 18) * PX_PER_MM;

const session = useBrowserSession();
const scorecard = readScorecard();
const stamp = `data to ${editionMonthLong()}`;
const squash = (text: string) => text.replace(/\s+/g, '');


async function printToPdf(path: string, name: string): Promise<{ page: Page; pdf: Buffer }> {
  const page = await session.browser.newPage();
  await page.goto(session.server.url(path), { waitUntil: 'networkidle' });
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(artefactPath(name), pdf);
  return { page, pdf };
}

describe('board pack PDF', () => {
  let pages: { text: string }[];
  let pageCount: number;

  beforeAll(async () => {
    const { page, pdf } = await printToPdf('board-pack/', 'board-pack.pdf');
    pageCount = countPdfPages(pdf);
    pages = readPdfPages(pdf);
    writeFileSync(artefactPath('board-pack-pages.json'), `${JSON.stringify({ pages: pageCount, indicators: scorecard.indicators.length }, null, 2)}\n`);
    await page.close();
  });

  it('has a page per indicator plus the overview', () => {
    expect(pageCount).toBeGreaterThanOrEqual(scorecard.indicators.length + 1);
    expect(pages).toHaveLength(pageCount);
  });

  it('stamps edition and page number', () => {
    for (const [index, page] of pages.entries()) {
      expect(page.text, `page ${index + 1}`).toContain(stamp);
      expect(page.text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pageCount}`);
    }
  });

  it('starts each indicator on a page of its own', () => {
    for (const indicator of scorecard.indicators) {
      const caption = squash(`${indicator.code}: values by financial year`);
      const found = pages.filter((page) => squash(page.text).includes(caption));
      expect(found, indicator.code).toHaveLength(1);
      // No other indicator's values table shares the page.
      const others = scorecard.indicators.filter((other) => other !== indicator && squash(found[0]!.text).includes(squash(`${other.code}: values by financial year`)));
      expect(others.map((other) => other.code), indicator.code).toEqual([]);
    }
  });

  it('leaves navigation and filters out', () => {
    const first = pages[0]!.text;
    expect(first).not.toContain('Skip to main content');
    expect(first).not.toContain('Data quality');
    expect(first).not.toContain('Show interactive chart');
  });
});

describe('print layout', () => {
  it('charts fit a page unsplit', async () => {
    const page = await session.browser.newPage({ viewport: { width: Math.floor(PRINTABLE_WIDTH_PX), height: Math.floor(PRINTABLE_HEIGHT_PX) } });
    await page.goto(session.server.url('board-pack/'));
    await page.emulateMedia({ media: 'print' });
    const figures = await page.locator('figure.chart').evaluateAll((elements) =>
      elements.map((figure) => {
        const style = getComputedStyle(figure);
        const box = figure.getBoundingClientRect();
        return { id: figure.querySelector('svg')?.id || figure.querySelector('title')?.textContent || '', breakInside: style.breakInside, height: box.height, width: box.width };
      }),
    );
    expect(figures.length).toBeGreaterThanOrEqual(scorecard.indicators.length);
    for (const figure of figures) {
      expect(figure.breakInside, figure.id).toBe('avoid');
      expect(figure.height, figure.id).toBeLessThan(PRINTABLE_HEIGHT_PX);
      expect(figure.width, figure.id).toBeLessThanOrEqual(Math.ceil(PRINTABLE_WIDTH_PX));
    }
    await page.screenshot({ path: artefactPath('board-pack-print-media.png') });
    await page.close();
  });

  it('overview tables fit A4 width', async () => {
    const page = await session.browser.newPage({ viewport: { width: Math.floor(PRINTABLE_WIDTH_PX), height: Math.floor(PRINTABLE_HEIGHT_PX) } });
    await page.goto(session.server.url('board-pack/'));
    await page.emulateMedia({ media: 'print' });
    const tables = await page.locator('table.scorecard-table').evaluateAll((elements) =>
      elements.map((table) => ({ caption: table.querySelector('caption')?.textContent ?? '', width: table.getBoundingClientRect().width })),
    );
    expect(tables.length).toBe(scorecard.sections.length);
    for (const table of tables) expect(table.width, table.caption).toBeLessThanOrEqual(Math.ceil(PRINTABLE_WIDTH_PX));
    await page.close();
  });

  it('hides navigation, filters, buttons', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header nav', '.skip-link', 'form[data-overview-filters]', '.chart-controls']) {
      const displays = await page.locator(selector).evaluateAll((elements) => elements.map((element) => getComputedStyle(element).display));
      for (const display of displays) expect(display, selector).toBe('none');
    }
    await page.close();
  });

  it('breaks pages between indicators', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('board-pack/'));
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.locator('.pack-indicator').evaluateAll((articles) =>
      articles.map((article) => (article.previousElementSibling?.classList.contains('pack-indicator') ? getComputedStyle(article).breakBefore : getComputedStyle(article.closest('.pack-section')!).breakBefore)),
    );
    expect(breaks).toHaveLength(scorecard.indicators.length);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    await page.close();
  });

  it('indicator page prints whole', async () => {
    const { page, pdf } = await printToPdf('indicators/w-1/', 'indicator-w-1.pdf');
    const pages = readPdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const [index, printed] of pages.entries()) expect(printed.text, `page ${index + 1}`).toContain(stamp);
    const all = squash(pages.map((printed) => printed.text).join(''));
    expect(all).toContain(squash('W 1: Average Caseload per Social Worker'));
    expect(all).toContain(squash('W 1: monthly values'));
    await page.close();
  });
});
