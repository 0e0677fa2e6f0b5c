import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCommentary, readCommentary } from '../../../src/lib/content/read-commentary.ts';
import type { Scorecard } from '../../../src/lib/data/load-scorecard.ts';
import type { Indicator } from '../../../src/lib/data/types.ts';
import type { Finding } from '../../../src/lib/findings.ts';
import { makeIndicator } from '../../support/indicator.ts';

function indicator(code: string, section: string): Indicator {
  return makeIndicator({ code, title: `Title of ${code}`, section });
}

/** W 1 has values for Apr and May 2018 and a blank row for Jun; FD 8 has Apr only. */
const SCORECARD: Scorecard = {
  indicators: [indicator('W 1', 'Workforce'), indicator('FD 8', 'Front door')],
  targets: [],
  observations: [
    { code: 'W 1', month: '2018-04', value: 16.2, note: '' },
    { code: 'W 1', month: '2018-05', value: 16.8, note: '' },
    { code: 'W 1', month: '2018-06', value: null, note: 'Not yet validated' },
    { code: 'FD 8', month: '2018-04', value: 17, note: '' },
  ],
  sections: [
    { title: 'Workforce', slug: 'workforce', codes: ['W 1'] },
    { title: 'Front door', slug: 'front-door', codes: ['FD 8'] },
  ],
  edition: '2018-05',
};

const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'scorecard-commentary-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** Reads and checks the commentary of a project built from `files`. */
function check(files: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  const commentary = readCommentary(project(files), findings);
  checkCommentary(commentary, SCORECARD, findings);
  return findings;
}

const note = (frontMatter: string) => `---\n${frontMatter}\n---\n\nCaseloads fell once two new starters took cases.\n`;

