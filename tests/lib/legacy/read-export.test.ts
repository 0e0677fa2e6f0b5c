import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../src/lib/legacy/read-export.ts';

const EXPORT_TEXT = readFileSync(fileURLToPath(new URL('../../fixtures/scorecard-export-2018-07.tsv', import.meta.url)), 'utf8');

const HEADER = ['Indicator Number', 'Indicator Title', 'Polarity', 'Apr-18', 'May-18', '2018-19 Target', 'Target Owner', 'RAG', 'RAG Methodology'].join('\t');

describe('readExport on real export', () => {
  const table = readExport(EXPORT_TEXT);

  it('finds 35 indicator rows', () => {
    expect(table.rows).toHaveLength(35);
    expect(table.rows[0]?.cells.get('Indicator Number')?.text).toBe('P1');
    expect(table.rows.at(-1)?.cells.get('Indicator Number')?.text).toBe('QA 3');
  });

  it('finds 8 sections in order', () => {
    // The repeated CHILDREN IN NEED block, with and without ** emphasis, counts once.
    expect(table.sections).toEqual([
      'WORKFORCE',
      'FRONT DOOR',
      'ASSESSMENT',
      'CHILDREN IN NEED OF HELP AND PROTECTION',
      'LOOKED AFTER CHILDREN',
      'FOSTERING AND ADOPTION',
      'CARE LEAVERS',
      'QUALITY ASSURANCE',
    ]);
  });

  it('reads 16 month headers', () => {
    // Apr-17 to Mar-18 is 12 months, then Apr-18 to Jul-18 is 4.
    expect(table.monthHeaders).toHaveLength(16);
    expect(table.monthHeaders[0]).toBe('Apr-17');
    expect(table.monthHeaders.at(-1)).toBe('Jul-18');
    expect(table.targetHeader).toBe('2018-19 Target');
  });

  it('keeps source line and column', () => {
    // W 1 is on line 9; Jul-18 is the 19th column.
    const w1 = table.rows.find((row) => row.cells.get('Indicator Number')?.text === 'W 1');
    expect(w1?.line).toBe(9);
    expect(w1?.section).toBe('WORKFORCE');
    expect(w1?.cells.get('Jul-18')).toEqual({ text: '20.4', column: 19 });
  });

  it('marks stray cell and QA 1 note', () => {
    expect(table.looseLines).toContainEqual({ line: 152, text: '0.81', kind: 'stray-cell' });
    expect(table.looseLines.find((loose) => loose.line === 154)?.kind).toBe('note');
    expect(table.looseLines.find((loose) => loose.line === 154)?.text).toMatch(/^NOTE: Further investigation of QA1 data/);
  });

  it('reads N.B lines as notes', () => {
    const notes = table.looseLines.filter((loose) => loose.kind === 'note' && /YTD average/.test(loose.text));
    // Lines 29, 39, 49, 58, 99 and 120.
    expect(notes.map((loose) => loose.line)).toEqual([29, 39, 49, 58, 99, 120]);
  });
});

describe('readExport', () => {
  it('accepts BOM and CRLF', () => {
    const text = `\uFEFFWORKFORCE\t\t\r\n${HEADER}\r\nW 1\tAverage caseload\tSIB\t19.2\t20.1\t17\tPS\tRed\t17 or below Green\r\n`;
    const table = readExport(text);

    expect(table.sections).toEqual(['WORKFORCE']);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.cells.get('RAG Methodology')?.text).toBe('17 or below Green');
  });

  it('strips section emphasis', () => {
    const table = readExport(`**CARE LEAVERS**\n${HEADER}\nCL a\tPathway plans\t\t74%\t74%\t95%\tWT\tYellow\t\n`);

    expect(table.sections).toEqual(['CARE LEAVERS']);
    expect(table.rows[0]?.section).toBe('CARE LEAVERS');
  });

  it('row before header is stray', () => {
    const table = readExport(`WORKFORCE\nW 1\tAverage caseload\tSIB\t19.2\n${HEADER}\n`);

    expect(table.rows).toEqual([]);
    expect(table.looseLines).toEqual([{ line: 2, text: 'W 1 Average caseload SIB 19.2', kind: 'stray-cell' }]);
  });

  it('skips lines of spaces', () => {
    const table = readExport(`   \n\t \t\nWORKFORCE\n`);

    expect(table.looseLines).toEqual([]);
    expect(table.sections).toEqual(['WORKFORCE']);
  });
});
