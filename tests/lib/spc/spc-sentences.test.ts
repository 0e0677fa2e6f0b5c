import { describe, expect, it } from 'vitest';
import type { SignalRun } from '../../../src/lib/spc/signal-runs.ts';
import {
  describeAssurance,
  describeBaseline,
  describeGap,
  describeRecalculation,
  describeShortSegment,
  describeSignal,
  describeVariation,
  formatSpcValue,
  labelAssurance,
  labelVariation,
} from '../../../src/lib/spc/spc-sentences.ts';

const SHIFT_UP: SignalRun = { rule: 'shift', direction: 'up', from: '2018-01', to: '2018-07', pointCount: 7 };
const BELOW_LIMIT: SignalRun = { rule: 'outside-limits', direction: 'down', from: '2018-07', to: '2018-07', pointCount: 1 };

describe('describeVariation', () => {
  it('names shift and months', () => {
    expect(describeVariation('special-cause-concern', '2018-07', [SHIFT_UP])).toMatchInlineSnapshot(
      `"Special cause concern: 7 months in a row above the mean, Jan–Jul 2018."`,
    );
  });

  it('describes common cause', () => {
    expect(describeVariation('common-cause', '2018-07', [])).toMatchInlineSnapshot(
      `"Common cause variation: the latest month, Jul 2018, is within the process limits and no pattern rule applies."`,
    );
  });

  it('lists every rule that fired', () => {
    const shiftDown: SignalRun = { ...SHIFT_UP, direction: 'down', from: '2017-12', pointCount: 8 };
    expect(describeVariation('special-cause-concern', '2018-07', [BELOW_LIMIT, shiftDown])).toMatchInlineSnapshot(
      `"Special cause concern: Jul 2018 below the lower process limit; 8 months in a row below the mean, Dec 2017–Jul 2018."`,
    );
  });

  it('rejects special cause without signals', () => {
    expect(() => describeVariation('special-cause-concern', '2018-07', [])).toThrow(
      'variation state "special-cause-concern" needs at least one signal',
    );
  });

  it('marks neutral special cause', () => {
    expect(describeVariation('special-cause-neutral', '2018-07', [SHIFT_UP])).toMatchInlineSnapshot(
      `"Special cause variation, neither improvement nor concern: 7 months in a row above the mean, Jan–Jul 2018."`,
    );
  });
});

describe('describeSignal', () => {
  it.each([
    { signal: BELOW_LIMIT, expected: 'Jul 2018 below the lower process limit' },
    { signal: { ...BELOW_LIMIT, direction: 'up' }, expected: 'Jul 2018 above the upper process limit' },
    { signal: { ...SHIFT_UP, rule: 'trend' }, expected: 'a rising trend of 7 months, Jan–Jul 2018' },
    {
      signal: { ...SHIFT_UP, rule: 'trend', direction: 'down', from: '2017-11', pointCount: 9 },
      expected: 'a falling trend of 9 months, Nov 2017–Jul 2018',
    },
    {
      signal: { rule: 'two-of-three', direction: 'down', from: '2018-05', to: '2018-07', pointCount: 2 },
      expected: '2 of 3 months in a row close to the lower process limit, May–Jul 2018',
    },
  ] as Array<{ signal: SignalRun; expected: string }>)('$expected', ({ signal, expected }) => {
    expect(describeSignal(signal)).toBe(expected);
  });
});

describe('describeAssurance', () => {
  it.each([
    {
      state: 'hit-and-miss',
      target: 90,
      polarity: 'higher',
      expected: 'The target of 90 lies between the process limits, so it will be hit and missed by chance.',
    },
    {
      state: 'consistently-passes',
      target: 75,
      polarity: 'higher',
      expected: 'The target of 75 lies below the lower process limit, so it will be met every month unless the process changes.',
    },
    {
      state: 'consistently-passes',
      target: 20,
      polarity: 'lower',
      expected: 'The target of 20 lies above the upper process limit, so it will be met every month unless the process changes.',
    },
    {
      state: 'consistently-fails',
      target: 98,
      polarity: 'higher',
      expected: 'The target of 98 lies above the upper process limit, so it will not be met unless the process changes.',
    },
    {
      state: 'consistently-fails',
      target: 2.5,
      polarity: 'lower',
      expected: 'The target of 2.5 lies below the lower process limit, so it will not be met unless the process changes.',
    },
    {
      state: 'none',
      target: null,
      polarity: 'higher',
      expected: 'This indicator has no numeric target, so it is not assessed against one.',
    },
    {
      state: 'none',
      target: 10,
      polarity: 'neutral',
      expected: 'This indicator has no preferred direction, so it is not assessed against a target.',
    },
  ] as const)('$state, $polarity better', ({ state, target, polarity, expected }) => {
    expect(describeAssurance(state, target, polarity)).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['common-cause', 'Common cause variation'],
    ['special-cause-improvement', 'Special cause improvement'],
    ['special-cause-concern', 'Special cause concern'],
    ['special-cause-neutral', 'Special cause variation'],
  ] as const)('variation %s', (state, expected) => {
    expect(labelVariation(state)).toBe(expected);
  });

  it.each([
    ['consistently-passes', 'Consistently passes'],
    ['consistently-fails', 'Consistently fails'],
    ['hit-and-miss', 'Hit and miss'],
    ['none', null],
  ] as const)('assurance %s', (state, expected) => {
    expect(labelAssurance(state)).toBe(expected);
  });
});

describe('notes and reasons', () => {
  it('describes one-month gap', () => {
    expect(describeGap({ from: '2018-02', to: '2018-02' })).toMatchInlineSnapshot(
      `"There is no data for Feb 2018, so the months before and after the gap have separate process limits."`,
    );
  });

  it('describes recalculation and baseline', () => {
    expect(describeRecalculation('2017-04')).toBe('The process limits were recalculated from Apr 2017.');
    expect(describeBaseline({ from: '2016-04', to: '2017-03' }, '2019-03')).toBe(
      'The mean and process limits are fixed from the baseline, Apr 2016–Mar 2017, and held until Mar 2019.',
    );
  });

  it('counts single month', () => {
    const segment = { from: '2018-07', to: '2018-07', start: 'gap', pointCount: 1 } as const;
    expect(describeShortSegment(segment, 13)).toMatchInlineSnapshot(
      `"SPC needs at least 13 months in a row. Only 1 month follows the gap in the data, so no process limits are shown for Jul 2018."`,
    );
  });
});

describe('formatSpcValue', () => {
  it.each([
    [90, '90'],
    [2.5, '2.5'],
    [1234567, '1,234,567'],
    [0.1 + 0.2, '0.3'],
  ])('formats %d', (value, expected) => {
    expect(formatSpcValue(value)).toBe(expected);
  });
});
