import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/data/month.ts';
import { traceLatestSignals } from '../../../src/lib/spc/signal-runs.ts';
import type { RuleHit } from '../../../src/lib/spc/special-cause-rules.ts';

function points(values: number[]) {
  return values.map((value, index) => ({ month: addMonths('2018-01', index), value }));
}

const NONE: RuleHit[] = [];
const TREND_UP: RuleHit[] = [{ rule: 'trend', direction: 'up' }];
const SHIFT_UP: RuleHit[] = [{ rule: 'shift', direction: 'up' }];
const CLOSE_DOWN: RuleHit[] = [{ rule: 'two-of-three', direction: 'down' }];

describe('traceLatestSignals', () => {
  it('returns nothing for common cause', () => {
    expect(traceLatestSignals(points([1, 2]), [NONE, NONE])).toEqual([]);
    expect(traceLatestSignals([], [])).toEqual([]);
  });

  it('traces shift back to its start', () => {
    const hits = [NONE, ...Array(8).fill(SHIFT_UP)];
    expect(traceLatestSignals(points([1, 5, 6, 5, 6, 5, 6, 5, 6]), hits)).toEqual([
      { rule: 'shift', direction: 'up', from: '2018-02', to: '2018-09', pointCount: 8 },
    ]);
  });

  it('stops trend at equal neighbours', () => {
    // Two rising trends of 7 meet where Jul and Aug 2018 are equal, so the latest trend starts in Aug.
    const values = [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13];
    const hits = Array(values.length).fill(TREND_UP);
    expect(traceLatestSignals(points(values), hits)).toEqual([
      { rule: 'trend', direction: 'up', from: '2018-08', to: '2019-02', pointCount: 7 },
    ]);
  });

  it.each([
    { hits: [NONE, CLOSE_DOWN, NONE, CLOSE_DOWN], pointCount: 2, from: '2018-02' },
    { hits: [NONE, CLOSE_DOWN, CLOSE_DOWN, CLOSE_DOWN], pointCount: 3, from: '2018-02' },
  ])('counts $pointCount close months', ({ hits, pointCount, from }) => {
    expect(traceLatestSignals(points([5, 2, 4, 2]), hits)).toEqual([
      { rule: 'two-of-three', direction: 'down', from, to: '2018-04', pointCount },
    ]);
  });

  it('keeps rule order of latest hits', () => {
    const latest: RuleHit[] = [
      { rule: 'outside-limits', direction: 'up' },
      { rule: 'shift', direction: 'up' },
    ];
    const runs = traceLatestSignals(points([5, 6, 7]), [SHIFT_UP, SHIFT_UP, latest]);
    expect(runs.map((run) => [run.rule, run.from, run.pointCount])).toEqual([
      ['outside-limits', '2018-03', 1],
      ['shift', '2018-01', 3],
    ]);
  });
});
