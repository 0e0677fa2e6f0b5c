import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artefactPath, launchBrowser } from '../support/browser.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { PAGE_TYPES } from './site-pages.ts';

/** Screenshots of every page type, kept under test-output/artefacts/ for people to review. */

const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 900 },
  { label: 'mobile', width: 320, height: 640 },
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer({ root: SITE_BUILDS.root.outDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('screenshots', () => {
  for (const viewport of VIEWPORTS) {
    it.each(PAGE_TYPES)(`$name page at ${viewport.label} width`, async ({ name, path }) => {
      const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      const file = artefactPath(`${name}-${viewport.label}.png`);
      await page.screenshot({ path: file, fullPage: name !== 'board-pack' });
      expect(statSync(file).size).toBeGreaterThan(5_000);
      await page.close();
    });
  }

  it('overview filtered to one owner', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url('?owner=PS&rag=red'));
    const file = artefactPath('overview-filtered-desktop.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    await page.close();
  });
});
