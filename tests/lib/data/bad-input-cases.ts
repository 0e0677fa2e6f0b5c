import { fileURLToPath } from 'node:url';
import type { Finding } from '../../../src/lib/findings.ts';

/**
 * The corpus under tests/fixtures/bad: one small project per defect, each
 * built from the same valid base (W 1 and FD 8, Apr and May 2018) with one
 * change. Each case lists every finding `check` must report, in the order
 * it prints them, and a phrase its message must contain.
 *
 * Lines of the base files:
 * - indicators.csv: 1 header, 2 W 1 (lower, number, 1 dp), 3 FD 8 (lower, percent, 0 dp).
 * - targets.csv: 1 header, 2 W 1 2018-19 (target 17, green 17, red 20.1), 3 FD 8 2018-19 (22, 22, 26).
 * - values.csv: 1 header (code,month,value,note), 2 W 1 Apr, 3 W 1 May, 4 FD 8 Apr, 5 FD 8 May.
 *
 * The base rates green (W 1: (16.2 + 16.8) / 2 = 16.5 ≤ 17; FD 8: (17 + 19) / 2
 * = 18 ≤ 22), so no case gets a warning about a red or amber rating without a
 * note.
 */

export const BAD_FIXTURES = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));

export type ExpectedFinding = Omit<Finding, 'message'> & { messageContains: string };

export interface BadInputCase {
  name: string;
  findings: ExpectedFinding[];
}

function error(file: string, line: number | null, column: number | null, code: string | null, kind: string, messageContains: string): ExpectedFinding {
  return { file, line, column, severity: 'error', code, kind, messageContains };
}

const INDICATORS = 'data/indicators.csv';
const TARGETS = 'data/targets.csv';
const VALUES = 'data/values.csv';

