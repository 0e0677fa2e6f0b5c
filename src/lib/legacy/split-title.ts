/**
 * Separates an export title from what does not belong in it: HTML markup
 * (`<i>…</i>`) and a footnote written after an asterisk
 * (`… CWD *(Excludes 16-25 Case Allocations)`).
 */
export interface SplitTitle {
  title: string;
  footnote: string;
  /** The markup removed, for the import report; empty when there was none. */
  markup: string[];
}

const TAG = /<\/?[a-z][^>]*>/gi;
const FOOTNOTE = /\s*\*\s*(?:\((.+)\)|([A-Z].*))$/;

export function splitTitle(raw: string): SplitTitle {
  const markup = raw.match(TAG) ?? [];
  const plain = raw.replace(TAG, '').replace(/\s+/g, ' ').trim();

  const footnote = FOOTNOTE.exec(plain);
  if (!footnote) return { title: plain, footnote: '', markup };

  return {
    title: plain.slice(0, footnote.index).trim(),
    footnote: (footnote[1] ?? footnote[2] ?? '').trim(),
    markup,
  };
}
