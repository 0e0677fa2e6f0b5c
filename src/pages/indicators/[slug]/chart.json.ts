import type { APIRoute } from 'astro';
import { buildEmbeddableSpec } from '../../../lib/charts/chart-renderer.ts';
import { buildHistoryChartJob } from '../../../lib/site/chart-jobs.ts';
import { loadSite } from '../../../lib/site/load-site.ts';
import { getIndicatorNotes } from '../../../utils/commentary.ts';

/**
 * Serves the Vega-Lite spec of an indicator's history chart with its data inline,
 * fetched by the page only when a reader asks for the interactive chart, so
 * the page itself stays light.
 */
export function getStaticPaths() {
  return loadSite().edition.indicators.map((view) => ({ params: { slug: view.slug }, props: { slug: view.slug } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { edition } = loadSite();
  const view = edition.indicators.find((candidate) => candidate.slug === props.slug)!;
  const noteMonths = (await getIndicatorNotes(view.indicator.code, edition.month)).map((entry) => entry.data.month).reverse();
  const spec = buildEmbeddableSpec(buildHistoryChartJob(view, noteMonths));
  return new Response(JSON.stringify(spec), { headers: { 'Content-Type': 'application/json' } });
};
