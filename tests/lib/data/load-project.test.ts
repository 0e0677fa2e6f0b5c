import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/load-project.ts';
import { BAD_FIXTURES, BAD_INPUT_CASES } from './bad-input-cases.ts';

const INDICATORS = [
  'code,title,section,polarity,unit,decimals,owner,rag_basis',
  'W 1,Average caseload per social worker,Workforce,lower,number,1,PS,fytd-mean',
  'FD 8,Percentage of re-referrals within 12 months,Front door,lower,percent,0,IL,fytd-mean',
];
const TARGETS = ['code,year,target,green,red', 'W 1,2018-19,17,17,20.1', 'FD 8,2018-19,22,22,26'];
// Every indicator rates green (W 1: (16.2 + 16.8) / 2 = 16.5 ≤ 17; FD 8: (17 + 19) / 2 = 18 ≤ 22),
// so a valid project gets no warning about a red or amber rating without a note.
const VALUES = ['code,month,value,note', 'W 1,2018-04,16.2,', 'W 1,2018-05,16.8,', 'FD 8,2018-04,17,', 'FD 8,2018-05,19,'];

const temporaryRoots: string[] = [];

afterEach(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes a project into a new temporary folder; each data file defaults to the valid base. */
function writeProject(files: { indicators?: string[]; targets?: string[]; values?: string[]; extra?: Record<string, string> } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'scorecard-load-'));
  temporaryRoots.push(root);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('data/indicators.csv', `${(files.indicators ?? INDICATORS).join('\n')}\n`);
  write('data/targets.csv', `${(files.targets ?? TARGETS).join('\n')}\n`);
  write('data/values.csv', `${(files.values ?? VALUES).join('\n')}\n`);
  for (const [file, text] of Object.entries(files.extra ?? {})) write(file, text);
  return root;
}

describe('loadProject on bad inputs', () => {
  it.each(BAD_INPUT_CASES)('$name', ({ name, findings: expected }) => {
    const { scorecard, findings } = loadProject(join(BAD_FIXTURES, name));

    const located = findings.map(({ file, line, column, severity, code, kind }) => ({ file, line, column, severity, code, kind }));
    const expectedLocated = expected.map(({ messageContains: _, ...rest }) => rest);
    expect(located).toEqual(expectedLocated);

    expected.forEach((finding, index) => {
      expect(findings[index]?.message).toContain(finding.messageContains);
    });

    if (expected.some((finding) => finding.severity === 'error')) expect(scorecard).toBeNull();
    else expect(scorecard).not.toBeNull();
  });

  it('BOM and CRLF read normally', () => {
    const { scorecard } = loadProject(join(BAD_FIXTURES, 'bom-and-crlf'));

    expect(scorecard?.indicators.map((indicator) => indicator.code)).toEqual(['W 1', 'FD 8']);
    expect(scorecard?.targets.find((target) => target.code === 'W 1')?.red).toBe(20.1);
    expect(scorecard?.observations).toHaveLength(4);
    expect(scorecard?.observations[3]).toEqual({ code: 'FD 8', month: '2018-05', value: 19, note: '' });
  });

  it('quoted note keeps line break', () => {
    const { findings } = loadProject(join(BAD_FIXTURES, 'quoted-line-breaks'));
    // Only the FD 8 value is wrong; the W 1 note's line break is part of the note.
    expect(findings).toHaveLength(1);
  });
});

