import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertExport } from '../../../src/lib/legacy/convert-export.ts';
import { evaluateRag } from '../../../src/lib/rag/evaluate-rag.ts';

const EXPORT_PATH = fileURLToPath(new URL('../../fixtures/scorecard-export-2018-07.tsv', import.meta.url));
const converted = convertExport(readFileSync(EXPORT_PATH, 'utf8'), 'scorecard-export-2018-07.tsv');

function rate(code: string, asOf = '2018-07') {
  const indicator = converted.indicators.find((candidate) => candidate.code === code);
  if (!indicator) throw new Error(`indicator ${code} is not in the converted export`);
  return evaluateRag(indicator, converted.observations, converted.targets, asOf);
}

/**
 * Ratings at July 2018, worked by hand from the export's Apr-18 to Jul-18
 * columns and its RAG methodology text. Each rated figure is the mean rounded
 * half away from zero to the indicator's display decimals.
 */
describe('evaluateRag on real export', () => {
  it.each([
    // 19.2, 20.1, 20.6, 20.4 → 80.3 / 4 = 20.075 → 20.1 at 1 dp; lower is better, red cut 20.1 → red.
    { code: 'W 1', figure: 20.1, status: 'red' },
    // 21.2*, 20.3*, 18.9, 20.9 → 81.3 / 4 = 20.325 → 20.3 at 1 dp (decimals from "21.1" in the rule); green 20, red 23 → amber.
    { code: 'W1 d', figure: 20.3, status: 'amber' },
    // 57, 58, 57, 58 → 230 / 4 = 57.5 → 58 at 0 dp; higher is better, red cut 68 → red.
    { code: 'CIN 4', figure: 58, status: 'red' },
    // 90, 92, 90, 85 → 357 / 4 = 89.25 → 89; green 95, red 86 → amber. The export recorded Red.
    { code: 'LAC 10', figure: 89, status: 'amber' },
    // 682, 543.2, 521.22, 521.22 → 2267.64 / 4 = 566.91 → 567 at 0 dp; lower, green 558, red 609 → amber.
    { code: 'AD 7', figure: 567, status: 'amber' },
    // 74, 74, 82, 86 → 316 / 4 = 79; higher (read from "95% or above Green"), red cut 84 → red.
    { code: 'CL a', figure: 79, status: 'red' },
    // 65, 65, 75, 74 → 279 / 4 = 69.75 → 70; the rule "90% or above Green" makes it higher is better
    // though the export's polarity column reads SIB; red cut 85 → red.
    { code: 'QA 1', figure: 70, status: 'red' },
    // 42, 41, 44, 36 → 163 / 4 = 40.75 → 41; lower, red cut 35 → red.
    { code: 'P1', figure: 41, status: 'red' },
    // 54.5, 56.6, 46.6, 62.9 → 220.6 / 4 = 55.15 → 55.2 at 1 dp; higher, red cut 77 → red.
    { code: 'AMT 2', figure: 55.2, status: 'red' },
    // 11.8, 14, 11.7, 12.8 → 50.3 / 4 = 12.575 → 12.6 at 1 dp; lower, green cut 14 → green.
    { code: 'W 2', figure: 12.6, status: 'green' },
    // 17, 18.6, 19.9, 18.9 → 74.4 / 4 = 18.6; lower, red cut 18.1 → red.
    { code: 'W1 b', figure: 18.6, status: 'red' },
    // 84, 84, 85, 83 → 336 / 4 = 84; higher, green cut 84 → green exactly at the cut.
    { code: 'CL 3a', figure: 84, status: 'green' },
    // 85, 87, 80, 83 → 335 / 4 = 83.75 → 84; green 90, red 81 → amber (recorded Yellow).
    { code: 'CP 13', figure: 84, status: 'amber' },
    // 17, 19, 20, 17 → 73 / 4 = 18.25 → 18; lower, green cut 22 → green.
    { code: 'FD 8', figure: 18, status: 'green' },
    // 12, 12, 14, 14 → 52 / 4 = 13; lower, green cut 62 → green. The target text "<10% of Cohort" is not used.
    { code: 'CP 10', figure: 13, status: 'green' },
    // 57, 56, 53, 37 → 203 / 4 = 50.75 → 51; higher, green 60, red 49 → amber.
    { code: 'MC 6', figure: 51, status: 'amber' },
    // 44.7, 44.0, 43.2, 43.7 → 175.6 / 4 = 43.9 at 1 dp; higher (read from the rule), red cut 45 → red.
    { code: 'LE 2', figure: 43.9, status: 'red' },
    // 61, 77, 78, 82 → 298 / 4 = 74.5 → 75; higher, red cut 86 → red.
    { code: 'LAC 11', figure: 75, status: 'red' },
    // 74, 72, 76, 74 → 296 / 4 = 74; green 75, red 64 → amber.
    { code: 'LAC 20', figure: 74, status: 'amber' },
    // 63, 63, 63, 61 → 250 / 4 = 62.5 → 63; green cut 60 → green.
    { code: 'CL 1a', figure: 63, status: 'green' },
  ] as const)('$code rates $status at $figure', ({ code, figure, status }) => {
    const rating = rate(code);

    expect(rating.figure).toBe(figure);
    expect(rating.status).toBe(status);
    expect(rating.monthsUsed).toEqual(['2018-04', '2018-05', '2018-06', '2018-07']);
    expect(rating.year).toBe('2018-19');
  });

  it.each([
    // No polarity and no rule; the target is "NA".
    { code: 'CL 1', reason: 'no-polarity' },
    { code: 'MC 1', reason: 'no-polarity' },
    { code: 'QA 2', reason: 'no-polarity' },
    // SIB, but the target is "NA" and there is no rule, so no target row is made.
    { code: 'CL 2', reason: 'no-target' },
    // BIB with neither a target nor a rule.
    { code: 'QA 3', reason: 'no-target' },
  ] as const)('$code is not rated: $reason', ({ code, reason }) => {
    const rating = rate(code);

    expect(rating.status).toBe('none');
    expect(rating.reason).toBe(reason);
  });

  it('CL 2 still shows figure', () => {
    // 217, 221, 228, 242 → 908 / 4 = 227; shown without a colour.
    expect(rate('CL 2').figure).toBe(227);
  });

  it('AD 7 zeros are no data', () => {
    // The export's 0 for May, Jun and Jul 2017 is an impossible average time, so those months are blank.
    const blanks = converted.observations.filter((observation) => observation.code === 'AD 7' && observation.value === null);
    expect(blanks.map((observation) => observation.month)).toEqual(['2017-05', '2017-06', '2017-07']);

    // 2017-18 without the zeros: 763 + 483 + 435 + 413 + 444 + 475 + 384 + 702 + 651 = 4750 over 9 months
    // = 527.78 → 528. With the zeros it would be 4750 / 12 = 395.8.
    const rating = rate('AD 7', '2018-03');
    expect(rating.monthsUsed).toHaveLength(9);
    expect(rating.figure).toBe(528);
    // The export holds only a 2018-19 target, so 2017-18 is not rated.
    expect(rating.status).toBe('none');
    expect(rating.reason).toBe('no-target');
  });

  it('P1 skips blank months', () => {
    // P1 starts in Oct 2017. At Mar 2018: 43, 43, 42, 41, 41, 41 → 251 / 6 = 41.83 → 42.
    const rating = rate('P1', '2018-03');
    expect(rating.monthsUsed).toEqual(['2017-10', '2017-11', '2017-12', '2018-01', '2018-02', '2018-03']);
    expect(rating.figure).toBe(42);
  });

  it('April uses only April', () => {
    // W 1 at Apr 2018: 19.2 alone; lower, green 17, red 20.1 → amber.
    const rating = rate('W 1', '2018-04');
    expect(rating.monthsUsed).toEqual(['2018-04']);
    expect(rating.figure).toBe(19.2);
    expect(rating.status).toBe('amber');
  });
});
