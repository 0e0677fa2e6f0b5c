/**
 * Makes a chart SVG rendered by Vega one accessible image: `role="img"` with
 * a title and a description, since the values table beside the chart is its
 * full text alternative. Each mark item Vega labelled (a point, a target
 * line) gets its label as an SVG `<title>`, so it shows on hover without
 * JavaScript.
 */
export function labelSvg(svg: string, id: string, title: string, description: string): string {
  const opening = /^<svg\b[^>]*>/.exec(svg);
  if (!opening) throw new Error('rendered chart is not an SVG document');

  const root = opening[0]
    .replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"`);

  const inner = svg
    .slice(opening[0].length)
    .replace(/<(path|line|rect|text|circle)\b([^>]*?)\saria-label="([^"]*)"([^>]*?)(\/>|>)/g, (_match, tag: string, before: string, label: string, after: string, end: string) => {
      const attributes = `${before}${after}`.replace(/\s(role|aria-roledescription)="[^"]*"/g, '');
      const titleElement = `<title>${label}</title>`;
      return end === '/>' ? `<${tag}${attributes}>${titleElement}</${tag}>` : `<${tag}${attributes}>${titleElement}`;
    })
    .replace(/\s(role|aria-roledescription|aria-label)="[^"]*"/g, '');

  return `${root}<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${compactSvg(inner)}`;
}

/**
 * Drops what a static chart does not need, to keep pages light: empty
 * background and foreground paths, attributes that restate defaults or only
 * matter to Vega's interactive handlers, and coordinate digits beyond a
 * hundredth of a pixel. Circular points become `<circle>` elements. The
 * drawing is unchanged.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/<path class="(?:background|foreground)"[^>]*? d="(?:|M0,0h0v0h0Z)"[^>]*\/>/g, '')
    .replace(/ (?:opacity="1"|pointer-events="none"|aria-hidden="true")/g, '')
    .replace(/ (d|transform)="([^"]*)"/g, (_match, name: string, value: string) => ` ${name}="${compactNumbers(value)}"`)
    .replace(CIRCLE_PATH, (_match, x: string, y: string, radius: string, attributes: string, end: string, title: string | undefined) =>
      `<circle cx="${x}" cy="${y}" r="${radius}"${attributes}${end === '/>' ? '/>' : `>${title}</circle>`}`);
}

/**
 * A point drawn by Vega as a circle: a path of two half arcs of radius r
 * around the origin, moved into place by a translation. The same circle as a
 * `<circle>` element takes half the bytes, and a long series has hundreds.
 */
const CIRCLE_PATH = /<path transform="translate\(([^,)]+),([^,)]+)\)" d="M([\d.]+),0A\3,\3,0,1,1,-\3,0A\3,\3,0,1,1,\3,0"([^>]*?)(\/>|>(<title>[^<]*<\/title>)<\/path>)/g;

/** Rounds every number in `text` that has more than two decimals to hundredths of a pixel. */
export function compactNumbers(text: string): string {
  return text.replace(/-?\d+\.\d{3,}/g, roundCoordinate);
}

/**
 * Formats one coordinate exactly as `compactNumbers` would compact its
 * JavaScript text, without running a regular expression over it, because
 * the build formats hundreds of thousands of them.
 */
export function formatCoordinate(value: number): string {
  const text = String(value);
  if (text.includes('e')) return compactNumbers(text);

  const dot = text.indexOf('.');
  return dot !== -1 && text.length - dot > 3 ? roundNumber(value) : text;
}

function roundCoordinate(number: string): string {
  return roundNumber(Number(number));
}

/** Rounds to hundredths, and writes minus zero as 0. */
function roundNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
