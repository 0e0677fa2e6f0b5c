import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artefactPath, useBrowserSession } from '../support/browser.ts';

/** Tab stops to try before giving up on reaching a link. */
const MAX_TABS = 200;

const session = useBrowserSession();

interface FocusedLink {
  href: string | null;
  inMain: boolean;
  outline: string;
  boxShadow: string;
}

function focused(page: Page): Promise<FocusedLink | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLAnchorElement)) return null;
    const style = getComputedStyle(element);
    return { href: element.getAttribute('href'), inMain: element.closest('main') !== null, outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow };
  });
}

/** Presses Tab until a link that `matches` has focus, and returns it. */
async function tabTo(page: Page, matches: (link: FocusedLink) => boolean): Promise<FocusedLink> {
  for (let stop = 0; stop < MAX_TABS; stop++) {
    await page.keyboard.press('Tab');
    const link = await focused(page);
    if (link && matches(link)) return link;
  }
  throw new Error(`no matching link within ${MAX_TABS} tab stops on ${page.url()}`);
}

function expectVisibleFocus(link: FocusedLink): void {
  const outlined = !link.outline.startsWith('none') && parseFloat(link.outline.split(' ')[1] ?? '0') >= 2;
  expect(outlined || link.boxShadow !== 'none', `focus style of ${link.href}: outline ${link.outline}, box-shadow ${link.boxShadow}`).toBe(true);
}

describe('keyboard only', () => {
  it('walks overview, indicator, section and back', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));

    const indicatorLink = await tabTo(page, (link) => link.inMain && link.href === '/indicators/w-1/');
    expectVisibleFocus(indicatorLink);
    await page.screenshot({ path: artefactPath('keyboard-focus-overview.png') });
    await Promise.all([page.waitForURL(session.server.url('indicators/w-1/')), page.keyboard.press('Enter')]);

    const sectionLink = await tabTo(page, (link) => link.inMain && link.href === '/sections/workforce/');
    expectVisibleFocus(sectionLink);
    await page.screenshot({ path: artefactPath('keyboard-focus-indicator.png') });
    await Promise.all([page.waitForURL(session.server.url('sections/workforce/')), page.keyboard.press('Enter')]);

    const overviewLink = await tabTo(page, (link) => !link.inMain && link.href === '/');
    expectVisibleFocus(overviewLink);
    await Promise.all([page.waitForURL(session.server.url('')), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Children's services scorecard/);
    await page.close();
  });

  it('moves focus to the interactive chart', async () => {
    const page = await session.browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await page.goto(session.server.url('indicators/w-1/'));

    await page.getByRole('button', { name: /interactive chart/i }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-chart] .chart-canvas .vega-embed svg').first().waitFor();

    const focus = await page.evaluate(() => ({
      canvas: document.activeElement?.classList.contains('chart-canvas') ?? false,
      label: document.activeElement?.querySelector('svg[role="img"]')?.getAttribute('aria-labelledby') ?? null,
    }));
    expect(focus).toEqual({ canvas: true, label: 'chart-w-1-title chart-w-1-desc' });
    expect(warnings).toEqual([]);
    await page.close();
  });
});
