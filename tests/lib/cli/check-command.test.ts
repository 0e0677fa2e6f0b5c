import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';
import { BAD_FIXTURES, BAD_INPUT_CASES, type ExpectedFinding } from '../data/bad-input-cases.ts';

const FINDING_KEYS = ['code', 'column', 'file', 'kind', 'line', 'message', 'severity'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds a pattern for the line `check` prints for a finding: `file:line:column  severity  "code"  message [kind]`. */
function linePattern(finding: ExpectedFinding): RegExp {
  let location = finding.file;
  if (finding.line !== null) location += `:${finding.line}`;
  if (finding.line !== null && finding.column !== null) location += `:${finding.column}`;
  const indicator = finding.code === null ? '-' : `"${finding.code}"`;
  return new RegExp(
    `^${escapeRegExp(`${location}  ${finding.severity}  ${indicator}  `)}.*${escapeRegExp(finding.messageContains)}.* ${escapeRegExp(`[${finding.kind}]`)}$`,
  );
}

describe.concurrent('scorecard check on bad inputs', () => {
  it.each(BAD_INPUT_CASES)('$name as text', async ({ name, findings }) => {
    const result = await runCli(['check', '--root', join(BAD_FIXTURES, name)]);
    const lines = result.stdout.trimEnd().split('\n');
    const errors = findings.filter((finding) => finding.severity === 'error').length;

    expect(result.code).toBe(errors > 0 ? 1 : 0);
    expect(result.stderr).toBe('');
    expect(lines).toHaveLength(findings.length + 1);
    findings.forEach((finding, index) => {
      expect(lines[index]).toMatch(linePattern(finding));
    });
    expect(lines.at(-1)).toBe(findings.length === 0 ? 'No problems found.' : `${errors} ${errors === 1 ? 'error' : 'errors'}, 0 warnings`);
  });

  it.each(BAD_INPUT_CASES)('$name as JSON', async ({ name, findings }) => {
    const result = await runCli(['check', '--root', join(BAD_FIXTURES, name), '--json']);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);

    expect(result.code).toBe(findings.some((finding) => finding.severity === 'error') ? 1 : 0);
    expect(objects).toHaveLength(findings.length);
    findings.forEach(({ messageContains, ...expected }, index) => {
      expect(Object.keys(objects[index] ?? {}).sort()).toEqual(FINDING_KEYS);
      expect(objects[index]).toMatchObject(expected);
      expect(objects[index]?.message).toContain(messageContains);
    });
  });
});

describe('scorecard check', () => {
  it('reports missing data folder', async () => {
    const result = await runCli(['check', '--root', join(BAD_FIXTURES, 'no-such-project')]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('data/indicators.csv  error  -  data/indicators.csv is missing.');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('3 errors, 0 warnings');
  });

  it('rejects unknown command', async () => {
    const result = await runCli(['chekc']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "chekc"');
  });

  it('prints usage without command', async () => {
    const result = await runCli([]);

    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: scorecard <command> [options]');
  });

  it('help exits zero', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: scorecard <command> [options]');
  });
});
