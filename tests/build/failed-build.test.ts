import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT } from '../support/project-copy.ts';
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

  it('says when there was no output', async () => {
    const root = copyProject('bad-first');
    writeFileSync(join(root, 'data', 'values.csv'), 'code;month;value;note\nW 1;2018-07;20.4;\n');
    const outDir = join(root, 'site');

    const result = await runCli(['build', '--root', root, '--out', outDir]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Build stopped: fix the errors above. Nothing was written to ${outDir}.`);
    expect(existsSync(outDir)).toBe(false);
  });

  it('builds beside a folder with a shared prefix', async () => {
    // The repository's own path is a prefix of this folder's path, but the folder is not inside it.
    const parent = `${PROJECT_ROOT}-site-${process.pid}`;
    const outDir = join(parent, 'dist');
    try {
      const result = await runCli(['build', '--out', outDir], { SCORECARD_CHARTS: 'off' });

      expect(result.stderr).not.toContain('Build failed');
      expect(result.code).toBe(0);
      expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('<h1');
      // Nothing of the build's own is left beside the site or in it.
      expect(readdirSync(parent)).toEqual(['dist']);
      expect(readdirSync(outDir)).not.toContain('node_modules');
      expect(readdirSync(outDir)).not.toContain('.prerender');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('ignores a BASE_URL variable', async () => {
    const root = copyProject('base-url');
    const outDir = join(root, 'dist');

    const result = await runCli(['build', '--root', root, '--out', outDir], { BASE_URL: '/', SCORECARD_BASE: '/performance/scorecard/', SCORECARD_CHARTS: 'off' });

    expect(result.code).toBe(0);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="icon" href="/performance/scorecard/favicon.svg"');
    expect(html).not.toContain('href="/favicon.svg"');
  });
});
