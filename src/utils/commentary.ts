import { getCollection, type CollectionEntry } from 'astro:content';

/**
 * Commentary entries grouped once per build, because every indicator page
 * requests its own notes and scanning the whole collection per page grows
 * with indicators × notes.
 */

let notesByIndicator: Promise<Map<string, CollectionEntry<'notes'>[]>> | null = null;

/** Notes of one indicator dated up to `edition`, newest first (ties in file order). */
export async function getIndicatorNotes(code: string, edition: string): Promise<CollectionEntry<'notes'>[]> {
  notesByIndicator ??= getCollection('notes').then((entries) => {
    const groups = new Map<string, CollectionEntry<'notes'>[]>();
    for (const entry of entries) groups.set(entry.data.indicator, [...(groups.get(entry.data.indicator) ?? []), entry]);
    return groups;
  });

  const notes = (await notesByIndicator).get(code) ?? [];
  return notes
    .filter((entry) => entry.data.month <= edition)
    .sort((a, b) => b.data.month.localeCompare(a.data.month) || a.id.localeCompare(b.id));
}
