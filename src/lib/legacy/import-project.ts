import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DATA_FILES } from '../data/csv-columns.ts';
import { writeIndicatorsCsv, writeTargetsCsv, writeValuesCsv } from '../data/write-data.ts';
import type { Finding } from '../findings.ts';
import { slugify } from '../text/slug.ts';
import { writeFilesAtomically } from './atomic-write.ts';
import { convertExport, type ConvertedExport } from './convert-export.ts';

/**
 * Imports a spreadsheet export into a project folder. A first import writes
 * the three data files and a commentary stub per section. A later import
 * merges: new months and indicators are added, revised past values are
 * reported, and no file the importer did not write is replaced unless
 * `force` is set. Commentary is never overwritten, with or without `force`.
 */

export interface ImportOptions {
  /** Project folder holding `data/` and `content/`. */
  root: string;
  /** Replace files that were edited since the importer wrote them, and take revised values. */
  force: boolean;
}

export interface ImportResult {
  converted: ConvertedExport;
  findings: Finding[];
  /** Paths written, relative to the root. */
  written: string[];
  /** Paths left as they were, with the reason. */
  kept: { file: string; reason: string }[];
}

/** Record of what the importer last wrote, so it can tell an analyst's edit from its own output. */
const MANIFEST = 'data/.import-manifest.json';

/** The findings of the last import, published on the data-quality page. */
export const IMPORT_REPORT = 'data/import-report.json';

export function importExport(exportText: string, exportFile: string, options: ImportOptions): ImportResult {
  const converted = convertExport(exportText, exportFile);
  const findings = [...converted.findings];
  const result: ImportResult = { converted, findings, written: [], kept: [] };
  // Nothing is written from an export with errors: a half-converted month must not reach data/.
  if (findings.some((finding) => finding.severity === 'error')) return result;

  const manifest = readManifest(options.root);
  const outputs = new Map<string, string>();

  const fresh = {
    [DATA_FILES.indicators]: writeIndicatorsCsv(converted.indicators),
    [DATA_FILES.targets]: writeTargetsCsv(converted.targets),
  };

  for (const [file, text] of Object.entries(fresh)) {
    const current = readText(options.root, file);
    if (current === null) {
      outputs.set(file, text);
      continue;
    }

    // A file unchanged since the importer wrote it takes the export's changes. An edited file takes them only with --force.
    const editedSinceImport = manifest[file] !== hash(current);
    const update = !editedSinceImport || options.force;
    const merged = mergeRows(current, text, file === DATA_FILES.targets ? 2 : 1, update);

    for (const change of merged.changed) {
      const action = update
        ? 'The export\'s row was taken.'
        : `The row was kept, because ${file} was edited since the last import; run the import with --force to take the export's row.`;
      findings.push({ file, line: change.line, column: null, severity: 'warning', code: change.code, kind: 'row-changed', message: `The export changes this row from "${change.before}" to "${change.after}". ${action}` });
    }
    if (merged.text !== null) outputs.set(file, merged.text);
    if (editedSinceImport && merged.changed.length > 0 && !update) {
      result.kept.push({ file, reason: 'edited since the last import, so changed rows were kept and only new rows were added; run with --force to take the export\'s rows' });
    }
  }

  const values = mergeValues(readText(options.root, DATA_FILES.values), converted, exportFile, options.force, findings);
  if (values !== null) outputs.set(DATA_FILES.values, values);

  for (const section of new Set(converted.indicators.map((indicator) => indicator.section))) {
    const file = `content/sections/${slugify(section)}.mdx`;
    if (readText(options.root, file) === null) outputs.set(file, commentaryStub(section));
  }

  // The report is kept beside the data so the site's data-quality page can show readers where a figure needs care.
  const report = findings.map((finding) => ({ ...finding, file: basename(finding.file) }));
  outputs.set(IMPORT_REPORT, `${JSON.stringify(report, null, 2)}\n`);

  const nextManifest = { ...manifest };
  for (const [file, text] of outputs) {
    if (file.startsWith('data/') && file.endsWith('.csv')) nextManifest[file] = hash(text);
  }
  outputs.set(MANIFEST, `${JSON.stringify(nextManifest, null, 2)}\n`);

  writeFilesAtomically(new Map([...outputs].map(([file, text]) => [join(options.root, file), text])));
  result.written = [...outputs.keys()].filter((file) => file !== MANIFEST && file !== IMPORT_REPORT);
  return result;
}

/**
 * Merges the export's values into the existing values file. Existing rows
 * keep their text; rows for new months or indicators are appended at the
 * end. A past value that differs is reported with both figures, and is taken
 * only with `force`.
 */
