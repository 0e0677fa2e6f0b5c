// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { chartPages } from './src/lib/charts/chart-pages.ts';

/**
 * The site is static HTML. `SCORECARD_BASE` sets the sub-path it is served
 * under on the intranet (for example /performance/scorecard/); every link
 * and asset is built relative to it.
 */
const base = process.env.SCORECARD_BASE ?? '/';

// Astro fills import.meta.env from the environment too, so a BASE_URL variable (Vitest sets one for the builds
// its tests start) would replace this base in every page's links.
delete process.env.BASE_URL;

export default defineConfig({
  base,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Separate files keep every style and script cacheable and let a strict Content-Security-Policy apply.
    inlineStylesheets: 'never',
    // Several pages at once, so a page's file write overlaps the next page's rendering. At 2,000 indicators, 1 and 4
    // gave build times within this machine's noise of each other.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  integrations: [mdx(), chartPages()],
  vite: {
    build: {
      assetsInlineLimit: 0,
      // vega-embed's bundle (about 900 kB before compression) loads only when a reader asks for an interactive chart.
      chunkSizeWarningLimit: 1500,
    },
  },
});
