import { describe, expect, it } from 'vitest';
import { splitTitle } from '../../../src/lib/legacy/split-title.ts';

describe('splitTitle', () => {
  it('separates FD 3 markup and footnote', () => {
    const split = splitTitle('Percentage of completed contacts received in the month which were actioned within 1 working day <i>*This is the number of SPOC forms</i>');

    expect(split.title).toBe('Percentage of completed contacts received in the month which were actioned within 1 working day');
    expect(split.footnote).toBe('This is the number of SPOC forms');
    expect(split.markup).toEqual(['<i>', '</i>']);
  });

  it('separates W1 d bracketed footnote', () => {
    const split = splitTitle('Average Caseload per Social Worker - CWD *(Excludes 16-25 Case Allocations)');

    expect(split.title).toBe('Average Caseload per Social Worker - CWD');
    expect(split.footnote).toBe('Excludes 16-25 Case Allocations');
    expect(split.markup).toEqual([]);
  });

  it.each([
    // An asterisk inside the title that starts no footnote: "CIN*" is followed by lower-case text.
    'Percentage of CIN* for whom a visit has taken place within last 4 weeks',
    'Percentage of CIN* for who had review on time (excludes those allocated to CWD teams)',
    'Average Caseload per Social Worker',
  ])('keeps %j whole', (raw) => {
    expect(splitTitle(raw)).toEqual({ title: raw, footnote: '', markup: [] });
  });

  it('collapses spaces left by markup', () => {
    expect(splitTitle('Number of <b>missing</b>   episodes').title).toBe('Number of missing episodes');
  });
});
