import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artefactPath, useBrowserSession } from '../support/browser.ts';
import { PAGE_TYPES } from './site-pages.ts';

/** Screenshots of every page type, kept under test-output/artefacts/ for people to review. */

const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 900 },
  { label: 'mobile', width: 320, height: 640 },
];

const session = useBrowserSession();

describe('screenshots', () => {
  for (const viewport of VIEWPORTS) {
    it.each(PAGE_TYPES)(`$name page at ${viewport.label} width`, async ({ name, path }) => {
      const page = await session.browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
      await page.goto(session.server.url(path), { waitUntil: 'networkidle' });
      const file = artefactPath(`${name}-${viewport.label}.png`);
      await page.screenshot({ path: file, fullPage: name !== 'board-pack' });
      expect(statSync(file).size).toBeGreaterThan(5_000);
      await page.close();
    });
  }

  it('overview filtered to one owner', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(session.server.url('?owner=PS&rag=red'));
    const file = artefactPath('overview-filtered-desktop.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    await page.close();
  });
});
