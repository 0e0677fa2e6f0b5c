/**
 * The columns of the three data files, in the order they are written. The
 * loader rejects an unknown column and reports a missing one, so a typo in
 * a header cannot silently drop a field.
 */
export const INDICATOR_COLUMNS = [
  'code',
  'title',
  'section',
  'polarity',
  'unit',
  'decimals',
  'owner',
  'rag_basis',
  'footnote',
  'spc',
  'spc_baseline',
  'spc_recalculate',
] as const;

export const TARGET_COLUMNS = ['code', 'year', 'target', 'green', 'red'] as const;

export const VALUE_COLUMNS = ['code', 'month', 'value', 'note'] as const;

/** Columns that may be left out of a file's header; every other column is required. */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['footnote', 'spc', 'spc_baseline', 'spc_recalculate', 'note']);

export const DATA_FILES = {
  indicators: 'data/indicators.csv',
  targets: 'data/targets.csv',
  values: 'data/values.csv',
} as const;