export const BAD_INPUT_CASES: BadInputCase[] = [
  {
    // Header gains a ninth column "comment".
    name: 'column-unknown',
    findings: [error(INDICATORS, 1, 9, null, 'column-unknown', 'Unknown column "comment"')],
  },
  {
    // Header "code,month,note" has no value column; a missing column has no column number.
    name: 'column-missing',
    findings: [error(VALUES, 1, null, null, 'column-missing', 'Required column "value" is missing')],
  },
  {
    // Line 4 defines W 1 again.
    name: 'duplicate-indicator',
    findings: [error(INDICATORS, 4, 1, 'W 1', 'duplicate-indicator', 'first on line 2')],
  },
  {
    // Line 6 repeats W 1 2018-05 (first on line 3); month is column 2.
    name: 'duplicate-value',
    findings: [error(VALUES, 6, 2, 'W 1', 'duplicate-value', 'already given on line 3')],
  },
  {
    // FD 8 May (line 5) is "4l%": a letter l for the digit 1, and a percent sign.
    name: 'value-letter-for-digit',
    findings: [error(VALUES, 5, 3, 'FD 8', 'value-not-number', 'Value "4l%" for 2018-05')],
  },
  {
    name: 'value-not-available',
    findings: [error(VALUES, 3, 3, 'W 1', 'value-not-number', 'leave the cell empty')],
  },
  {
    name: 'value-two-points',
    findings: [error(VALUES, 3, 3, 'W 1', 'value-not-number', 'Value "1.2.3" for 2018-05')],
  },
  {
    // FD 8 is a percent indicator, so the hint explains that percentages are stored without the sign.
    name: 'value-percent-sign',
    findings: [error(VALUES, 5, 3, 'FD 8', 'value-percent-sign', 'Write 43 without the % sign')],
  },
  {
    // "1,234" is quoted, so it stays one field.
    name: 'value-thousands-separator',
    findings: [error(VALUES, 3, 3, 'W 1', 'value-thousands-separator', 'Write 1234 without thousands separators')],
  },
  {
    // "1,234" unquoted splits into value "1" and note "234".
    name: 'value-split-by-comma',
    findings: [error(VALUES, 3, 3, 'W 1', 'value-thousands-separator', 'look like the number 1,234 split at its thousands separator')],
  },
  {
    name: 'month-thirteen',
    findings: [error(VALUES, 3, 2, 'W 1', 'month-invalid', '"2018-13" is not a month')],
  },
  {
    name: 'month-spreadsheet-style',
    findings: [error(VALUES, 3, 2, 'W 1', 'month-invalid', 'Write 2018-07.')],
  },
  {
    name: 'value-unknown-indicator',
    findings: [error(VALUES, 6, 1, 'W 9', 'unknown-indicator', 'Indicator "W 9" is not in data/indicators.csv')],
  },
  {
    // values.csv gains a row pasted from a semicolon-separated export: W 1;2018-06;18.3;
    name: 'row-semicolon-separated',
    findings: [error(VALUES, 6, 1, 'W 1;2018-06;18.3;', 'unknown-indicator', 'separates its fields with semicolons, so it reads as one code. Separate them with commas')],
  },
  {
    // W 1 is lower is better, so green 20.1 above red 17 is reversed; reported on the green column.
    name: 'cut-points-reversed',
    findings: [error(TARGETS, 2, 4, 'W 1', 'cut-points-reversed', 'the green cut must be below the red cut')],
  },
  {
    name: 'target-year-single',
    findings: [error(TARGETS, 2, 2, 'W 1', 'year-not-financial', 'Year "2018" is not a financial year')],
  },
  {
    name: 'target-year-two-years',
    findings: [error(TARGETS, 2, 2, 'W 1', 'year-not-financial', 'Year "2018-20" is not a financial year')],
  },
  {
    // Front matter starts on line 2 of the note, with the indicator key there.
    name: 'note-unknown-indicator',
    findings: [error('content/notes/w9-2018-05.mdx', 2, 1, 'W 9', 'unknown-indicator', 'Front matter indicator "W 9"')],
  },
  {
    // W 1 has rows for Apr and May 2018 only; the month key is on line 3.
    name: 'note-month-without-data',
    findings: [error('content/notes/w1-2018-09.mdx', 3, 1, 'W 1', 'unknown-month', 'Front matter month 2018-09')],
  },
  {
    // The second "month" key sits on line 4 of the file (YAML line 3).
    name: 'front-matter-duplicate-key',
    findings: [error('content/notes/w1-2018-05.mdx', 4, 1, null, 'front-matter-invalid', 'Map keys must be unique')],
  },
  {
    // W 1's title on line 2 contains "½" as the Latin-1 byte 0xBD. The finding gives no column for a byte.
    name: 'not-utf8',
    findings: [error(INDICATORS, 2, null, null, 'not-utf8', 'The file is not UTF-8 text')],
  },
  {
    name: 'semicolon-separated',
    findings: [error(VALUES, 1, 1, null, 'not-comma-separated', 'looks like a semicolon-separated export')],
  },
  {
    // CRLF file whose W 1 Apr note (lines 2–3) and FD 8 May note (lines 6–7) hold quoted line breaks;
    // the bad FD 8 value is reported where its row starts.
    name: 'quoted-line-breaks',
    findings: [error(VALUES, 6, 3, 'FD 8', 'value-not-number', 'Value "n/a" for 2018-05')],
  },
  {
    // Every problem is reported, not just the first.
    name: 'three-errors',
    findings: [
      error(VALUES, 3, 3, 'W 1', 'value-not-number', 'Value "4l%" for 2018-05'),
      error(VALUES, 5, 2, 'FD 8', 'month-invalid', 'Write 2018-07.'),
      error(VALUES, 6, 1, 'W 9', 'unknown-indicator', 'Indicator "W 9"'),
    ],
  },
  {
    // All three files start with a byte-order mark and end lines with CRLF, which is accepted silently.
    name: 'bom-and-crlf',
    findings: [],
  },
];
