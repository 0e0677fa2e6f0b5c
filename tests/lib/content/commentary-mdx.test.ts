import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/load-project.ts';
import { copyProject } from '../../support/project-copy.ts';
import { runCli } from '../../support/run-cli.ts';

/** Writes a note for W 1 in July 2018 whose body is `body`, into a copy of the shipped project. */
function projectWithNote(body: string): string {
  const root = copyProject('mdx');
  writeFileSync(join(root, 'content', 'notes', 'x.mdx'), `---\nindicator: "W 1"\nmonth: "2018-07"\n---\n\n${body}\n`);
  return root;
}

describe('loadProject commentary MDX', () => {
  it('reports unclosed component tag', () => {
    const { findings } = loadProject(projectWithNote('Caseload is <Figure code="W 1">.'));
    const errors = findings.filter((finding) => finding.severity === 'error');

    expect(errors.map((finding) => [finding.file, finding.line, finding.kind])).toEqual([['content/notes/x.mdx', 6, 'mdx-invalid']]);
    expect(errors[0]?.message).toContain('Expected a closing tag for `<Figure>`');
  });

  it('reports unknown component', () => {
    const { findings } = loadProject(projectWithNote('Caseload is <Latests code="W 1" />.'));
    const errors = findings.filter((finding) => finding.severity === 'error');

    expect(errors.map((finding) => [finding.line, finding.column, finding.kind])).toEqual([[6, 13, 'unknown-component']]);
    expect(errors[0]?.message).toContain('<Latests> is not a component commentary can use');
  });

  it('accepts components and inline code', () => {
    const { findings } = loadProject(projectWithNote('Caseload is <Latest code="W 1" />, rated <Rag code="W 1" />; `<Code>` is text.'));

    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

describe('loadProject latest month', () => {
  it('warns when month is incomplete', () => {
    const root = copyProject('partial');
    appendFileSync(join(root, 'data', 'values.csv'), 'W 1,2018-08,21.0,\nP1,2018-08,35,\n');

    const { scorecard, findings } = loadProject(root);
    const warning = findings.find((finding) => finding.kind === 'month-incomplete');

    expect(scorecard?.edition).toBe('2018-08');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('33 of 35 indicators have no value for 2018-08');
  });
});

describe('scorecard CLI', () => {
  it('lists errors before warnings', async () => {
    const root = projectWithNote('Caseload is <Latests code="W 1" />.');
    const result = await runCli(['check', '--root', root]);
    const lines = result.stdout.trim().split('\n');

    expect(result.code).toBe(1);
    expect(lines[0]).toContain('[unknown-component]');
    expect(lines.at(-1)).toMatch(/^1 error, \d+ warnings$/);
  });

  it('rejects full URL as base', async () => {
    const result = await runCli(['build', '--root', copyProject('base')], { SCORECARD_BASE: 'https://intranet.example/perf/' });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SCORECARD_BASE "https://intranet.example/perf/" is not a path');
  });
});
