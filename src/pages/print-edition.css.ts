import type { APIRoute } from 'astro';
import { formatMonthLong } from '../lib/data/month.ts';
import { loadSite } from '../lib/site/load-site.ts';

/**
 * Serves the edition stamp as a CSS custom property, which site.css's `@page` rules
 * print in the bottom margin of every printed page. It is a stylesheet of its
 * own, not an inline style, so a Content-Security-Policy of
 * `style-src 'self'` still applies, and it prints with JavaScript off.
 */
export const GET: APIRoute = () => {
  const { edition, commit } = loadSite();
  const stamp = `Children's services scorecard · data to ${formatMonthLong(edition.month)} · commit ${commit}`;
  const css = `@charset "UTF-8";\n:root { --print-edition-stamp: ${cssString(stamp)}; }\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};

/** Quotes text as a CSS string, escaping quotes, backslashes and line breaks. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}
