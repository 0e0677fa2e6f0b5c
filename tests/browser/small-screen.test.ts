import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser.ts';
import { PAGE_TYPES } from './site-pages.ts';

/** 320 CSS px is WCAG 1.4.10's reflow width: 1280 px at 400% zoom. */
const WIDTH = 320;

const session = useBrowserSession();

describe('at 320 px wide', () => {
  it.each(PAGE_TYPES)('$name page does not scroll sideways', async ({ path }) => {
    const page = await session.browser.newPage({ viewport: { width: WIDTH, height: 640 } });
    await page.goto(session.server.url(path));
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      // Elements wider than the viewport that are not inside a table's own scroll box.
      overflowing: [...document.querySelectorAll('body *')]
        .filter((element) => !element.closest('.table-scroll') && element.getBoundingClientRect().right > innerWidth + 0.5 && element.checkVisibility())
        .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`)
        .slice(0, 10),
    }));
    expect(layout.overflowing).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(WIDTH);
    await page.close();
  });

  it.each(PAGE_TYPES)('$name page: tables scroll in box', async ({ path }) => {
    const page = await session.browser.newPage({ viewport: { width: WIDTH, height: 640 } });
    await page.goto(session.server.url(path));
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('main table')].map((table) => {
        const box = table.closest('.table-scroll') as HTMLElement | null;
        return {
          caption: table.querySelector('caption')?.textContent ?? '',
          inBox: box !== null,
          overflowX: box ? getComputedStyle(box).overflowX : '',
          fits: box ? box.getBoundingClientRect().right <= innerWidth + 0.5 : false,
          wide: box ? box.scrollWidth > box.clientWidth : false,
          focusable: box?.tabIndex === 0,
          named: box?.getAttribute('role') === 'region' && (box.getAttribute('aria-label') ?? '') !== '',
        };
      }),
    );
    for (const box of boxes) {
      expect(box.inBox, box.caption).toBe(true);
      expect(box.overflowX, box.caption).toBe('auto');
      expect(box.fits, box.caption).toBe(true);
      // A box that scrolls must take keyboard focus and have a name, so keyboard users can scroll it.
      if (box.wide) {
        expect(box.focusable, box.caption).toBe(true);
        expect(box.named, box.caption).toBe(true);
      }
    }
    await page.close();
  });
});
