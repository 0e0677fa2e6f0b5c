import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { loadSite } from '../../../lib/site/load-site.ts';

/** Serves one indicator's monthly values as CSV, linked from its page. */
export function getStaticPaths() {
  return loadSite().edition.indicators.map((view) => ({ params: { slug: view.slug }, props: { slug: view.slug } }));
}

export const GET: APIRoute = ({ props }) => {
  const view = loadSite().edition.indicators.find((candidate) => candidate.slug === props.slug)!;
  const rows = view.series.map((point) => [view.indicator.code, point.month, point.value === null ? '' : String(point.value), point.note]);
  return new Response(stringify([['code', 'month', 'value', 'note'], ...rows]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
