/**
 * Builds site-relative URLs under the configured base path, so the site
 * works when served from a sub-path such as /performance/scorecard/.
 * `base` is Astro's BASE_URL.
 */
export function sitePath(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

export function indicatorPath(slug: string): string {
  return `indicators/${slug}/`;
}

export function sectionPath(slug: string): string {
  return `sections/${slug}/`;
}
