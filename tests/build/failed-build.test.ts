import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject } from '../support/project-copy.ts';
import { runCli } from '../support/run-cli.ts';

describe('scorecard build', () => {
  it('rejects value that is not a number', async () => {
    const root = copyProject('bad');
    const valuesPath = join(root, 'data', 'values.csv');
    const lines = readFileSync(valuesPath, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.startsWith('W 1,2018-07,'));
    lines[index] = 'W 1,2018-07,2O.4,';
    writeFileSync(valuesPath, lines.join('\n'));

    // A previous edition in the output folder must survive the failed build untouched.
    const outDir = join(root, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'previous edition');

    const result = await runCli(['build', '--root', root, '--out', outDir]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`data/values.csv:${index + 1}:3  error  "W 1"  Value "2O.4" for 2018-07 is not a plain number.`);
    expect(result.stdout).toContain('[value-not-number]');
    expect(result.stderr).toContain('Build stopped');
    // Only the error is listed, so it stays in sight; the warnings are counted with a pointer to check.
    expect(result.stdout).not.toContain('  warning  ');
    expect(result.stderr).toMatch(/Run "npm run check" to see the \d+ warnings as well\./);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous edition');
  });
});
