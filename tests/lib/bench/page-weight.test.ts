import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { listPageAssets, listStaticImports, measurePage } from '../../../src/bench/page-weight.ts';

const PAGE = `<!DOCTYPE html><html><head>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/print-edition.css" media="print">
<link rel=stylesheet href=/_astro/site.css>
<link rel="modulepreload" href="/_astro/shared.js">
<script type="module" src="/_astro/page.js"></script>
<script src='/legacy.js'></script>
<script type="application/json" data-chart-spec>{"mark":"line"}</script>
<script>document.documentElement.classList.add('js')</script>
</head><body><a href="/other/">link</a></body></html>`;

describe('listPageAssets', () => {
  it('lists stylesheets of every media', () => {
    expect(listPageAssets(PAGE).stylesheets).toEqual(['/print-edition.css', '/_astro/site.css']);
  });

  it('lists scripts and module preloads', () => {
    expect(listPageAssets(PAGE).scripts).toEqual(['/_astro/shared.js', '/_astro/page.js', '/legacy.js']);
  });

  it('skips data blocks and icons', () => {
    const assets = listPageAssets('<link rel="icon" href="/a.svg"><script type="application/ld+json" src="/x.json"></script>');

    expect(assets.stylesheets).toEqual([]);
    expect(assets.scripts).toEqual([]);
  });

  it('lists a repeated asset once', () => {
    const assets = listPageAssets('<script type="module" src="/a.js"></script><script type="module" src="/a.js"></script>');

    expect(assets.scripts).toEqual(['/a.js']);
  });
});

describe('listStaticImports', () => {
  it('finds minified static imports', () => {
    const code = 'import{a as b}from"./chunk.A.js";import"./side.js";export{c}from\'./re.js\';b();';

    expect(listStaticImports(code)).toEqual(['./chunk.A.js', './side.js', './re.js']);
  });

  it('ignores dynamic imports and import.meta', () => {
    const code = 'let{default:e}=await import(`./embed.js`);import("./other.js");new URL(e,import.meta.url)';

    expect(listStaticImports(code)).toEqual([]);
  });

  it('finds imports at line starts', () => {
    expect(listStaticImports('import x from "./x.js"\nimport * as y from "./y.js"')).toEqual(['./x.js', './y.js']);
  });
});

describe('measurePage', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  function writeSite(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'scorecard-weight-'));
    roots.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).byteLength;

  it('counts static imports but not dynamic chunks', () => {
    const page = '<link rel="stylesheet" href="../../_astro/site.css"><script type="module" src="/_astro/page.js"></script>';
    const pageJs = 'import{x}from"./shared.js";x(()=>import(`./embed.js`));';
    const sharedJs = 'export const x=f=>f();';
    const root = writeSite({
      'indicators/w-1/index.html': page,
      '_astro/site.css': 'body{margin:0}',
      '_astro/page.js': pageJs,
      '_astro/shared.js': sharedJs,
      '_astro/embed.js': 'x'.repeat(10_000),
    });

    const weight = measurePage(root, 'indicators/w-1/index.html');

    expect(weight.cssFiles).toEqual(['_astro/site.css']);
    expect(weight.jsFiles).toEqual(['_astro/page.js', '_astro/shared.js']);
    expect(weight.html).toEqual({ raw: page.length, gzip: gz(page) });
    expect(weight.js).toEqual({ raw: pageJs.length + sharedJs.length, gzip: gz(pageJs) + gz(sharedJs) });
  });

  it('resolves assets under a sub-path base', () => {
    const root = writeSite({
      'index.html': '<link rel="stylesheet" href="/performance/scorecard/_astro/site.css">',
      '_astro/site.css': 'p{color:red}',
    });

    expect(measurePage(root, 'index.html', '/performance/scorecard/').css.raw).toBe('p{color:red}'.length);
  });

  it('rejects missing asset file', () => {
    const root = writeSite({ 'index.html': '<script type="module" src="/_astro/gone.js"></script>' });

    expect(() => measurePage(root, 'index.html')).toThrow(/asset \/_astro\/gone\.js is not in/);
  });

  it('skips assets of other origins', () => {
    const root = writeSite({ 'index.html': '<script src="https://cdn.example/lib.js"></script>' });

    expect(measurePage(root, 'index.html').js).toEqual({ raw: 0, gzip: 0 });
  });
});
