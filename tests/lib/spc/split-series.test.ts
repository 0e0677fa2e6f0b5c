import { describe, expect, it } from 'vitest';
import { splitSeries } from '../../../src/lib/spc/split-series.ts';
import type { SpcPoint } from '../../../src/lib/spc/spc-types.ts';

function point(month: string, value: number | null): SpcPoint {
  return { month, value };
}

/** Writes each segment as `start:first..last`. */
function describeSegments(series: SpcPoint[], recalculateFrom: string[] = []): string[] {
  return splitSeries(series, recalculateFrom).segments.map((segment) => {
    const months = segment.points.map((observed) => observed.month);
    return `${segment.start}:${months[0]}..${months[months.length - 1]}`;
  });
}

describe('splitSeries', () => {
  it('keeps consecutive months together', () => {
    const series = [point('2018-11', 1), point('2018-12', 2), point('2019-01', 3)];
    expect(describeSegments(series)).toEqual(['series-start:2018-11..2019-01']);
    expect(splitSeries(series).gaps).toEqual([]);
  });

  it('drops leading and trailing nulls', () => {
    const series = [point('2018-01', null), point('2018-02', 1), point('2018-03', 2), point('2018-04', null)];
    expect(describeSegments(series)).toEqual(['series-start:2018-02..2018-03']);
    expect(splitSeries(series).gaps).toEqual([]);
  });

  it('splits at internal null', () => {
    const series = [point('2018-01', 1), point('2018-02', null), point('2018-03', null), point('2018-04', 2)];
    expect(describeSegments(series)).toEqual(['series-start:2018-01..2018-01', 'gap:2018-04..2018-04']);
    expect(splitSeries(series).gaps).toEqual([{ from: '2018-02', to: '2018-03' }]);
  });

  it('splits at missing month', () => {
    const series = [point('2018-11', 1), point('2019-02', 2), point('2019-03', 3)];
    expect(describeSegments(series)).toEqual(['series-start:2018-11..2018-11', 'gap:2019-02..2019-03']);
    expect(splitSeries(series).gaps).toEqual([{ from: '2018-12', to: '2019-01' }]);
  });

  it('reports each gap', () => {
    const series = [point('2018-01', 1), point('2018-02', null), point('2018-03', 2), point('2018-05', 3)];
    expect(splitSeries(series).gaps).toEqual([
      { from: '2018-02', to: '2018-02' },
      { from: '2018-04', to: '2018-04' },
    ]);
  });

  it('starts segment at recalculation month', () => {
    const series = [point('2018-01', 1), point('2018-02', 2), point('2018-03', 3)];
    expect(describeSegments(series, ['2018-02'])).toEqual([
      'series-start:2018-01..2018-01',
      'recalculation:2018-02..2018-03',
    ]);
  });

  it.each([
    { name: 'first month', months: ['2018-01'] },
    { name: 'before data', months: ['2017-06'] },
    { name: 'after data', months: ['2019-06'] },
  ])('ignores recalculation at $name', ({ months }) => {
    const series = [point('2018-01', 1), point('2018-02', 2)];
    expect(describeSegments(series, months)).toEqual(['series-start:2018-01..2018-02']);
  });

  it('returns nothing for all nulls', () => {
    expect(splitSeries([point('2018-01', null), point('2018-02', null)])).toEqual({ segments: [], gaps: [] });
  });

  it.each([
    { name: 'invalid month', series: [point('2018-13', 1)], message: 'series month "2018-13" is invalid' },
    {
      name: 'repeated month',
      series: [point('2018-01', 1), point('2018-01', 2)],
      message: 'series month "2018-01" follows "2018-01"',
    },
    {
      name: 'descending months',
      series: [point('2018-02', 1), point('2018-01', 2)],
      message: 'months must be strictly ascending',
    },
    { name: 'NaN value', series: [point('2018-01', Number.NaN)], message: 'series value for 2018-01 is NaN' },
  ])('rejects $name', ({ series, message }) => {
    expect(() => splitSeries(series)).toThrow(message);
  });
});
