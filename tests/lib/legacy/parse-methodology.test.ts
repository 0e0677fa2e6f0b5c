import { describe, expect, it } from 'vitest';
import { findBandProblems, parseMethodology, type Methodology } from '../../../src/lib/legacy/parse-methodology.ts';

function parse(text: string): Methodology {
  const methodology = parseMethodology(text);
  if (methodology === null) throw new Error(`"${text}" parsed as empty`);
  return methodology;
}

describe('parseMethodology', () => {
  it('reads lower-is-better rule', () => {
    // P1: green at 24 or below, red at 35 or above.
    const methodology = parse('24% or below Green 25%-34% Amber 35% and above Red');

    expect(methodology.polarity).toBe('lower');
    expect(methodology.greenCut).toBe(24);
    expect(methodology.redCut).toBe(35);
    expect(methodology.green).toEqual({ from: -Infinity, to: 24 });
    expect(methodology.amber).toEqual({ from: 25, to: 34 });
    expect(methodology.red).toEqual({ from: 35, to: Infinity });
    expect(methodology.polarityEvidence).toBe('24% or below Green');
  });

  it('reads higher-is-better rule', () => {
    // FD 3: green at 90 or above, red at 84 or below.
    const methodology = parse('90% or above Green 85%-89% Amber 84% and below Red');

    expect(methodology.polarity).toBe('higher');
    expect(methodology.greenCut).toBe(90);
    expect(methodology.redCut).toBe(84);
    expect(methodology.polarityEvidence).toBe('90% or above Green');
  });

  it.each([
    // W 1, with decimals and no percent signs.
    ['17 or below Green 18.1-20 Amber 20.1 and above Red', 'lower', 17, 20.1],
    // W1 d, with spaces around the hyphen.
    ['20 or below Green 21.1 - 23 Amber 23 and above Red', 'lower', 20, 23],
    // AMT 2, with "to".
    ['85% or above Green 78% to 84% Amber 77% and below Red', 'higher', 85, 77],
    // QA 1: the text is higher is better, whatever the polarity column reads.
    ['90% or above Green 85%-90% Amber 85% and below Red', 'higher', 90, 85],
    // AD 7, in days.
    ['558 or below Green 559 to 608 Amber 609 and above Red', 'lower', 558, 609],
    ['50 or above Green 49 or below Red', 'higher', 50, 49],
    ['  75% or above green 69%–75% amber 68% and below red  ', 'higher', 75, 68],
  ])('%j is %s, green %d, red %d', (text, polarity, greenCut, redCut) => {
    const methodology = parse(text);

    expect(methodology.polarity).toBe(polarity);
    expect(methodology.greenCut).toBe(greenCut);
    expect(methodology.redCut).toBe(redCut);
  });

  it('returns null for empty text', () => {
    expect(parseMethodology('')).toBeNull();
    expect(parseMethodology('   ')).toBeNull();
  });

  it('reads rule without amber', () => {
    expect(parse('50 or above Green 49 or below Red').amber).toBeNull();
  });

  it.each([
    ['<10% of Cohort', 'cannot read "<10% of Cohort"'],
    ['90% or above Green', 'needs both a green and a red band'],
    ['90% or above Green 80% or above Green 70% and below Red', '"green" appears twice'],
    ['90% or above Green 85% and above Red', 'both run above'],
    ['85%-89% Green 84% and below Red', 'must be open bands'],
    ['about 90 Green 84% and below Red', 'cannot read the band "about 90 Green"'],
    ['90% or above Green 84% and below Red (checked monthly)', 'after the last colour'],
  ])('rejects %j', (text, message) => {
    expect(() => parseMethodology(text)).toThrow(RangeError);
    expect(() => parseMethodology(text)).toThrow(message);
  });
});

describe('findBandProblems', () => {
  it('finds no problem in sound rule', () => {
    // 24 green, 25–34 amber, 35 red: every whole number is covered once.
    expect(findBandProblems(parse('24% or below Green 25%-34% Amber 35% and above Red'), 0)).toEqual([]);
  });

  it('finds gaps at finer decimals', () => {
    // At 1 dp, 24.1–24.9 and 34.1–34.9 fall between bands.
    expect(findBandProblems(parse('24% or below Green 25%-34% Amber 35% and above Red'), 1)).toEqual([
      { kind: 'threshold-gap', from: 24.1, to: 24.9, bands: ['green', 'amber'] },
      { kind: 'threshold-gap', from: 34.1, to: 34.9, bands: ['amber', 'red'] },
    ]);
  });

  it('finds W 1 gap', () => {
    // Green ends at 17.0 and amber starts at 18.1, so 17.1 to 18.0 is uncovered at 1 dp.
    expect(findBandProblems(parse('17 or below Green 18.1-20 Amber 20.1 and above Red'), 1)).toEqual([
      { kind: 'threshold-gap', from: 17.1, to: 18, bands: ['green', 'amber'] },
    ]);
  });

  it('finds W1 d gap and overlap', () => {
    // 20.1–21.0 is uncovered, and 23 is both amber ("21.1 - 23") and red ("23 and above").
    const problems = findBandProblems(parse('20 or below Green 21.1 - 23 Amber 23 and above Red'), 1);

    expect(problems).toContainEqual({ kind: 'threshold-gap', from: 20.1, to: 21, bands: ['green', 'amber'] });
    expect(problems).toContainEqual({ kind: 'threshold-overlap', from: 23, to: 23, bands: ['amber', 'red'] });
    expect(problems).toHaveLength(2);
  });

  it('finds QA 1 overlaps', () => {
    // "85%-90% Amber" shares 90 with green and 85 with red.
    const problems = findBandProblems(parse('90% or above Green 85%-90% Amber 85% and below Red'), 0);

    expect(problems).toContainEqual({ kind: 'threshold-overlap', from: 90, to: 90, bands: ['green', 'amber'] });
    expect(problems).toContainEqual({ kind: 'threshold-overlap', from: 85, to: 85, bands: ['amber', 'red'] });
    expect(problems).toHaveLength(2);
  });

  it.each([
    // FD 8: green runs to 22 and amber starts at 21, so 21 and 22 are both.
    ['22% or below Green 21% - 25% Amber 26% and above Red', 21, 22, ['green', 'amber']],
    // CIN 4: 75 is green ("75% or above") and amber ("69%-75%").
    ['75% or above Green 69%-75% Amber 68% and below Red', 75, 75, ['green', 'amber']],
    // CP 5: 77 is green and amber.
    ['77% or above Green 70% to 77% Amber 69% and below Red', 77, 77, ['green', 'amber']],
    // CP 10: amber "52 to 62" lies inside green "62 or below".
    ['62 or below Green 52 to 62 Amber 63 and above Red', 52, 62, ['green', 'amber']],
  ] as const)('finds overlap in %j', (text, from, to, bands) => {
    expect(findBandProblems(parse(text), 0)).toEqual([{ kind: 'threshold-overlap', from, to, bands }]);
  });

  it('finds gap without amber', () => {
    // At 1 dp, 49.1 to 49.9 lies between "49 or below" and "50 or above".
    expect(findBandProblems(parse('50 or above Green 49 or below Red'), 1)).toEqual([
      { kind: 'threshold-gap', from: 49.1, to: 49.9, bands: ['green', 'red'] },
    ]);
  });
});
