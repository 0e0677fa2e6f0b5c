import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScorecard, type GeneratedScorecard } from '../../../src/bench/generate-scorecard.ts';
import { writeProject } from '../../../src/bench/write-project.ts';
import { financialYearOf } from '../../../src/lib/data/month.ts';
import { loadProject } from '../../../src/lib/load-project.ts';
import { runCli } from '../../support/run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'scorecard-generated-'));
let project: GeneratedScorecard;

beforeAll(() => {
  project = generateScorecard({ indicators: 30, months: 30, seed: 7 });
  writeProject(root, project.files);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function fileText(generated: GeneratedScorecard, path: string): string {
  const file = generated.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`generated project has no ${path}`);
  return file.text;
}

describe('generateScorecard', () => {
  it('passes scorecard check with no errors', async () => {
    const result = await runCli(['check', '--root', root]);

    expect(result.stdout).toMatch(/^0 errors, \d+ warnings$/m);
    expect(result.code).toBe(0);
  });

  it('gives same bytes for same seed', () => {
    const again = generateScorecard({ indicators: 30, months: 30, seed: 7 });

    expect(again.files.map((file) => file.path)).toEqual(project.files.map((file) => file.path));
    for (const file of project.files) expect(fileText(again, file.path), file.path).toBe(file.text);
  });

  it('gives different values for another seed', () => {
    const other = generateScorecard({ indicators: 30, months: 30, seed: 8 });

    expect(fileText(other, 'data/values.csv')).not.toBe(fileText(project, 'data/values.csv'));
  });

  it('runs months from 2015-04 by default', () => {
    const tenYears = generateScorecard({ indicators: 1, months: 120 });

    expect(project.firstMonth).toBe('2015-04');
    expect(project.lastMonth).toBe('2017-09');
    expect(tenYears.lastMonth).toBe('2025-03');
  });

  it('keeps indicator series across sizes', () => {
    const larger = generateScorecard({ indicators: 60, months: 30, seed: 7 });
    const firstRows = (text: string) => text.split('\n').filter((line) => line.startsWith('W 1,')).join('\n');

    expect(firstRows(fileText(larger, 'data/values.csv'))).toBe(firstRows(fileText(project, 'data/values.csv')));
  });

  it('rejects invalid sizes and start month', () => {
    expect(() => generateScorecard({ indicators: 0, months: 12 })).toThrow(/indicators must be a whole number of at least 1, got 0/);
    expect(() => generateScorecard({ indicators: 10, months: 1.5 })).toThrow(/months must be a whole number/);
    expect(() => generateScorecard({ indicators: 10, months: 12, start: 'Apr-15' })).toThrow(/start must be a month/);
  });
});

describe('generateScorecard at 400 indicators by 60 months', () => {
  const generated = generateScorecard({ indicators: 400, months: 60, seed: 3 });
  const generatedRoot = mkdtempSync(join(tmpdir(), 'scorecard-generated-400-'));
  writeProject(generatedRoot, generated.files);
  const { scorecard, findings } = loadProject(generatedRoot);
  rmSync(generatedRoot, { recursive: true, force: true });

  it('loads with no error findings', () => {
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(scorecard).not.toBeNull();
  });

  it('makes sections of 15 to 25 indicators', () => {
    const sizes = scorecard!.sections.map((section) => section.codes.length);

    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(400);
  });

  it('mixes polarities, units and SPC settings', () => {
    const indicators = scorecard!.indicators;
    const share = (predicate: (indicator: (typeof indicators)[number]) => boolean) => indicators.filter(predicate).length / indicators.length;

    for (const polarity of ['higher', 'lower', 'neutral'] as const) expect(share((indicator) => indicator.polarity === polarity), polarity).toBeGreaterThan(0.05);
    for (const unit of ['percent', 'number', 'days'] as const) expect(share((indicator) => indicator.unit === unit), unit).toBeGreaterThan(0.03);
    for (const spc of ['off', 'rolling'] as const) expect(share((indicator) => indicator.spc === spc), spc).toBeGreaterThan(0.01);
    expect(share((indicator) => indicator.decimals === 1)).toBeGreaterThan(0.1);
    expect(share((indicator) => indicator.footnote !== '')).toBeGreaterThan(0.05);
    expect(indicators.every((indicator) => /^[A-Z]{2}$/.test(indicator.owner))).toBe(true);
  });

  it('gives one target per rated indicator and year with data', () => {
    const yearsByCode = new Map<string, Set<string>>();
    for (const observation of scorecard!.observations) {
      if (observation.value === null) continue;
      const years = yearsByCode.get(observation.code) ?? new Set<string>();
      years.add(financialYearOf(observation.month));
      yearsByCode.set(observation.code, years);
    }

    for (const indicator of scorecard!.indicators) {
      const years = scorecard!.targets.filter((target) => target.code === indicator.code).map((target) => target.year);
      if (indicator.polarity === 'neutral') expect(years, indicator.code).toEqual([]);
      else expect(new Set(years), indicator.code).toEqual(yearsByCode.get(indicator.code));
    }
  });

  it('leaves leading and single missing months', () => {
    const rows = scorecard!.observations;
    const missing = rows.filter((observation) => observation.value === null).length;
    const startsLate = scorecard!.indicators.filter((indicator) => rows.find((observation) => observation.code === indicator.code)!.value === null);

    expect(missing / rows.length).toBeGreaterThan(0.01);
    expect(startsLate.length).toBeGreaterThan(0);
    expect(rows.filter((observation) => observation.note !== '').length).toBeGreaterThan(0);
  });

  it('writes notes and dated section commentary', () => {
    expect(generated.notes).toBeGreaterThan(20);
    expect(generated.sectionFiles).toBeGreaterThan(scorecard!.sections.length);
  });
});
