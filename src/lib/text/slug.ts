/**
 * Turns a code or title into a URL path segment: `LAC 19 (12m)` becomes
 * `lac-19-12m` and `Front door` becomes `front-door`. Letters and digits are
 * kept, everything else becomes one hyphen.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Writes a title in sentence case: `FRONT DOOR` becomes `Front door`. */
export function toSentenceCase(text: string): string {
  const lower = text.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