describe('readCommentary', () => {
  it('reads sections and notes', () => {
    const findings: Finding[] = [];
    const root = project({
      'content/sections/workforce.mdx': '---\nsection: "Workforce"\n---\n\nStaffing improved.\n',
      'content/notes/2018/w1-2018-05.md': note('indicator: "W 1"\nmonth: "2018-05"'),
    });
    const files = readCommentary(root, findings);

    expect(findings).toEqual([]);
    expect(files.map((file) => [file.file, file.kind])).toEqual([
      ['content/sections/workforce.mdx', 'section'],
      ['content/notes/2018/w1-2018-05.md', 'note'],
    ]);
    expect(files[1]?.frontMatter).toEqual({ indicator: 'W 1', month: '2018-05' });
    expect(files[1]?.lines).toEqual({ indicator: 2, month: 3 });
  });

  it('returns nothing without content folder', () => {
    const findings: Finding[] = [];
    expect(readCommentary(project({ 'data/values.csv': 'code,month,value\n' }), findings)).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('accepts BOM and CRLF', () => {
    const findings: Finding[] = [];
    const root = project({ 'content/notes/w1.mdx': '\uFEFF---\r\nindicator: "W 1"\r\nmonth: "2018-05"\r\n---\r\n\r\nText.\r\n' });
    const files = readCommentary(root, findings);

    expect(findings).toEqual([]);
    expect(files[0]?.frontMatter).toEqual({ indicator: 'W 1', month: '2018-05' });
    expect(files[0]?.lines).toEqual({ indicator: 2, month: 3 });
  });

  it('reports missing front matter', () => {
    const findings: Finding[] = [];
    const files = readCommentary(project({ 'content/notes/w1.mdx': 'Caseloads fell.\n' }), findings);

    expect(files).toEqual([]);
    expect(findings.map((finding) => [finding.file, finding.line, finding.column, finding.kind])).toEqual([
      ['content/notes/w1.mdx', 1, 1, 'front-matter-missing'],
    ]);
  });

  it.each([
    // File lines: 1 "---", 2 indicator, 3 month, 4 repeated month.
    { name: 'repeated key', frontMatter: 'indicator: "W 1"\nmonth: "2018-05"\nmonth: "2018-04"', line: 4, column: 1, message: 'Map keys must be unique' },
    // A tab before "month" on file line 3.
    { name: 'tab indentation', frontMatter: 'indicator: "W 1"\n\tmonth: "2018-05"', line: 3, column: 1, message: 'Tabs are not allowed' },
  ])('locates invalid YAML: $name', ({ frontMatter, line, column, message }) => {
    const findings: Finding[] = [];
    readCommentary(project({ 'content/notes/w1.mdx': note(frontMatter) }), findings);

    expect(findings).toHaveLength(1);
    expect(findings[0]?.kind).toBe('front-matter-invalid');
    expect(findings[0]?.line).toBe(line);
    expect(findings[0]?.column).toBe(column);
    expect(findings[0]?.message).toContain(message);
  });
});

describe('checkCommentary', () => {
  it('accepts valid section and note', () => {
    const findings = check({
      'content/sections/workforce.mdx': '---\nsection: "Workforce"\nmonth: "2018-05"\n---\n\nStaffing improved.\n',
      'content/notes/w1-2018-05.mdx': note('indicator: "W 1"\nmonth: "2018-05"'),
    });

    expect(findings).toEqual([]);
  });

  it('reads unquoted month as text', () => {
    // The yaml package reads YAML 1.2 by default, which has no date type, so 2018-05 stays a string.
    expect(check({ 'content/notes/w1.mdx': note('indicator: "W 1"\nmonth: 2018-05') })).toEqual([]);
  });

  it('accepts month with blank row', () => {
    // W 1 has a row for Jun 2018 with no value: a note may explain the gap.
    expect(check({ 'content/notes/w1.mdx': note('indicator: "W 1"\nmonth: "2018-06"') })).toEqual([]);
  });

  it.each([
    {
      name: 'unknown indicator',
      frontMatter: 'indicator: "W 9"\nmonth: "2018-05"',
      expected: { line: 2, code: 'W 9', kind: 'unknown-indicator' },
      message: 'Front matter indicator "W 9" is not in data/indicators.csv',
    },
    {
      name: 'indicator not text',
      frontMatter: 'indicator: 12\nmonth: "2018-05"',
      expected: { line: 2, code: null, kind: 'unknown-indicator' },
      message: 'Front matter indicator "12"',
    },
    {
      name: 'month without row',
      // FD 8 has a row for Apr 2018 only.
      frontMatter: 'indicator: "FD 8"\nmonth: "2018-05"',
      expected: { line: 3, code: 'FD 8', kind: 'unknown-month' },
      message: 'Front matter month 2018-05 has no row for "FD 8"',
    },
    {
      name: 'month missing',
      frontMatter: 'indicator: "W 1"',
      expected: { line: 2, code: 'W 1', kind: 'month-missing' },
      message: 'The note has no month',
    },
    {
      name: 'month without zero',
      frontMatter: 'indicator: "W 1"\nmonth: "2018-5"',
      expected: { line: 3, code: null, kind: 'month-invalid' },
      message: 'Front matter month "2018-5" is not a month',
    },
    {
      name: 'month as a number',
      frontMatter: 'indicator: "W 1"\nmonth: 2018.07',
      expected: { line: 3, code: null, kind: 'month-invalid' },
      message: 'Front matter month "2018.07" is not a month in the form YYYY-MM, such as 2018-07. Quote it in the YAML',
    },
  ])('note: $name', ({ frontMatter, expected, message }) => {
    const findings = check({ 'content/notes/w1.mdx': note(frontMatter) });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'content/notes/w1.mdx', column: 1, severity: 'error', ...expected });
    expect(findings[0]?.message).toContain(message);
  });

  it('note: quoted month without quote hint', () => {
    const findings = check({ 'content/notes/w1.mdx': note('indicator: "W 1"\nmonth: "2018-13"') });

    expect(findings[0]?.message).toBe('Front matter month "2018-13" is not a month in the form YYYY-MM, such as 2018-07.');
  });

  it('section: unknown title', () => {
    const findings = check({ 'content/sections/staff.mdx': '---\nsection: "Staffing"\n---\n' });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'content/sections/staff.mdx', line: 2, column: 1, kind: 'unknown-section' });
    expect(findings[0]?.message).toContain('Use one of: Workforce, Front door.');
  });

  it('section: month without data', () => {
    // No indicator has a row for Sep 2018.
    const findings = check({ 'content/sections/workforce.mdx': '---\nsection: "Workforce"\nmonth: "2018-09"\n---\n' });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, kind: 'unknown-month' });
  });

  it('reports every file', () => {
    const findings = check({
      'content/notes/a.mdx': note('indicator: "W 9"\nmonth: "2018-05"'),
      'content/notes/b.mdx': note('indicator: "FD 8"\nmonth: "2018-07"'),
      'content/sections/c.mdx': '---\nsection: "Staffing"\n---\n',
    });

    // Sections are read before notes; loadProject sorts the findings afterwards.
    expect(findings.map((finding) => [finding.file, finding.kind])).toEqual([
      ['content/sections/c.mdx', 'unknown-section'],
      ['content/notes/a.mdx', 'unknown-indicator'],
      ['content/notes/b.mdx', 'unknown-month'],
    ]);
  });
});
