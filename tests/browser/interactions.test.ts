import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser.ts';
import { readScorecard } from './site-pages.ts';

const session = useBrowserSession();
const scorecard = readScorecard();
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });


async function open(path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(session.server.url(path));
  return page;
}

/** Text of one column of a table's body rows, in display order. */
function columnTexts(table: Locator, column: number): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows, index) => rows.map((row) => (row as HTMLTableRowElement).cells[index]!.textContent!.trim()), column);
}

function columnKeys(table: Locator, column: number): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows, index) => rows.map((row) => (row as HTMLTableRowElement).cells[index]!.dataset.sort ?? ''), column);
}

describe('sortable tables', () => {
  it('number column sorts on click', async () => {
    const page = await open('sections/workforce/');
    const table = page.locator('table.scorecard-table');
    const header = table.locator('thead th', { hasText: 'Rated figure' });
    const column = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);

    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = (await columnKeys(table, column)).filter((key) => key !== '').map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(ascending.length).toBeGreaterThan(3);

    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    const descending = (await columnKeys(table, column)).filter((key) => key !== '').map(Number);
    expect(descending).toEqual([...ascending].reverse());

    // Only the sorted column carries aria-sort.
    await expect(table.locator('thead th[aria-sort]').count()).resolves.toBe(1);
    await page.close();
  });

  it('code column sorts by keyboard', async () => {
    const page = await open('');
    const table = page.locator('table.scorecard-table').first();
    const header = table.locator('thead th', { hasText: 'Code' });
    const button = header.getByRole('button', { name: 'Code' });

    await button.focus();
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = await columnTexts(table, 0);
    expect(ascending).toEqual([...ascending].sort(collator.compare));

    await page.keyboard.press('Space');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await columnTexts(table, 0)).toEqual([...ascending].reverse());
    await page.close();
  });

  it('RAG column sorts worst first', async () => {
    const page = await open('');
    const table = page.locator('table.scorecard-table', { hasText: 'Care leavers: indicators' });
    const header = table.locator('thead th', { hasText: 'RAG' });
    const column = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    await header.getByRole('button').click();

    const order = ['Red', 'Amber', 'Green', 'Not rated'];
    const statuses = await columnTexts(table, column);
    const ranks = statuses.map((status) => order.indexOf(status));
    expect(ranks).not.toContain(-1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await page.close();
  });

  it('rows without a value stay last', async () => {
    const page = await open('');
    const table = page.locator('table.scorecard-table', { hasText: 'Quality assurance: indicators' });
    const header = table.locator('thead th', { hasText: 'Rated figure' });
    const column = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);

    for (const direction of ['ascending', 'descending']) {
      await header.getByRole('button').click();
      await expect(header.getAttribute('aria-sort')).resolves.toBe(direction);
      const keys = await columnKeys(table, column);
      const firstEmpty = keys.indexOf('');
      expect(firstEmpty, direction).toBeGreaterThan(0);
      expect(keys.slice(firstEmpty).every((key) => key === ''), direction).toBe(true);
    }
    await page.close();
  });

  it('trend column has no sort button', async () => {
    const page = await open('');
    const header = page.locator('table.scorecard-table').first().locator('thead th', { hasText: 'Trend' });
    await expect(header.getByRole('button').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('overview filters', () => {
  const status = (page: Page) => page.getByRole('status');
  const shownRows = (page: Page) =>
    page.locator('table.scorecard-table tbody tr').evaluateAll((rows) =>
      rows.filter((row) => (row as HTMLElement).checkVisibility()).map((row) => ({ ...(row as HTMLElement).dataset })),
    );

  it('owner filter updates URL and status', async () => {
    const owner = scorecard.indicators[0]!.owner;
    const expected = scorecard.indicators.filter((indicator) => indicator.owner === owner).length;
    const page = await open('');

    await page.getByLabel('Owner (my indicators)').selectOption(owner);
    const rows = await shownRows(page);
    expect(rows).toHaveLength(expected);
    expect(rows.every((row) => row.owner === owner)).toBe(true);
    expect(new URL(page.url()).search).toBe(`?owner=${owner}`);
    await expect(status(page).textContent()).resolves.toBe(`Showing ${expected} of ${scorecard.indicators.length} indicators: Owner ${owner}.`);
    await page.close();
  });

  it('query string filters on load', async () => {
    const page = await open('?section=workforce&rag=red&direction=worsening&owner=PS');
    const expected = scorecard.indicators.filter((indicator) =>
      indicator.section === 'Workforce' && indicator.rag === 'red' && indicator.direction === 'worsening' && indicator.owner === 'PS');
    expect(expected.length).toBeGreaterThan(0);

    await expect(page.getByLabel('Section').inputValue()).resolves.toBe('workforce');
    await expect(page.getByLabel('RAG status').inputValue()).resolves.toBe('red');
    await expect(page.getByLabel('Direction of travel').inputValue()).resolves.toBe('worsening');
    await expect(page.getByLabel('Owner (my indicators)').inputValue()).resolves.toBe('PS');
    const rows = await shownRows(page);
    expect(rows.map((row) => row.rag)).toEqual(expected.map(() => 'red'));
    expect(rows).toHaveLength(expected.length);

    // Sections with no row left are hidden whole, heading included.
    const visibleSections = await page.locator('section[data-filter-group]:visible').evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.filterGroup));
    expect(visibleSections).toEqual(['workforce']);
    await expect(status(page).textContent()).resolves.toMatch(new RegExp(`^Showing ${expected.length} of ${scorecard.indicators.length} indicators: `));
    await page.close();
  });

  it('filtered URL reloads filtered', async () => {
    const page = await open('');
    await page.getByLabel('RAG status').selectOption('amber');
    await page.getByLabel('Direction of travel').selectOption('worsening');
    const shared = page.url();
    expect(new URL(shared).search).toBe('?rag=amber&direction=worsening');

    const reader = await open(shared.slice(session.server.url('').length));
    const rows = await shownRows(reader);
    const expected = scorecard.indicators.filter((indicator) => indicator.rag === 'amber' && indicator.direction === 'worsening');
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((row) => row.rag === 'amber' && row.direction === 'worsening')).toBe(true);
    await page.close();
    await reader.close();
  });

  it('no match hides every section', async () => {
    const page = await open('?rag=green&direction=no-change&section=quality-assurance');
    await expect(page.locator('section[data-filter-group]:visible').count()).resolves.toBe(0);
    await expect(status(page).textContent()).resolves.toMatch(/^No indicators match: /);
    await page.close();
  });

  it('unknown query values are ignored', async () => {
    const page = await open('?owner=NOBODY&rag=purple');
    await expect(page.getByLabel('Owner (my indicators)').inputValue()).resolves.toBe('');
    expect(await shownRows(page)).toHaveLength(scorecard.indicators.length);
    expect(new URL(page.url()).search).toBe('');
    await expect(status(page).textContent()).resolves.toBe(`Showing all ${scorecard.indicators.length} indicators.`);
    await page.close();
  });

  it('clear filters shows all', async () => {
    const page = await open('?rag=red');
    expect((await shownRows(page)).length).toBeLessThan(scorecard.indicators.length);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    expect(await shownRows(page)).toHaveLength(scorecard.indicators.length);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.getByLabel('RAG status').inputValue()).resolves.toBe('');
    await page.close();
  });

  it('GET form applies in place', async () => {
    const page = await open('');
    const form = page.locator('form[data-overview-filters]');
    await expect(form.getAttribute('method')).resolves.toBe('get');
    await expect(form.getAttribute('action')).resolves.toBe('/');
    // With JavaScript the Apply button filters in place, with no page load.
    await page.getByLabel('Section').selectOption('care-leavers');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(new URL(page.url()).search).toBe('?section=care-leavers');
    const rows = await shownRows(page);
    expect(rows.every((row) => row.section === 'Care leavers')).toBe(true);
    await page.close();
  });

  it('status region present on load', async () => {
    const page = await open('');
    const region = status(page);
    await expect(region.count()).resolves.toBe(1);
    await expect(region.textContent()).resolves.toBe(`Showing all ${scorecard.indicators.length} indicators.`);
    await page.close();
  });
});
