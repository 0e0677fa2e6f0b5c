import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/findings.ts';
import { OPTIONAL_COLUMNS, VALUE_COLUMNS } from '../../../src/lib/data/csv-columns.ts';
import { readCsv } from '../../../src/lib/data/read-csv.ts';

function read(text: string | Uint8Array) {
  const findings: Finding[] = [];
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const table = readCsv(bytes, 'data/values.csv', VALUE_COLUMNS, OPTIONAL_COLUMNS, findings);
  return { table, findings };
}

describe('readCsv', () => {
  it('keys fields by header', () => {
    const { table, findings } = read('code,month,value,note\nW 1,2018-04,19.2,Two leavers\n');

    expect(findings).toEqual([]);
    expect(table?.header).toEqual(['code', 'month', 'value', 'note']);
    expect(table?.rows[0]?.fields).toEqual({ code: 'W 1', month: '2018-04', value: '19.2', note: 'Two leavers' });
    expect(table?.rows[0]?.columns).toEqual({ code: 1, month: 2, value: 3, note: 4 });
    expect(table?.rows[0]?.line).toBe(2);
  });

  it('reads columns in any order', () => {
    const { table } = read('month,code,value\n2018-04,W 1,19.2\n');

    expect(table?.rows[0]?.fields).toEqual({ code: 'W 1', month: '2018-04', value: '19.2', note: '' });
    expect(table?.rows[0]?.columns).toEqual({ code: 2, month: 1, value: 3, note: 0 });
  });

  it.each([
    // Lines: 1 header, 2 W 1 Apr, 3 blank, 4–5 W 1 May with a quoted break, 6 W 1 Jun.
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('counts lines with %s ends', (_, end) => {
    const text = ['code,month,value,note', 'W 1,2018-04,19.2,', '', `W 1,2018-05,20.1,"Two leavers.${end}Agency cover."`, 'W 1,2018-06,20.6,'].join(end) + end;
    const { table } = read(text);

    expect(table?.rows.map((row) => row.line)).toEqual([2, 4, 6]);
    expect(table?.rows[1]?.fields.note).toBe(`Two leavers.${end}Agency cover.`);
  });

  it('counts lines after non-ASCII text', () => {
    // "½" is two bytes in UTF-8 but one character; line numbers must not drift.
    const { table } = read('code,month,value,note\nW 1,2018-04,19.2,"½-time worker\ncounted as ½"\n\n\nW 1,2018-05,20.1,\n');

    expect(table?.rows.map((row) => row.line)).toEqual([2, 6]);
  });

  it('accepts BOM silently', () => {
    const { table, findings } = read('\uFEFFcode,month,value,note\r\nW 1,2018-04,19.2,\r\n');

    expect(findings).toEqual([]);
    expect(table?.header[0]).toBe('code');
  });

  it('trims header and fields', () => {
    const { table } = read(' code , month ,value\nW 1 , 2018-04 , 19.2\n');

    expect(table?.rows[0]?.fields).toEqual({ code: 'W 1', month: '2018-04', value: '19.2', note: '' });
  });

  it('keeps fields beyond header', () => {
    const { table } = read('code,month,value,note\nW 1,2018-04,1,234,Agency\n');

    expect(table?.rows[0]?.extra).toEqual(['Agency']);
  });

  it('reports every header problem', () => {
    // "vlaue" is unknown, "month" repeats, and the required "value" is then missing.
    const { table, findings } = read('code,month,vlaue,month\nW 1,2018-04,19.2,2018-04\n');

    expect(table).toBeNull();
    expect(findings.map((finding) => [finding.kind, finding.line, finding.column])).toEqual([
      ['column-unknown', 1, 3],
      ['column-duplicate', 1, 4],
      ['column-missing', 1, null],
    ]);
  });

  it('reports empty file', () => {
    const { table, findings } = read('');

    expect(table).toBeNull();
    expect(findings.map((finding) => finding.kind)).toEqual(['header-missing']);
  });

  it('reports tab-separated file', () => {
    const { findings } = read('code\tmonth\tvalue\tnote\nW 1\t2018-04\t19.2\t\n');

    expect(findings.map((finding) => finding.kind)).toEqual(['not-comma-separated']);
    expect(findings[0]?.message).toContain('tab-separated');
  });

  it('reports unclosed quote', () => {
    const { table, findings } = read('code,month,value,note\nW 1,2018-04,"19.2,\nW 1,2018-05,20.1,\n');

    expect(table).toBeNull();
    expect(findings.map((finding) => finding.kind)).toEqual(['csv-invalid']);
    expect(findings[0]?.message).toContain('unclosed quote');
  });

  it('finds line of invalid byte', () => {
    // 0xE9 is "é" in Latin-1 and never valid on its own in UTF-8.
    const bytes = new Uint8Array([...new TextEncoder().encode('code,month,value,note\nW 1,2018-04,19.2,\nW 1,2018-05,20.1,caf'), 0xe9, 0x0a]);
    const { table, findings } = read(bytes);

    expect(table).toBeNull();
    expect(findings.map((finding) => [finding.kind, finding.line, finding.column])).toEqual([['not-utf8', 3, null]]);
  });
});
