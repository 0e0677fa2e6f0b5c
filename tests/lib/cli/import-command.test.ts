import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

const JULY = fileURLToPath(new URL('../../fixtures/scorecard-export-2018-07.tsv', import.meta.url));
const AUGUST = fileURLToPath(new URL('../../fixtures/reimport/scorecard-export-2018-08.tsv', import.meta.url));
const FINDING_KEYS = ['code', 'column', 'file', 'kind', 'line', 'message', 'severity'];
/** `file:line:column  severity  indicator  message [kind]`, where line and column may be absent. */
const FINDING_LINE = /^\S+?(:\d+(:\d+)?)?  (error|warning)  (-|"[^"]+")  .+ \[[a-z0-9-]+\]$/;

const roots: string[] = [];

function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'scorecard-cli-'));
  roots.push(root);
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('scorecard import', () => {
  it('imports real export', async () => {
    const root = newRoot();
    const result = await runCli(['import', JULY, '--root', root]);
    const lines = result.stdout.trimEnd().split('\n');
    const findingLines = lines.filter((line) => line.startsWith(`${JULY}:`));

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(findingLines.length).toBeGreaterThan(0);
    for (const line of findingLines) expect(line).toMatch(FINDING_LINE);
    // W 1 on line 9, RAG methodology in column 23.
    expect(lines).toContain(
      `${JULY}:9:23  warning  "W 1"  The RAG rule "17 or below Green 18.1-20 Amber 20.1 and above Red" leaves 17.1 to 18 between green and amber uncovered at 1 decimal place. Imported as green cut 17 and red cut 20.1, which leave no gap or overlap. [threshold-gap]`,
    );
    expect(lines).toContain(`0 errors, ${findingLines.length} warnings`);
    // 35 indicators; the 8 without a numeric target or a rule get no target row.
    expect(lines).toContain('Converted 35 indicators and 27 targets, up to 2018-07.');
    expect(lines).toContain('wrote data/values.csv');
    expect(lines).toContain('wrote content/sections/quality-assurance.mdx');
  });

  it('prints JSON findings only', async () => {
    const root = newRoot();
    const result = await runCli(['import', JULY, '--root', root, '--json']);
    const objects = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

    expect(result.code).toBe(0);
    for (const object of objects) expect(Object.keys(object).sort()).toEqual(FINDING_KEYS);
    expect(objects).toContainEqual(expect.objectContaining({ file: JULY, line: 152, column: 1, severity: 'warning', code: null, kind: 'stray-cell' }));
    expect(objects).toContainEqual(expect.objectContaining({ code: 'QA 1', kind: 'polarity-conflict' }));
  });

  it('imported project passes check', async () => {
    const root = newRoot();
    await runCli(['import', JULY, '--root', root]);
    const result = await runCli(['check', '--root', root]);

    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 errors, \d+ warnings$|^No problems found\.$/);
  });

  it('keeps edited file and old figure', async () => {
    const root = newRoot();
    await runCli(['import', JULY, '--root', root]);
    const indicatorsPath = join(root, 'data/indicators.csv');
    const edited = readFileSync(indicatorsPath, 'utf8').replace('W 1,Average Caseload per Social Worker,', 'W 1,Average caseload (FTE),');
    writeFileSync(indicatorsPath, edited);

    const result = await runCli(['import', AUGUST, '--root', root]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${AUGUST}  warning  "W 1"  The value for 2018-06 was revised from 20.6 to 20.7. The old figure was kept; run the import with --force to take the new one. [value-revised]`);
    expect(result.stdout).toContain('data/indicators.csv:3  warning  "W 1"  The export changes this row from "W 1,Average caseload (FTE),');
    expect(result.stdout).toContain("The row was kept, because data/indicators.csv was edited since the last import; run the import with --force to take the export's row. [row-changed]");
    expect(result.stdout).toContain('kept data/indicators.csv: edited since the last import');
    expect(readFileSync(indicatorsPath, 'utf8')).toBe(edited);
    expect(readFileSync(join(root, 'data/values.csv'), 'utf8')).toContain('\nW 1,2018-06,20.6,\n');

    const forced = await runCli(['import', AUGUST, '--root', root, '--force']);

    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('The new figure was taken (--force). [value-revised]');
    expect(readFileSync(join(root, 'data/values.csv'), 'utf8')).toContain('\nW 1,2018-06,20.7,\n');
    expect(readFileSync(indicatorsPath, 'utf8')).not.toContain('(FTE)');
  });

  it('exits 1 on conversion error', async () => {
    const root = newRoot();
    const exportPath = join(root, 'export.tsv');
    writeFileSync(
      exportPath,
      [
        'WORKFORCE',
        'Indicator Number\tIndicator Title\tPolarity\tApr-18\t2018-19 Target\tTarget Owner\tRAG\tRAG Methodology',
        'W 1\tAverage caseload\tSIB\tn/a\t17\tPS\tRed\t17 or below Green 18-20 Amber 21 and above Red',
      ].join('\n'),
    );
    const result = await runCli(['import', exportPath, '--root', root]);

    expect(result.code).toBe(1);
    // Line 3, column 4 is W 1's Apr-18 cell.
    expect(result.stdout).toContain(`${exportPath}:3:4  error  "W 1"  Value "n/a" for 2018-04 is not a number`);
  });

  it.each([
    { name: 'missing export', args: ['import', '/nonexistent/export.tsv'], message: 'Export file not found: /nonexistent/export.tsv' },
    { name: 'no export', args: ['import'], message: 'Give one export file' },
    { name: 'two exports', args: ['import', JULY, AUGUST], message: 'Give one export file' },
  ])('exits 2 on $name', async ({ args, message }) => {
    const root = newRoot();
    const result = await runCli([...args, '--root', root]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
