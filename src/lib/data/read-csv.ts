import { parse } from 'csv-parse/sync';
import type { Finding } from '../findings.ts';

/**
 * Reads a CSV file's bytes into rows keyed by header, with the line of each
 * row, after checking the things a spreadsheet export gets wrong: the
 * encoding, the separator and the header. A byte-order mark and CRLF line
 * ends are accepted silently.
 */

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  /** Field text by column name; a missing optional column reads as ''. */
  fields: Record<string, string>;
  /** 1-based column number of each named column. */
  columns: Record<string, number>;
  /** Fields beyond the header, which the loader reports. */
  extra: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses `bytes` as UTF-8 CSV with a header row. Returns null, with findings,
 * when the file cannot be read as comma-separated text at all.
 */
export function readCsv(
  bytes: Uint8Array,
  file: string,
  expected: readonly string[],
  optional: ReadonlySet<string>,
  findings: Finding[],
): CsvTable | null {
  const fail = (kind: string, message: string, line: number | null = null, column: number | null = null) => {
    findings.push({ file, line, column, severity: 'error', code: null, kind, message });
    return null;
  };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return fail('not-utf8', 'The file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8 (comma delimited)".', line, null);
  }
  text = text.replace(/^\uFEFF/, '');

  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return fail('header-missing', `The file has no header row. The first line must be: ${expected.join(',')}`, 1, 1);

  const separator = guessSeparator(firstLine);
  if (separator !== ',') {
    const name = separator === ';' ? 'semicolon' : 'tab';
    return fail('not-comma-separated', `This looks like a ${name}-separated export. Save it as comma-separated CSV ("CSV UTF-8 (comma delimited)") with the header ${expected.join(',')}.`, 1, 1);
  }

  let records: { record: string[]; info: { bytes: number; empty_lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const parseError = error as { lines?: number; message: string };
    return fail('csv-invalid', `The file is not valid CSV: ${parseError.message.replace(/^Invalid Record Length: |^CSV_\w+: /, '')}. Check for an unclosed quote near this line.`, parseError.lines ?? null, null);
  }

  const startLines = recordStartLines(text, records);
  const [headerRecord, ...body] = records;
  const header = headerRecord!.record.map((name) => name.trim());
  let headerOk = true;

  header.forEach((name, index) => {
    if (!expected.includes(name)) {
      headerOk = false;
      fail('column-unknown', `Unknown column "${name}". The columns are: ${expected.join(', ')}.`, 1, index + 1);
    }
    if (header.indexOf(name) !== index) {
      headerOk = false;
      fail('column-duplicate', `Column "${name}" appears twice. Remove one.`, 1, index + 1);
    }
  });
  for (const name of expected) {
    if (!header.includes(name) && !optional.has(name)) {
      headerOk = false;
      fail('column-missing', `Required column "${name}" is missing. The header must be: ${expected.join(',')}`, 1, null);
    }
  }
  if (!headerOk) return null;

  const rows = body.map(({ record }, bodyIndex) => {
    const fields: Record<string, string> = {};
    const columns: Record<string, number> = {};
    for (const name of expected) {
      const index = header.indexOf(name);
      fields[name] = index >= 0 ? (record[index] ?? '').trim() : '';
      columns[name] = index >= 0 ? index + 1 : 0;
    }
    return { line: startLines[bodyIndex + 1]!, fields, columns, extra: record.slice(header.length) };
  });

  return { header, rows };
}

/**
 * Returns the 1-based line on which each record starts. In csv-parse 7.0.3,
 * `info.lines` is the line where a record ends, and it counts a CRLF inside
 * quotes as two lines, so a quoted line break in a note would move every
 * later finding. A record starts on the line after the previous record ends
 * (found by counting line feeds up to `info.bytes`, a UTF-8 byte offset),
 * plus the blank lines skipped in between (the growth of `info.empty_lines`).
 */
function recordStartLines(text: string, records: readonly { info: { bytes: number; empty_lines: number } }[]): number[] {
  const bytes = new TextEncoder().encode(text);
  const starts: number[] = [];
  let lineFeeds = 0;
  let offset = 0;
  let emptyLines = 0;
  for (const { info } of records) {
    starts.push(lineFeeds + 1 + (info.empty_lines - emptyLines));
    emptyLines = info.empty_lines;
    for (; offset < info.bytes && offset < bytes.length; offset++) {
      if (bytes[offset] === 0x0a) lineFeeds++;
    }
  }
  return starts;
}

/** Guesses the separator of a header line: the most frequent of comma, semicolon and tab. */
function guessSeparator(line: string): ',' | ';' | '\t' {
  const count = (character: string) => line.split(character).length - 1;
  const candidates: [',' | ';' | '\t', number][] = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] === 0 ? ',' : candidates[0]![0];
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line++;
      start = index + 1;
    }
  }
  return 1;
}
