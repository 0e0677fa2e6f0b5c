import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/data/month.ts';
import { analyseSpc, type AnalyseSpcOptions } from '../../../src/lib/spc/analyse-spc.ts';
import type { SpcPoint } from '../../../src/lib/spc/spc-types.ts';

const BASE_OPTIONS: AnalyseSpcOptions = {
  polarity: 'higher',
  spc: 'on',
  spcBaseline: null,
  spcRecalculate: [],
  target: null,
};

/** Builds a monthly series starting at `first`, one month per value. */
function monthlySeries(first: string, values: Array<number | null>): SpcPoint[] {
  return values.map((value, index) => ({ month: addMonths(first, index), value }));
}

/** Alternates 14 and 6, starting with 14, so the series has no run, trend or close pair at any length. */
function alternating(count: number): number[] {
  return Array.from({ length: count }, (_, index) => (index % 2 === 0 ? 14 : 6));
}

// Jul–Dec 2017 alternate 14 and 6, then Jan–Jul 2018 alternate 11 and 12.
// Mean 140 / 13 = 10.769, so only the last 7 months form a run on one side of it.
// Moving ranges: five of 8, one of 5, six of 1, so MR-bar 51 / 12 = 4.25, nothing
// screened, limits 10.769 ± 11.305 and 2-sigma lines 10.769 ± 7.537.
const SHIFT_SERIES = monthlySeries('2017-07', [14, 6, 14, 6, 14, 6, 11, 12, 11, 12, 11, 12, 11]);

