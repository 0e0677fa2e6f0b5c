import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Target } from '../../../src/lib/data/types.ts';
import { evaluateRag, type NotRatedReason } from '../../../src/lib/rag/evaluate-rag.ts';
import { makeIndicator } from '../../support/indicator.ts';

const indicator = makeIndicator;

function series(code: string, values: Record<string, number | null>): Observation[] {
  return Object.entries(values).map(([month, value]) => ({ code, month, value, note: '' }));
}

/** W 1's 2018-19 cut points (lower is better: green 17, red 20.1) and a looser 2017-18 pair. */
const TARGETS: Target[] = [
  { code: 'W 1', year: '2017-18', value: 18, text: '18', green: 18, red: 21 },
  { code: 'W 1', year: '2018-19', value: 17, text: '17', green: 17, red: 20.1 },
];

describe('evaluateRag', () => {
  it('rounds mean before rating', () => {
    // 19.2 + 20.1 + 20.6 + 20.4 = 80.3, / 4 = 20.075 → 20.1 at 1 dp, at the red cut 20.1 → red.
    const observations = series('W 1', { '2018-04': 19.2, '2018-05': 20.1, '2018-06': 20.6, '2018-07': 20.4 });
    const rating = evaluateRag(indicator(), observations, TARGETS, '2018-07');

    expect(rating.status).toBe('red');
    expect(rating.figure).toBe(20.1);
    expect(rating.exactFigure).toBeCloseTo(20.075, 10);
    expect(rating.monthsUsed).toEqual(['2018-04', '2018-05', '2018-06', '2018-07']);
    expect(rating.year).toBe('2018-19');
    expect(rating.target).toEqual(TARGETS[1]);
    expect(rating.basis).toBe('fytd-mean');
    expect(rating.reason).toBeNull();
  });

  it('starts mean in April', () => {
    // March 2018 belongs to 2017-18, so only Apr and May 2018 count: (18 + 19) / 2 = 18.5 → amber.
    const observations = series('W 1', { '2018-02': 40, '2018-03': 40, '2018-04': 18, '2018-05': 19 });
    const rating = evaluateRag(indicator(), observations, TARGETS, '2018-05');

    expect(rating.monthsUsed).toEqual(['2018-04', '2018-05']);
    expect(rating.figure).toBe(18.5);
    expect(rating.status).toBe('amber');
  });

  it('skips months without data', () => {
    // May is blank, not zero: (16 + 17) / 2 = 16.5 → green. Counting May as 0 would give 11.
    const observations = series('W 1', { '2018-04': 16, '2018-05': null, '2018-06': 17 });
    const rating = evaluateRag(indicator(), observations, TARGETS, '2018-06');

    expect(rating.monthsUsed).toEqual(['2018-04', '2018-06']);
    expect(rating.figure).toBe(16.5);
    expect(rating.status).toBe('green');
  });

  it('ignores months after edition', () => {
    // At May 2018 only Apr and May count: (16 + 17) / 2 = 16.5 → green; Jun's 30 is later.
    const observations = series('W 1', { '2018-04': 16, '2018-05': 17, '2018-06': 30 });
    const rating = evaluateRag(indicator(), observations, TARGETS, '2018-05');

    expect(rating.monthsUsed).toEqual(['2018-04', '2018-05']);
    expect(rating.figure).toBe(16.5);
    expect(rating.status).toBe('green');
  });

  it('ignores other indicators rows', () => {
    const observations = [
      ...series('W 1', { '2018-04': 16 }),
      ...series('W1 a', { '2018-04': 45.6 }),
    ];
    const rating = evaluateRag(indicator(), observations, TARGETS, '2018-04');

    expect(rating.figure).toBe(16);
    expect(rating.status).toBe('green');
  });

  it('latest basis uses last month', () => {
    // Jul is blank, so the latest month with data is Jun: 20.6 ≥ 20.1 → red, though the mean 19.9 would be amber.
    const observations = series('W 1', { '2018-04': 19.2, '2018-05': 19.9, '2018-06': 20.6, '2018-07': null });
    const rating = evaluateRag(indicator({ ragBasis: 'latest' }), observations, TARGETS, '2018-07');

    expect(rating.basis).toBe('latest');
    expect(rating.monthsUsed).toEqual(['2018-06']);
    expect(rating.figure).toBe(20.6);
    expect(rating.status).toBe('red');
  });

  it('latest basis stays in year', () => {
    // In April 2018 with no April value, March 2018 belongs to the year before and does not count.
    const observations = series('W 1', { '2018-03': 16, '2018-04': null });
    const rating = evaluateRag(indicator({ ragBasis: 'latest' }), observations, TARGETS, '2018-04');

    expect(rating.monthsUsed).toEqual([]);
    expect(rating.figure).toBeNull();
    expect(rating.status).toBe('none');
    expect(rating.reason).toBe('no-data');
  });

  it('April switches year and target', () => {
    // At Mar 2018 (2017-18): Apr 2017, Oct 2017 and Mar 2018 at 19 → 19.0, amber between green 18 and red 21.
    const observations = series('W 1', {
      '2017-04': 19,
      '2017-10': 19,
      '2018-03': 19,
      '2018-04': 20.5,
    });

    const march = evaluateRag(indicator(), observations, TARGETS, '2018-03');
    expect(march.year).toBe('2017-18');
    expect(march.target).toEqual(TARGETS[0]);
    expect(march.monthsUsed).toEqual(['2017-04', '2017-10', '2018-03']);
    expect(march.figure).toBe(19);
    expect(march.status).toBe('amber');

    // At Apr 2018 (2018-19): Apr alone at 20.5, red against the new red cut 20.1 though amber against 21.
    const april = evaluateRag(indicator(), observations, TARGETS, '2018-04');
    expect(april.year).toBe('2018-19');
    expect(april.target).toEqual(TARGETS[1]);
    expect(april.monthsUsed).toEqual(['2018-04']);
    expect(april.figure).toBe(20.5);
    expect(april.status).toBe('red');
  });

  it('rounded figure decides boundary', () => {
    // Higher is better, green at 85: (84 + 85) / 2 = 84.5 → 85 at 0 dp → green, as readers see "85".
    const observations = series('FD 3', { '2018-04': 84, '2018-05': 85 });
    const targets: Target[] = [{ code: 'FD 3', year: '2018-19', value: 85, text: '85', green: 85, red: 77 }];
    const rating = evaluateRag(indicator({ code: 'FD 3', polarity: 'higher', unit: 'percent', decimals: 0 }), observations, targets, '2018-05');

    expect(rating.exactFigure).toBe(84.5);
    expect(rating.figure).toBe(85);
    expect(rating.status).toBe('green');
  });

  it.each<{ name: string; indicator: Indicator; targets: Target[]; values: Record<string, number | null>; reason: NotRatedReason; figure: number | null }>([
    {
      name: 'neutral polarity',
      indicator: indicator({ polarity: 'neutral' }),
      targets: TARGETS,
      values: { '2018-04': 16 },
      reason: 'no-polarity',
      figure: 16,
    },
    {
      name: 'no target for year',
      indicator: indicator(),
      targets: [TARGETS[0]!],
      values: { '2018-04': 16 },
      reason: 'no-target',
      figure: 16,
    },
    {
      name: 'target without cut points',
      indicator: indicator(),
      targets: [{ code: 'W 1', year: '2018-19', value: 17, text: '17', green: null, red: null }],
      values: { '2018-04': 16 },
      reason: 'no-cut-points',
      figure: 16,
    },
    {
      name: 'no data in year',
      indicator: indicator(),
      targets: TARGETS,
      values: { '2018-03': 16, '2018-04': null },
      reason: 'no-data',
      figure: null,
    },
  ])('not rated: $name', ({ indicator: subject, targets, values, reason, figure }) => {
    const rating = evaluateRag(subject, series('W 1', values), targets, '2018-04');

    expect(rating.status).toBe('none');
    expect(rating.reason).toBe(reason);
    expect(rating.figure).toBe(figure);
  });
});
