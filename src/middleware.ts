import { defineMiddleware } from 'astro:middleware';
import { chartSlotFiller } from './lib/charts/chart-slots.ts';

/**
 * Fills each page's chart slots as Astro renders it, when `scorecard build`
 * has every chart in its cache before the pages (see `chart-slots.ts`).
 * Otherwise, as in a cold build or the dev server, pages pass through
 * unchanged and the build fills the slots after Astro.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const fill = chartSlotFiller();
  if (fill === null || !response.headers.get('content-type')?.startsWith('text/html')) return response;

  const html = Buffer.from(await response.arrayBuffer());
  let filled: Buffer | null;
  try {
    filled = fill(html);
  } catch (error) {
    throw new Error(`Filling the chart slots of ${context.url.pathname} failed: ${(error as Error).message}`);
  }
  // Both buffers sit on an ordinary ArrayBuffer, never a SharedArrayBuffer, as a response body must.
  const body = (filled ?? html) as Uint8Array<ArrayBuffer>;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
});