function mergeValues(current: string | null, converted: ConvertedExport, exportFile: string, force: boolean, findings: Finding[]): string | null {
  const valueTexts = new Map(converted.valueTexts);
  const textOf = (code: string, month: string, value: number | null) => (value === null ? '' : (valueTexts.get(`${code}\u0000${month}`) ?? String(value)));
  const fresh = writeValuesCsv(converted.observations, (observation) => textOf(observation.code, observation.month, observation.value));
  if (current === null) return fresh;

  const rows = parse(current, { skip_empty_lines: true, bom: true }) as string[][];
  const header = rows[0] ?? [];
  const codeIndex = header.indexOf('code');
  const monthIndex = header.indexOf('month');
  const valueIndex = header.indexOf('value');
  const noteIndex = header.indexOf('note');
  const existing = new Map<string, string[]>();
  for (const row of rows.slice(1)) existing.set(`${row[codeIndex]}\u0000${row[monthIndex]}`, row);

  let changed = false;
  const added: string[][] = [];
  const ordered = [...converted.observations].sort((a, b) => a.month.localeCompare(b.month));
  for (const observation of ordered) {
    const key = `${observation.code}\u0000${observation.month}`;
    const newText = textOf(observation.code, observation.month, observation.value);
    const row = existing.get(key);

    if (!row) {
      const fields = header.map(() => '');
      fields[codeIndex] = observation.code;
      fields[monthIndex] = observation.month;
      fields[valueIndex] = newText;
      if (noteIndex >= 0) fields[noteIndex] = observation.note;
      added.push(fields);
      continue;
    }

    const oldText = row[valueIndex] ?? '';
    if (oldText === newText || (oldText !== '' && newText !== '' && Number(oldText) === Number(newText))) continue;

    const action = force ? 'The new figure was taken (--force).' : 'The old figure was kept; run the import with --force to take the new one.';
    findings.push({
      file: exportFile,
      line: null,
      column: null,
      severity: 'warning',
      code: observation.code,
      kind: 'value-revised',
      message: `The value for ${observation.month} was revised from ${oldText === '' ? 'no data' : oldText} to ${newText === '' ? 'no data' : newText}. ${action}`,
    });
    if (force) {
      row[valueIndex] = newText;
      changed = true;
    }
  }

  if (!changed && added.length === 0) return null;
  if (!changed) return ensureNewline(current) + stringify(added);
  return stringify([header, ...rows.slice(1), ...added]);
}

/**
 * Merges the rows of `fresh` into `current`, matching rows by their first
 * `keyColumns` fields. Rows only in `fresh` are appended; rows in both that
 * differ are listed, and replaced when `update` is set. No row is ever
 * removed, so targets an analyst added for another year survive an import.
 * `text` is null when nothing changes.
 */
function mergeRows(current: string, fresh: string, keyColumns: number, update: boolean): { text: string | null; changed: { code: string; line: number; before: string; after: string }[] } {
  const key = (row: string[]) => row.slice(0, keyColumns).join('\u0000');
  const currentRows = parse(current, { skip_empty_lines: true, bom: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const freshRows = (parse(fresh, { skip_empty_lines: true }) as string[][]).slice(1);
  const freshByKey = new Map(freshRows.map((row) => [key(row), row]));
  const header = currentRows[0]?.record ?? [];

  const changed: { code: string; line: number; before: string; after: string }[] = [];
  const seen = new Set<string>();
  const rows = currentRows.slice(1).map(({ record, info }) => {
    seen.add(key(record));
    const replacement = freshByKey.get(key(record));
    if (!replacement || replacement.join(',') === record.join(',')) return record;
    changed.push({ code: record[0] ?? '', line: info.lines, before: record.join(','), after: replacement.join(',') });
    return update ? replacement : record;
  });
  const added = freshRows.filter((row) => !seen.has(key(row)));

  if (added.length === 0 && (changed.length === 0 || !update)) return { text: null, changed };
  if (changed.length === 0 || !update) return { text: ensureNewline(current) + stringify(added), changed };
  return { text: stringify([header, ...rows, ...added]), changed };
}

function commentaryStub(section: string): string {
  return [
    '---',
    `section: ${JSON.stringify(section)}`,
    '---',
    '',
    `{/* Commentary on ${section} for readers of the scorecard. Write it in Markdown below this line. */}`,
    '',
  ].join('\n');
}

function readManifest(root: string): Record<string, string> {
  const text = readText(root, MANIFEST);
  if (text === null) return {};
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return {};
  }
}

function readText(root: string, file: string): string | null {
  const path = join(root, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
