import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer, PrerenderResult } from 'astro';
import { hasChartSlots } from './chart-slots.ts';

/**
 * Pages written with their charts as Astro renders them. When every chart
 * is in the cache before Astro starts, as in a rebuild after a commentary
 * change, the build sets a page sink on `globalThis`. This integration then
 * wraps Astro's prerenderer: each rendered page with chart slots goes to the
 * sink, which writes it with its SVGs on another thread, and Astro gets a
 * response without a body, for which it writes no file. So no page is
 * written twice, and the filling overlaps Astro's rendering of later pages.
 * Without a sink, the integration does nothing and the build fills the
 * slots after Astro (see `chart-slots.ts`).
 */

/** Set on `globalThis` by `scorecard build` to the page sink, before it starts Astro. */
export const CHART_PAGES = Symbol.for('scorecard.chartPages');

/** Writes a page with its chart slots filled. */
export interface PageSink {
  /** Writes the UTF-8 page `html` to `file`. It may take `html` over, so the caller must not use it afterwards. */
  write(file: string, html: ArrayBuffer): Promise<void>;
}

/** Creates the Astro integration. It reads the sink when each build starts, so one config serves builds with and without one. */
export function chartPages(): AstroIntegration {
  let base = '/';
  return {
    name: 'scorecard:chart-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const sink = (globalThis as Record<symbol, unknown>)[CHART_PAGES] as PageSink | null | undefined;
        if (sink) setPrerenderer((prerenderer, { outputDirectories }) => withChartPages(prerenderer, sink, outputDirectories.client, base));
      },
    },
  };
}

/**
 * Returns `prerenderer` with its rendered HTML pages that have chart slots
 * sent to `sink` as files under `outDir`, for a site served under `base`.
 */
export function withChartPages(prerenderer: AstroPrerenderer, sink: PageSink, outDir: URL, base: string): AstroPrerenderer {
  return {
    ...prerenderer,
    name: 'scorecard:chart-pages',
    async render(request, options) {
      const rendered = await prerenderer.render(request, options);
      const result: PrerenderResult = rendered instanceof Response ? { response: rendered } : rendered;
      const { response } = result;
      if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return result;

      // The body can be read once, so a page without slots goes back to Astro in a new response.
      const init = { status: response.status, statusText: response.statusText, headers: response.headers };
      const html = await response.arrayBuffer();
      if (!hasChartSlots(new Uint8Array(html))) return { ...result, response: new Response(html, init) };

      await sink.write(pageFile(request.url, base, outDir), html);
      return { ...result, response: new Response(null, init) };
    },
  };
}

/**
 * Returns the file under `outDir` that Astro writes for the page at `url`,
 * for a site served under `base`, with `build.format: 'directory'`: the
 * page's folder and `index.html`. Throws for a URL that does not end in a
 * slash, whose file that format names differently.
 */
export function pageFile(url: string, base: string, outDir: URL): string {
  const pathname = new URL(url).pathname;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix) || !pathname.endsWith('/')) {
    throw new Error(
      `the page ${pathname} has charts but is not a folder under the base path ${prefix}. Pages with charts need build.format 'directory' and trailingSlash 'always' in astro.config.mjs.`,
    );
  }
  return fileURLToPath(new URL(`.${pathname.slice(prefix.length - 1)}index.html`, outDir));
}
