import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importExport } from '../../../src/lib/legacy/import-project.ts';

const JULY = readFileSync(fileURLToPath(new URL('../../fixtures/scorecard-export-2018-07.tsv', import.meta.url)), 'utf8');

// W 1's rule with the green cut moved from 17 to 16.
const CHANGED_RULE = JULY.replace('17 or below Green 18.1-20 Amber', '16 or below Green 18.1-20 Amber');

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('importExport row changes', () => {
  it('takes changed row in unedited file', () => {
    root = mkdtempSync(join(tmpdir(), 'scorecard-rows-'));
    importExport(JULY, 'july.tsv', { root, force: false });

    const result = importExport(CHANGED_RULE, 'july-revised.tsv', { root, force: false });

    const targets = readFileSync(join(root, 'data/targets.csv'), 'utf8');
    expect(targets).toContain('\nW 1,2018-19,17,16,20.1\n');
    const changes = result.findings.filter((finding) => finding.kind === 'row-changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.code).toBe('W 1');
    expect(changes[0]?.message).toBe('The export changes this row from "W 1,2018-19,17,17,20.1" to "W 1,2018-19,17,16,20.1". The export\'s row was taken.');
  });

  it('keeps rows an analyst added', () => {
    root = mkdtempSync(join(tmpdir(), 'scorecard-rows-'));
    importExport(JULY, 'july.tsv', { root, force: false });
    const targetsPath = join(root, 'data/targets.csv');
    writeFileSync(targetsPath, `${readFileSync(targetsPath, 'utf8')}W 1,2019-20,16,16,19\n`);

    importExport(CHANGED_RULE, 'july-revised.tsv', { root, force: true });

    const targets = readFileSync(targetsPath, 'utf8');
    expect(targets).toContain('\nW 1,2019-20,16,16,19\n');
    expect(targets).toContain('\nW 1,2018-19,17,16,20.1\n');
  });

  it('keeps edited row without force', () => {
    root = mkdtempSync(join(tmpdir(), 'scorecard-rows-'));
    importExport(JULY, 'july.tsv', { root, force: false });
    const targetsPath = join(root, 'data/targets.csv');
    const edited = readFileSync(targetsPath, 'utf8').replace('W 1,2018-19,17,17,20.1', 'W 1,2018-19,17,17,20.5');
    writeFileSync(targetsPath, edited);

    const result = importExport(CHANGED_RULE, 'july-revised.tsv', { root, force: false });

    expect(readFileSync(targetsPath, 'utf8')).toBe(edited);
    expect(result.kept.map((kept) => kept.file)).toEqual(['data/targets.csv']);
    expect(result.findings.find((finding) => finding.kind === 'row-changed')?.message).toContain('run the import with --force');
  });
});
