import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artefactPath, launchBrowser } from '../support/browser.ts';
import { SITE_BUILDS } from '../support/site-builds.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { PAGE_TYPES } from './site-pages.ts';

/**
 * The Content-Security-Policy recommended for the intranet's web server. The
 * site needs nothing else: scripts and styles are files of its own, chart
 * SVG is inline markup, and vega-embed runs with its expression interpreter,
 * so no script is built from strings.
 */
export const RECOMMENDED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const { outDir, base } = SITE_BUILDS.subPath;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function builtHtmlFiles(): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => join(outDir, file));
}

/** Returns every start tag of an HTML document, as written. */
function tagsOf(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

describe('built HTML', () => {
  it('has no inline event handlers or javascript: URLs', () => {
    const offenders: string[] = [];
    for (const file of builtHtmlFiles()) {
      for (const tag of tagsOf(readFileSync(file, 'utf8'))) {
        if (/\son[a-z]+\s*=/i.test(tag) || /=\s*["']?\s*javascript:/i.test(tag)) offenders.push(`${relative(outDir, file)}: ${tag.slice(0, 120)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('runs only external scripts', () => {
    const offenders: string[] = [];
    for (const file of builtHtmlFiles()) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attributes = match[1]!;
        const isData = /\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes);
        const isExternal = /\bsrc\s*=/i.test(attributes) && match[2]!.trim() === '';
        if (!isData && !isExternal) offenders.push(`${relative(outDir, file)}: <script${attributes}>${match[2]!.slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has no inline style attributes or style elements', () => {
    const offenders: string[] = [];
    for (const file of builtHtmlFiles()) {
      const html = readFileSync(file, 'utf8');
      if (/<style\b/i.test(html)) offenders.push(`${relative(outDir, file)}: <style> element`);
      for (const tag of tagsOf(html)) {
        if (/\sstyle\s*=/i.test(tag)) offenders.push(`${relative(outDir, file)}: ${tag.slice(0, 120)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('link crawl under the sub-path', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ root: outDir, base });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('finds no broken link, asset or fragment', async () => {
    const origin = server.origin;
    const queue: string[] = [server.url('')];
    const status = new Map<string, number>();
    const idsByPage = new Map<string, Set<string>>();
    const fragmentLinks: { from: string; to: string; id: string }[] = [];
    const outside: string[] = [];

    while (queue.length > 0) {
      const url = queue.shift()!;
      if (status.has(url)) continue;
      const response = await fetch(url, { redirect: 'manual' });
      status.set(url, response.status);
      if (response.status !== 200) continue;

      const type = response.headers.get('content-type') ?? '';
      const body = type.startsWith('text/html') || type.startsWith('text/css') ? await response.text() : (await response.arrayBuffer(), '');
      const references: string[] = [];
      if (type.startsWith('text/html')) {
        idsByPage.set(url, new Set([...body.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)));
        for (const tag of tagsOf(body)) {
          for (const match of tag.matchAll(/\s(?:href|src|xlink:href|action)="([^"]*)"/g)) references.push(decodeEntities(match[1]!));
        }
      } else if (type.startsWith('text/css')) {
        for (const match of body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) references.push(match[1]!);
      }

      for (const reference of references) {
        if (reference.startsWith('data:') || reference.startsWith('#') && reference.length === 1) continue;
        const target = new URL(reference, url);
        if (target.origin !== origin) {
          outside.push(`${url} -> ${reference}`);
          continue;
        }
        if (!target.pathname.startsWith(base)) outside.push(`${url} -> ${reference} (outside ${base})`);
        if (target.hash.length > 1) fragmentLinks.push({ from: url, to: `${target.origin}${target.pathname}`, id: decodeURIComponent(target.hash.slice(1)) });
        target.hash = '';
        if (!status.has(target.href)) queue.push(target.href);
      }
    }

    const broken = [...status].filter(([, code]) => code !== 200).map(([url, code]) => `${code} ${url}`);
    expect(broken).toEqual([]);
    expect(outside).toEqual([]);
    for (const link of fragmentLinks) {
      expect(idsByPage.get(link.to)?.has(link.id), `${link.from} links to #${link.id} on ${link.to}`).toBe(true);
    }

    // The crawl must have reached every page: one per indicator and section, plus the others.
    const pages = [...idsByPage.keys()];
    expect(pages.filter((url) => url.includes('/indicators/'))).toHaveLength(35);
    expect(pages.filter((url) => url.includes('/sections/'))).toHaveLength(8);
    writeFileSync(artefactPath('link-crawl.json'), `${JSON.stringify({ urls: status.size, pages: pages.length }, null, 2)}\n`);
  });
});

describe('requests from Chromium', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ root: outDir, base });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('stay on the site origin', async () => {
    const recorded: Record<string, string[]> = {};
    for (const { name, path } of PAGE_TYPES) {
      const page = await browser.newPage();
      const urls: string[] = [];
      page.on('request', (request) => urls.push(request.url()));
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      if (name === 'indicator') {
        await page.getByRole('button', { name: /interactive chart/i }).click();
        await page.locator('[data-chart] .chart-canvas .vega-embed svg').first().waitFor();
        await page.waitForLoadState('networkidle');
      }
      recorded[name] = urls;
      await page.close();
    }
    writeFileSync(artefactPath('requests.json'), `${JSON.stringify(recorded, null, 2)}\n`);

    for (const [name, urls] of Object.entries(recorded)) {
      expect(urls.length, name).toBeGreaterThan(0);
      for (const url of urls) {
        if (url.startsWith('data:')) continue;
        expect(url.startsWith(`${server.origin}${base}`), `${name}: ${url}`).toBe(true);
      }
    }
  });
});

describe('strict Content-Security-Policy', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ root: outDir, base, headers: { 'Content-Security-Policy': RECOMMENDED_CSP } });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Opens a page that records CSP violation events and console errors from its first script on. */
  async function openRecording(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`violation: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    const response = await page.goto(server.url(path), { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toBe(RECOMMENDED_CSP);
    return { page, problems };
  }

  it.each(PAGE_TYPES)('$name page reports no violation', async ({ path }) => {
    const { page, problems } = await openRecording(path);
    // The page's own scripts ran: each reveals something hidden in the HTML.
    expect(await page.evaluate(() => document.querySelector('table[data-sortable]') === null || document.querySelector('.sort-button') !== null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('interactive chart loads without a violation', async () => {
    const { page, problems } = await openRecording('indicators/w-1/');
    await page.getByRole('button', { name: /interactive chart/i }).click();
    await page.locator('[data-chart] .chart-canvas .vega-embed svg').first().waitFor();

    // Hovering a point shows a tooltip, which vega-tooltip styles only through site.css here.
    const point = page.locator('[data-chart] .chart-canvas svg .mark-symbol path').first();
    await point.hover();
    await page.locator('#vg-tooltip-element.visible').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