describe('loadProject', () => {
  it('builds scorecard from valid project', () => {
    const root = writeProject({ values: [...VALUES, 'W 1,2018-06,,Figures not yet validated'] });
    const { scorecard, findings } = loadProject(root);

    expect(findings).toEqual([]);
    expect(scorecard?.edition).toBe('2018-05');
    expect(scorecard?.sections).toEqual([
      { title: 'Workforce', slug: 'workforce', codes: ['W 1'] },
      { title: 'Front door', slug: 'front-door', codes: ['FD 8'] },
    ]);
    expect(scorecard?.observations.at(-1)).toEqual({ code: 'W 1', month: '2018-06', value: null, note: 'Figures not yet validated' });
  });

  it('reads optional columns with defaults', () => {
    const { scorecard } = loadProject(writeProject());
    const w1 = scorecard?.indicators[0];

    expect(w1?.footnote).toBe('');
    expect(w1?.spc).toBe('on');
    expect(w1?.spcRecalculate).toEqual([]);
    expect(w1?.spcBaseline).toBeNull();
  });

  it('reads SPC settings', () => {
    const root = writeProject({
      indicators: [
        'code,title,section,polarity,unit,decimals,owner,rag_basis,footnote,spc,spc_baseline,spc_recalculate',
        'W 1,Average caseload per social worker,Workforce,lower,number,1,PS,latest,Excludes ASYE,on,2017-04..2018-03,2018-04 2018-10',
        'FD 8,Percentage of re-referrals within 12 months,Front door,,percent,0,IL,,,rolling,,',
      ],
      targets: ['code,year,target,green,red', 'W 1,2018-19,17,17,20.1'],
    });
    const { scorecard, findings } = loadProject(root);
    const [w1, fd8] = scorecard?.indicators ?? [];

    expect(findings).toEqual([]);
    expect(w1?.ragBasis).toBe('latest');
    expect(w1?.footnote).toBe('Excludes ASYE');
    expect(w1?.spcBaseline).toEqual({ from: '2017-04', to: '2018-03' });
    expect(w1?.spcRecalculate).toEqual(['2018-04', '2018-10']);
    expect(fd8?.polarity).toBe('neutral');
    expect(fd8?.ragBasis).toBe('fytd-mean');
    expect(fd8?.spc).toBe('rolling');
  });

  it('keeps target text beside cut points', () => {
    const root = writeProject({ targets: ['code,year,target,green,red', 'W 1,2018-19,17,17,20.1', 'FD 8,2018-19,<10% of Cohort,22,26'] });
    const { scorecard } = loadProject(root);

    expect(scorecard?.targets[1]).toEqual({ code: 'FD 8', year: '2018-19', value: null, text: '<10% of Cohort', green: 22, red: 26 });
  });

  it('reports missing data file', () => {
    const root = writeProject();
    rmSync(join(root, 'data/targets.csv'));
    const { scorecard, findings } = loadProject(root);

    expect(scorecard).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.kind).toBe('file-missing');
    expect(findings[0]?.file).toBe('data/targets.csv');
  });

  it('reports file with no values', () => {
    const root = writeProject({ values: ['code,month,value,note', 'W 1,2018-04,,'] });
    const { findings } = loadProject(root);

    expect(findings.map((finding) => finding.kind)).toEqual(['no-values']);
  });

  it('warns on percent outside range', () => {
    // (17 + -1) / 2 = 8 keeps FD 8 green, so the range warning is the only finding.
    const root = writeProject({ values: [...VALUES.slice(0, 4), 'FD 8,2018-05,-1,'] });
    const { scorecard, findings } = loadProject(root);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'data/values.csv', line: 5, column: 3, severity: 'warning', code: 'FD 8', kind: 'percent-out-of-range' });
    // A warning does not stop publication.
    expect(scorecard).not.toBeNull();
  });

  it.each([
    {
      name: 'one cut point only',
      targets: ['code,year,target,green,red', 'W 1,2018-19,17,17,'],
      expected: { line: 2, column: 5, kind: 'cut-point-missing' },
    },
    {
      name: 'cut equal to other cut',
      targets: ['code,year,target,green,red', 'W 1,2018-19,17,20,20'],
      expected: { line: 2, column: 4, kind: 'cut-points-reversed' },
    },
    {
      name: 'cut with percent sign',
      targets: ['code,year,target,green,red', 'FD 8,2018-19,22,22%,26'],
      expected: { line: 2, column: 4, kind: 'value-percent-sign' },
    },
    {
      name: 'repeated year',
      targets: ['code,year,target,green,red', 'W 1,2018-19,17,17,20.1', 'W 1,2018-19,16,16,20'],
      expected: { line: 3, column: 2, kind: 'duplicate-target' },
    },
    {
      name: 'target for unknown indicator',
      targets: ['code,year,target,green,red', 'W 9,2018-19,17,17,20.1'],
      expected: { line: 2, column: 1, kind: 'unknown-indicator' },
    },
  ])('targets: $name', ({ targets, expected }) => {
    const { findings } = loadProject(writeProject({ targets }));

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'data/targets.csv', severity: 'error', ...expected });
  });

  it('cut points need polarity', () => {
    const root = writeProject({
      indicators: [INDICATORS[0]!, 'W 1,Average caseload per social worker,Workforce,,number,1,PS,fytd-mean', INDICATORS[2]!],
    });
    const { findings } = loadProject(root);

    expect(findings.map((finding) => [finding.file, finding.line, finding.column, finding.kind])).toEqual([['data/targets.csv', 2, 4, 'polarity-needed']]);
  });

  it.each([
    { name: 'polarity word', field: 'W 1,Average caseload,Workforce,SIB,number,1,PS,fytd-mean', column: 4, kind: 'polarity-invalid' },
    { name: 'unit word', field: 'W 1,Average caseload,Workforce,lower,cases,1,PS,fytd-mean', column: 5, kind: 'unit-invalid' },
    { name: 'decimals above six', field: 'W 1,Average caseload,Workforce,lower,number,7,PS,fytd-mean', column: 6, kind: 'decimals-invalid' },
    { name: 'decimals not whole', field: 'W 1,Average caseload,Workforce,lower,number,1.5,PS,fytd-mean', column: 6, kind: 'decimals-invalid' },
    { name: 'rag basis word', field: 'W 1,Average caseload,Workforce,lower,number,1,PS,ytd', column: 8, kind: 'rag-basis-invalid' },
    { name: 'empty title', field: 'W 1,,Workforce,lower,number,1,PS,fytd-mean', column: 2, kind: 'title-missing' },
    { name: 'empty section', field: 'W 1,Average caseload,,lower,number,1,PS,fytd-mean', column: 3, kind: 'section-missing' },
  ])('indicators: $name', ({ field, column, kind }) => {
    const root = writeProject({ indicators: [INDICATORS[0]!, field, INDICATORS[2]!] });
    const { findings } = loadProject(root);
    const first = findings[0];

    // W 1's targets and values are not reported again as rows for an unknown indicator.
    expect(findings).toHaveLength(1);
    expect(first?.file).toBe('data/indicators.csv');
    expect(first?.line).toBe(2);
    expect(first?.column).toBe(column);
    expect(first?.kind).toBe(kind);
  });

  it('codes with same address clash', () => {
    // "W 1" and "W-1" both become /indicators/w-1/.
    const root = writeProject({ indicators: [...INDICATORS, 'W-1,Another caseload,Workforce,lower,number,1,PS,fytd-mean'] });
    const { findings } = loadProject(root);

    expect(findings.map((finding) => [finding.line, finding.column, finding.code, finding.kind])).toEqual([[4, 1, 'W-1', 'code-slug-clash']]);
  });

  it('reports fields beyond header', () => {
    // An unquoted "1,234" with a note splits into one field too many.
    const root = writeProject({ values: [...VALUES, 'W 1,2018-06,1,234,Agency staff counted'] });
    const { findings } = loadProject(root);

    expect(findings.map((finding) => [finding.line, finding.column, finding.kind])).toEqual([
      [6, 3, 'value-thousands-separator'],
      [6, 5, 'extra-fields'],
    ]);
    expect(findings[1]?.message).toContain('"Agency staff counted"');
  });

  it('reports unknown code once', () => {
    const root = writeProject({ values: [...VALUES, 'W 9,2018-04,12,', 'W 9,2018-05,13,'] });
    const { findings } = loadProject(root);

    expect(findings.map((finding) => [finding.line, finding.kind])).toEqual([[6, 'unknown-indicator']]);
  });

  it('sorts findings by file and line', () => {
    const root = writeProject({
      targets: ['code,year,target,green,red', 'W 1,2018,17,17,20.1', 'FD 8,2018-19,22,22,26'],
      values: [VALUES[0]!, 'W 1,2018-04,n/a,', ...VALUES.slice(2)],
    });
    const { findings } = loadProject(root);

    expect(findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['data/targets.csv:2', 'data/values.csv:2']);
  });
});
