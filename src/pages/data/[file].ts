import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/site/load-site.ts';

/** The three data files, published as they are in git, for readers who want the numbers. */
const FILES = ['indicators.csv', 'targets.csv', 'values.csv'];

export function getStaticPaths() {
  return FILES.map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) => {
  const text = readFileSync(join(loadSite().root, 'data', params.file!), 'utf8');
  return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
