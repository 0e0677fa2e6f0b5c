// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

/**
 * The site is static HTML. `SCORECARD_BASE` sets the sub-path it is served
 * under on the intranet (for example /performance/scorecard/); every link
 * and asset is built relative to it.
 */
const base = process.env.SCORECARD_BASE ?? '/';

export default defineConfig({
  base,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Separate files keep every style and script cacheable and let a strict Content-Security-Policy apply.
    inlineStylesheets: 'never',
    // Pages wait for charts drawn on worker threads; rendering several at once keeps the main thread busy meanwhile.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  integrations: [mdx()],
  vite: {
    build: {
      assetsInlineLimit: 0,
      // vega-embed's bundle (about 900 kB before compression) loads only when a reader asks for an interactive chart.
      chunkSizeWarningLimit: 1500,
    },
  },
});
