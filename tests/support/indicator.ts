import type { Indicator } from '../../src/lib/data/types.ts';

/** Makes an indicator definition for tests: W 1 as the shipped data defines it, with `overrides` applied. */
export function makeIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: 'W 1',
    title: 'Average caseload per social worker',
    section: 'Workforce',
    polarity: 'lower',
    unit: 'number',
    decimals: 1,
    owner: 'PS',
    ragBasis: 'fytd-mean',
    footnote: '',
    spc: 'on',
    spcRecalculate: [],
    spcBaseline: null,
    ...overrides,
  };
}
