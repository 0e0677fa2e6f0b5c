import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Measures what a built page costs a reader before they interact with it:
 * the HTML, the stylesheets it links and the scripts it loads at start-up
 * (script tags, module preloads and the modules those import statically).
 * A chunk imported dynamically, such as the interactive chart library that
 * loads on a button press, is not counted. Sizes are raw bytes and bytes
 * after gzip at level 9, each file compressed on its own, as a server
 * sends it.
 */

/** Assets a page references in its HTML, as written in the `href` or `src` attribute. */
export interface PageAssets {
  stylesheets: string[];
  scripts: string[];
}

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Page path relative to the output folder. */
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  /** Asset paths counted, relative to the output folder. */
  cssFiles: string[];
  jsFiles: string[];
}

const TAG = /<(link|script)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Lists the stylesheets (`<link rel="stylesheet">`, whatever their media,
 * because browsers fetch print stylesheets too) and the start-up scripts
 * (`<script src>` of any type that runs, and `<link rel="modulepreload">`)
 * that an HTML page references. Inline scripts are part of the HTML's own
 * weight, and JSON data blocks do not run.
 */
export function listPageAssets(html: string): PageAssets {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const attributes = readAttributes(match[2]!);
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (match[1]!.toLowerCase() === 'link') {
      const href = attributes.get('href');
      if (!href) continue;
      if (rel.includes('stylesheet')) stylesheets.push(href);
      else if (rel.includes('modulepreload')) scripts.push(href);
      continue;
    }
    const src = attributes.get('src');
    if (src && isExecutableScript(attributes.get('type'))) scripts.push(src);
  }
  return { stylesheets: unique(stylesheets), scripts: unique(scripts) };
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Returns true for a script that runs: no type, a JavaScript MIME type or `module`. A JSON data block does not run. */
function isExecutableScript(type: string | undefined): boolean {
  if (type === undefined || type.trim() === '') return true;
  const normalised = type.trim().toLowerCase();
  return normalised === 'module' || normalised === 'text/javascript' || normalised === 'application/javascript';
}

// A static `import … from "x"`, `import "x"` or `export … from "x"`. A dynamic `import("x")` has a
// parenthesis after the keyword and does not match; `import.meta` does not match either.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'`])([^"'`\s]+)\1/g;

/**
 * Lists the modules a JavaScript module imports statically, as written.
 * It reads minified bundler output with a regular expression, not a parser,
 * so an import-like text inside a string literal would also be listed.
 */
export function listStaticImports(code: string): string[] {
  return unique([...code.matchAll(STATIC_IMPORT)].map((match) => match[2]!));
}

/**
 * Measures one built page. `page` is the HTML file's path relative to
 * `outDir`, such as `indicators/w-1/index.html`; `base` is the path the
 * site is served under. Throws when an asset the page references is not in
 * the output folder, because the measure would then be too low.
 */
export function measurePage(outDir: string, page: string, base = '/'): PageWeight {
  const htmlBytes = readFileSync(join(outDir, page));
  const baseUrl = new URL(base, 'http://site.invalid');
  const pageUrl = new URL(page.replace(/(^|\/)index\.html$/, '$1'), baseUrl).href;
  const assets = listPageAssets(htmlBytes.toString('utf8'));

  const toFile = (reference: string, from: string): string | null => {
    const url = new URL(reference, from);
    if (url.origin !== baseUrl.origin) return null;
    if (!url.pathname.startsWith(baseUrl.pathname)) throw new Error(`${page}: asset ${reference} is outside the base path ${base}`);
    const file = decodeURIComponent(url.pathname.slice(baseUrl.pathname.length));
    if (!existsSync(join(outDir, file))) throw new Error(`${page}: asset ${reference} is not in ${outDir}`);
    return file;
  };

  const cssFiles = unique(assets.stylesheets.map((href) => toFile(href, pageUrl)).filter((file) => file !== null));

  const jsFiles: string[] = [];
  const queue = assets.scripts.map((src) => toFile(src, pageUrl)).filter((file) => file !== null);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (jsFiles.includes(file)) continue;
    jsFiles.push(file);
    const moduleUrl = new URL(file, baseUrl).href;
    for (const specifier of listStaticImports(readFileSync(join(outDir, file), 'utf8'))) {
      // A bare specifier such as "vega" cannot appear in built output; skip it rather than guess a file.
      if (!/^(\.{0,2}\/|[a-z]+:)/i.test(specifier)) continue;
      const imported = toFile(specifier, moduleUrl);
      if (imported !== null) queue.push(imported);
    }
  }

  return {
    page,
    html: weigh([htmlBytes]),
    css: weigh(cssFiles.map((file) => readFileSync(join(outDir, file)))),
    js: weigh(jsFiles.map((file) => readFileSync(join(outDir, file)))),
    cssFiles,
    jsFiles,
  };
}

/** Sums raw and gzipped sizes of files compressed one by one. */
export function weigh(files: readonly Uint8Array[]): Weight {
  let raw = 0;
  let gzip = 0;
  for (const bytes of files) {
    raw += bytes.byteLength;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { raw, gzip };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
