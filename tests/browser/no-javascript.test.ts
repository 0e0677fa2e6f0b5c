import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { PAGE_TYPES, readScorecard } from './site-pages.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer({ root: SITE_BUILDS.root.outDir });
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('pages without JavaScript', () => {
  it.each(PAGE_TYPES)('$name page shows charts and tables', async ({ path }) => {
    const page = await context.newPage();
    await page.goto(server.url(path));
    await expect(page.locator('main h1').isVisible()).resolves.toBe(true);
    const content = await page.evaluate(() => {
      const visible = (element: Element) => element.checkVisibility() && element.getBoundingClientRect().height > 0;
      const charts = [...document.querySelectorAll('main figure.chart')];
      return {
        charts: charts.length,
        visibleChartImages: charts.filter((figure) => {
          const svg = figure.querySelector('svg[role="img"]');
          if (!svg || !visible(svg)) return false;
          const box = svg.getBoundingClientRect();
          return box.width >= 200 && box.height >= 100 && svg.querySelectorAll('path, line, rect').length > 5;
        }).length,
        tables: document.querySelectorAll('main table').length,
        visibleTables: [...document.querySelectorAll('main table')].filter(visible).length,
        hiddenSections: [...document.querySelectorAll('main section')].filter((section) => !visible(section)).length,
        sortButtons: document.querySelectorAll('.sort-button').length,
      };
    });

    expect(content.visibleChartImages).toBe(content.charts);
    expect(content.visibleTables).toBe(content.tables);
    expect(content.hiddenSections).toBe(0);
    // Only the scripts add the sort buttons, so their absence shows JavaScript was off.
    expect(content.sortButtons).toBe(0);
    await page.close();
  });

  it('overview lists every indicator', async () => {
    const page = await context.newPage();
    await page.goto(server.url(''));
    const { indicators } = readScorecard();
    await expect(page.locator('main table.scorecard-table tbody tr:visible').count()).resolves.toBe(indicators.length);
    await expect(page.locator('form[data-overview-filters]').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('indicator page without chart button', async () => {
    const page = await context.newPage();
    await page.goto(server.url('indicators/w-1/'));
    await expect(page.getByRole('img', { name: 'W 1: Average Caseload per Social Worker, by month' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /interactive chart/i }).count()).resolves.toBe(0);
    await expect(page.locator('table', { hasText: 'W 1: monthly values' }).locator('tbody tr').count()).resolves.toBeGreaterThan(12);
    await page.close();
  });

  it('board pack charts every indicator', async () => {
    const page = await context.newPage();
    await page.goto(server.url('board-pack/'));
    const { indicators } = readScorecard();
    await expect(page.locator('.pack-indicator figure.chart svg[role="img"]:visible').count()).resolves.toBe(indicators.length);
    await expect(page.locator('.pack-indicator table.year-table:visible').count()).resolves.toBe(indicators.length);
    await page.close();
  });
});