describe('analyseSpc', () => {
  it('explains switched-off SPC', () => {
    const summary = analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, spc: 'off' });
    expect(summary.available).toBe(false);
    expect(summary.reason).toBe('SPC is switched off for this indicator.');
    expect(summary.segments).toEqual([]);
    expect(summary.variation).toBeNull();
    expect(summary.assurance).toBeNull();
  });

  it('explains rolling measures', () => {
    const summary = analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, spc: 'rolling' });
    expect(summary.available).toBe(false);
    expect(summary.reason).toMatchInlineSnapshot(
      `"SPC is not used for rolling measures, because each month shares most of its data with the months before it. The points are autocorrelated, so process limits would mislead."`,
    );
    expect(summary.flagged).toEqual([]);
  });

  it('explains series without data', () => {
    const summary = analyseSpc(monthlySeries('2018-01', [null, null]), BASE_OPTIONS);
    expect(summary.available).toBe(false);
    expect(summary.reason).toBe('There is no data for this indicator, so SPC cannot be used.');
    expect(summary.latest).toBeNull();
  });

  it.each([
    { count: 12, available: false },
    { count: 13, available: true },
  ])('$count points, available $available', ({ count, available }) => {
    const summary = analyseSpc(monthlySeries('2017-08', alternating(count)), BASE_OPTIONS);
    expect(summary.available).toBe(available);
    expect(summary.segments[0]?.limits !== null).toBe(available);
    expect(summary.variation === null).toBe(!available);
  });

  it('explains 12-point series', () => {
    const summary = analyseSpc(monthlySeries('2017-08', alternating(12)), BASE_OPTIONS);
    expect(summary.reason).toBe(
      'SPC needs at least 13 months in a row. There are only 12 months of data, so no process limits are shown for Aug 2017–Jul 2018.',
    );
    expect(summary.segments[0]?.reason).toBe(summary.reason);
    expect(summary.latest).toEqual({ month: '2018-07', value: 6 });
  });

  it('signals nothing below 13 points', () => {
    // Twelve points with a huge last value: no limits, so nothing is flagged.
    const summary = analyseSpc(monthlySeries('2017-08', [...alternating(11), 500]), BASE_OPTIONS);
    expect(summary.flagged).toEqual([]);
    expect(summary.variationLabel).toBeNull();
    expect(summary.assuranceLabel).toBeNull();
  });

  it('flags shift of latest 7 months', () => {
    const summary = analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, polarity: 'lower' });
    const limits = summary.segments[0]!.limits!;
    expect(limits.mean).toBeCloseTo(140 / 13, 12);
    expect(limits.movingRangeMean).toBeCloseTo(4.25, 12);
    expect(limits.upperProcessLimit).toBeCloseTo(140 / 13 + 11.305, 12);

    expect(summary.flagged.map((point) => point.month)).toEqual([
      '2018-01',
      '2018-02',
      '2018-03',
      '2018-04',
      '2018-05',
      '2018-06',
      '2018-07',
    ]);
    expect(summary.flagged.every((point) => point.class === 'concern' && point.rules.join() === 'shift')).toBe(true);
    expect(summary.variation).toBe('special-cause-concern');
    expect(summary.variationLabel).toBe('Special cause concern');
    expect(summary.variationSentence).toBe('Special cause concern: 7 months in a row above the mean, Jan–Jul 2018.');
    expect(summary.latestSignals).toEqual([
      { rule: 'shift', direction: 'up', from: '2018-01', to: '2018-07', pointCount: 7 },
    ]);
  });

  it('classes shift as improvement when higher', () => {
    const summary = analyseSpc(SHIFT_SERIES, BASE_OPTIONS);
    expect(summary.variation).toBe('special-cause-improvement');
    expect(summary.flagged.every((point) => point.class === 'improvement')).toBe(true);
  });

  it('classes shift as neutral when neutral', () => {
    const summary = analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, polarity: 'neutral', target: 10 });
    expect(summary.variation).toBe('special-cause-neutral');
    expect(summary.variationSentence).toBe(
      'Special cause variation, neither improvement nor concern: 7 months in a row above the mean, Jan–Jul 2018.',
    );
    expect(summary.assurance).toBe('none');
  });

  it('describes common cause latest month', () => {
    const summary = analyseSpc(monthlySeries('2017-07', alternating(13)), { ...BASE_OPTIONS, target: 12 });
    expect(summary.variation).toBe('common-cause');
    expect(summary.variationSentence).toBe(
      'Common cause variation: the latest month, Jul 2018, is within the process limits and no pattern rule applies.',
    );
    expect(summary.assurance).toBe('hit-and-miss');
    expect(summary.assuranceLabel).toBe('Hit and miss');
    expect(summary.assuranceSentence).toBe(
      'The target of 12 lies between the process limits, so it will be hit and missed by chance.',
    );
  });

  it.each([
    // Limits of SHIFT_SERIES: −0.536 and 22.074.
    { polarity: 'higher', target: -1, expected: 'consistently-passes' },
    { polarity: 'higher', target: 23, expected: 'consistently-fails' },
    { polarity: 'lower', target: 23, expected: 'consistently-passes' },
    { polarity: 'lower', target: -1, expected: 'consistently-fails' },
    { polarity: 'lower', target: 10, expected: 'hit-and-miss' },
    { polarity: 'lower', target: null, expected: 'none' },
  ] as const)('assures $polarity target $target', ({ polarity, target, expected }) => {
    expect(analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, polarity, target }).assurance).toBe(expected);
  });

  it('formats target with caller formatter', () => {
    const summary = analyseSpc(SHIFT_SERIES, {
      ...BASE_OPTIONS,
      target: 10,
      formatValue: (value) => `${value.toFixed(1)}%`,
    });
    expect(summary.assuranceSentence).toBe(
      'The target of 10.0% lies between the process limits, so it will be hit and missed by chance.',
    );
  });

  it('splits at internal gap', () => {
    const series = monthlySeries('2016-01', [...alternating(13), null, null, ...alternating(13)]);
    const summary = analyseSpc(series, BASE_OPTIONS);
    expect(summary.gaps).toEqual([{ from: '2017-02', to: '2017-03' }]);
    expect(summary.segments.map((segment) => [segment.from, segment.to, segment.start])).toEqual([
      ['2016-01', '2017-01', 'series-start'],
      ['2017-04', '2018-04', 'gap'],
    ]);
    expect(summary.segments.every((segment) => segment.limits !== null)).toBe(true);
    expect(summary.notes).toEqual([
      'There is no data for Feb–Mar 2017, so the months before and after the gap have separate process limits.',
    ]);
  });

  it('splits at missing month', () => {
    const series = [...monthlySeries('2016-01', alternating(13)), ...monthlySeries('2017-03', alternating(13))];
    const summary = analyseSpc(series, BASE_OPTIONS);
    expect(summary.gaps).toEqual([{ from: '2017-02', to: '2017-02' }]);
    expect(summary.segments).toHaveLength(2);
  });

  it('keeps runs within one segment', () => {
    // Each segment has mean 129 / 13 = 9.92 and ends or starts with six months
    // above it. Joined without the gap, those twelve months make a shift.
    const before = [0, 20, 0, 20, 0, 20, 0, 11, 12, 11, 12, 11, 12];
    const after = [11, 12, 11, 12, 11, 12, 0, 20, 0, 20, 0, 20, 0];
    const shiftMonths = (values: Array<number | null>) =>
      analyseSpc(monthlySeries('2016-01', values), BASE_OPTIONS)
        .flagged.filter((point) => point.rules.includes('shift'))
        .map((point) => point.month);

    expect(shiftMonths([...before, null, ...after])).toEqual([]);
    expect(shiftMonths([...before, ...after])).toHaveLength(12);
  });

  it('ignores leading and trailing nulls', () => {
    const series = monthlySeries('2017-05', [null, null, ...alternating(13), null]);
    const summary = analyseSpc(series, BASE_OPTIONS);
    expect(summary.gaps).toEqual([]);
    expect(summary.segments).toHaveLength(1);
    expect(summary.latest?.month).toBe('2018-07');
    expect(summary.available).toBe(true);
  });

  it('withholds icons after recent gap', () => {
    const series = monthlySeries('2016-01', [...alternating(14), null, ...alternating(5)]);
    const summary = analyseSpc(series, BASE_OPTIONS);
    expect(summary.segments[0]?.limits).not.toBeNull();
    expect(summary.segments[1]?.limits).toBeNull();
    expect(summary.available).toBe(false);
    expect(summary.reason).toBe(
      'SPC needs at least 13 months in a row. Only 5 months follow the gap in the data, ' +
        'so no process limits are shown for Apr–Aug 2017.',
    );
  });

  it('recalculates limits from given month', () => {
    const series = monthlySeries('2016-01', [...alternating(13), ...alternating(13).map((value) => value + 100)]);
    const summary = analyseSpc(series, { ...BASE_OPTIONS, spcRecalculate: ['2017-02'] });
    expect(summary.segments.map((segment) => [segment.from, segment.start])).toEqual([
      ['2016-01', 'series-start'],
      ['2017-02', 'recalculation'],
    ]);
    expect(summary.segments[0]?.limits?.mean).toBeCloseTo((7 * 14 + 6 * 6) / 13, 12);
    expect(summary.segments[1]?.limits?.mean).toBeCloseTo((7 * 114 + 6 * 106) / 13, 12);
    expect(summary.flagged).toEqual([]);
    expect(summary.notes).toEqual(['The process limits were recalculated from Feb 2017.']);
  });

  it('explains short segment after recalculation', () => {
    const series = monthlySeries('2016-01', alternating(20));
    const summary = analyseSpc(series, { ...BASE_OPTIONS, spcRecalculate: ['2017-03'] });
    expect(summary.reason).toBe(
      'SPC needs at least 13 months in a row. Only 6 months follow the recalculation in Mar 2017, ' +
        'so no process limits are shown for Mar–Aug 2017.',
    );
  });

  it('rejects invalid input', () => {
    expect(() => analyseSpc(monthlySeries('2018-01', [1, Number.POSITIVE_INFINITY]), BASE_OPTIONS)).toThrow(
      'series value for 2018-02 is Infinity',
    );
    expect(() => analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, target: Number.NaN })).toThrow('target is NaN');
    expect(() => analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, spcRecalculate: ['2018-1'] })).toThrow(
      'SPC recalculation month "2018-1" is invalid',
    );
    expect(() => analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, shiftLength: 0 })).toThrow('shiftLength is 0');
  });

  it('returns JSON-safe summary', () => {
    const summary = analyseSpc(SHIFT_SERIES, { ...BASE_OPTIONS, target: 10 });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('analyseSpc baseline', () => {
  // Apr 2018 – Mar 2019 alternate 10 and 12: mean 11, every moving range 2,
  // so the limits are 11 ± 5.32 = 5.68 and 16.32. Apr 2019 is 17.
  // Without the baseline: mean 149 / 13 = 11.4615, MR-bar (22 + 5) / 12 = 2.25
  // and upper limit 11.4615 + 5.985 = 17.4465, so 17 would be inside.
  const values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 17];
  const series = monthlySeries('2018-04', values);
  const baseline = { from: '2018-04', to: '2019-03' };

  it('fixes limits from 12 baseline months', () => {
    const summary = analyseSpc(series, { ...BASE_OPTIONS, spcBaseline: baseline });
    const segment = summary.segments[0]!;
    expect(segment.baseline).toEqual(baseline);
    expect(segment.limits?.pointCount).toBe(12);
    expect(segment.limits?.mean).toBe(11);
    expect(segment.limits?.movingRangeMean).toBe(2);
    expect(segment.limits?.upperProcessLimit).toBeCloseTo(16.32, 12);
    expect(segment.limits?.lowerProcessLimit).toBeCloseTo(5.68, 12);
  });

  it('judges later points against fixed limits', () => {
    const summary = analyseSpc(series, { ...BASE_OPTIONS, spcBaseline: baseline });
    expect(summary.flagged).toEqual([
      { month: '2019-04', value: 17, rules: ['outside-limits'], direction: 'up', class: 'improvement' },
    ]);
    expect(summary.variationSentence).toBe('Special cause improvement: Apr 2019 above the upper process limit.');
    expect(summary.notes).toEqual([
      'The mean and process limits are fixed from the baseline, Apr 2018–Mar 2019, and held until Apr 2019.',
    ]);
  });

  it('uses all points without baseline', () => {
    const summary = analyseSpc(series, BASE_OPTIONS);
    expect(summary.segments[0]?.limits?.mean).toBeCloseTo(149 / 13, 12);
    expect(summary.segments[0]?.limits?.upperProcessLimit).toBeCloseTo(149 / 13 + 5.985, 12);
    expect(summary.flagged).toEqual([]);
  });

  it('still needs 13 segment points', () => {
    const summary = analyseSpc(monthlySeries('2018-04', values.slice(0, 12)), {
      ...BASE_OPTIONS,
      spcBaseline: baseline,
    });
    expect(summary.segments[0]?.limits).toBeNull();
    expect(summary.available).toBe(false);
  });

  it('explains baseline outside data', () => {
    const summary = analyseSpc(monthlySeries('2018-05', values), { ...BASE_OPTIONS, spcBaseline: baseline });
    expect(summary.segments[0]?.limits).toBeNull();
    expect(summary.reason).toBe(
      'The SPC baseline, Apr 2018–Mar 2019, does not lie within the first run of months with no gap or ' +
        'recalculation (May 2018–May 2019), so no process limits are shown for that run.',
    );
  });

  it('applies to first segment only', () => {
    const twoSegments = monthlySeries('2018-04', [...values, ...alternating(13)]);
    const summary = analyseSpc(twoSegments, { ...BASE_OPTIONS, spcBaseline: baseline, spcRecalculate: ['2019-05'] });
    expect(summary.segments.map((segment) => segment.baseline)).toEqual([baseline, null]);
    expect(summary.segments[1]?.limits?.pointCount).toBe(13);
  });

  it.each([
    { spcBaseline: { from: '2018-04', to: '2019-02' }, message: 'has 11 months: declare at least 12' },
    { spcBaseline: { from: '2019-03', to: '2018-04' }, message: 'SPC baseline ends (2018-04) before it starts (2019-03)' },
    { spcBaseline: { from: '2018-4', to: '2019-03' }, message: 'SPC baseline month "2018-4" is invalid' },
  ])('rejects baseline $spcBaseline.from to $spcBaseline.to', ({ spcBaseline, message }) => {
    expect(() => analyseSpc(series, { ...BASE_OPTIONS, spcBaseline })).toThrow(message);
  });
});
