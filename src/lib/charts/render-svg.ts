import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG string at build time, with no browser
 * and no network: the spec carries its data inline. The result is inlined in
 * the page, so charts show with JavaScript off and in print.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vegaSpec = compile(spec).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Makes the rendered SVG one accessible image: `role="img"` with a title and
 * a description, and the inner marks hidden from assistive technology,
 * because the values table beside the chart is its full text alternative.
 */
export function labelSvg(svg: string, id: string, title: string, description: string): string {
  const opening = /^<svg\b[^>]*>/.exec(svg);
  if (!opening) throw new Error('rendered chart is not an SVG document');

  const attributes = opening[0]
    .replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"`);
  const inner = svg
    .slice(opening[0].length)
    .replace(/\s(role|aria-roledescription|aria-label)="[^"]*"/g, '')
    .replace(/<g\b/, '<g aria-hidden="true"');

  return `${attributes}<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${inner}`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
