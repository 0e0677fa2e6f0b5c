import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areCutPointsOrdered, describeCutPoints, rateFigure, type RagStatus } from '../../../src/lib/rag/cut-points.ts';

const RANK: Record<Exclude<RagStatus, 'none'>, number> = { red: 0, amber: 1, green: 2 };

/** Figures on a 0.1 grid, as a rated figure at one decimal place would be. */
const figureArbitrary = fc.integer({ min: -20000, max: 20000 }).map((tenths) => tenths / 10);

describe('rateFigure', () => {
  // FD 3's rule: "90% or above Green 85%-89% Amber 84% and below Red".
  it.each([
    [95, 'green'],
    [90, 'green'],
    [89.9, 'amber'],
    [85, 'amber'],
    [84.1, 'amber'],
    [84, 'red'],
    [10, 'red'],
  ] as const)('higher is better: %d is %s', (figure, expected) => {
    expect(rateFigure(figure, 'higher', 90, 84)).toBe(expected);
  });

  // W 1's cut points: green at 17 or below, red at 20.1 or above.
  it.each([
    [16, 'green'],
    [17, 'green'],
    [17.1, 'amber'],
    [20, 'amber'],
    [20.1, 'red'],
    [25, 'red'],
  ] as const)('lower is better: %d is %s', (figure, expected) => {
    expect(rateFigure(figure, 'lower', 17, 20.1)).toBe(expected);
  });

  it('cuts one apart leave no amber', () => {
    // CP 10 imports as green 62 and red 63: 62 is green and 63 red, so nothing is amber at whole numbers.
    expect(rateFigure(62, 'lower', 62, 63)).toBe('green');
    expect(rateFigure(63, 'lower', 62, 63)).toBe('red');
    expect(rateFigure(62.5, 'lower', 62, 63)).toBe('amber');
  });

  it('rejects neutral polarity', () => {
    expect(() => rateFigure(50, 'neutral', 90, 84)).toThrow(RangeError);
  });

  it.each([
    ['higher', 84, 90],
    ['lower', 20.1, 17],
    ['higher', 85, 85],
    ['lower', 85, 85],
  ] as const)('rejects %s cuts green %d red %d', (polarity, green, red) => {
    expect(() => rateFigure(50, polarity, green, red)).toThrow(RangeError);
  });

  it('higher is monotonic in figure', () => {
    fc.assert(
      fc.property(figureArbitrary, figureArbitrary, figureArbitrary, figureArbitrary, (a, b, cutA, cutB) => {
        fc.pre(cutA !== cutB);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const green = Math.max(cutA, cutB);
        const red = Math.min(cutA, cutB);
        expect(RANK[rateFigure(low, 'higher', green, red)]).toBeLessThanOrEqual(RANK[rateFigure(high, 'higher', green, red)]);
      }),
    );
  });

  it('lower is monotonic in figure', () => {
    fc.assert(
      fc.property(figureArbitrary, figureArbitrary, figureArbitrary, figureArbitrary, (a, b, cutA, cutB) => {
        fc.pre(cutA !== cutB);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const green = Math.min(cutA, cutB);
        const red = Math.max(cutA, cutB);
        expect(RANK[rateFigure(low, 'lower', green, red)]).toBeGreaterThanOrEqual(RANK[rateFigure(high, 'lower', green, red)]);
      }),
    );
  });

  it('mirrors between polarities', () => {
    // Negating the figure and both cuts turns a lower-is-better rule into a higher-is-better one.
    fc.assert(
      fc.property(figureArbitrary, figureArbitrary, figureArbitrary, (figure, cutA, cutB) => {
        fc.pre(cutA !== cutB);
        const green = Math.min(cutA, cutB);
        const red = Math.max(cutA, cutB);
        expect(rateFigure(-figure, 'higher', -green, -red)).toBe(rateFigure(figure, 'lower', green, red));
      }),
    );
  });

  it('cuts themselves rate green and red', () => {
    fc.assert(
      fc.property(figureArbitrary, figureArbitrary, (cutA, cutB) => {
        fc.pre(cutA !== cutB);
        const green = Math.max(cutA, cutB);
        const red = Math.min(cutA, cutB);
        expect(rateFigure(green, 'higher', green, red)).toBe('green');
        expect(rateFigure(red, 'higher', green, red)).toBe('red');
      }),
    );
  });
});

describe('areCutPointsOrdered', () => {
  it.each([
    ['higher', 90, 84, true],
    ['higher', 84, 90, false],
    ['higher', 90, 90, false],
    ['lower', 17, 20.1, true],
    ['lower', 20.1, 17, false],
    ['lower', 17, 17, false],
    ['neutral', 17, 20.1, false],
  ] as const)('%s with green %d red %d gives %s', (polarity, green, red, expected) => {
    expect(areCutPointsOrdered(polarity, green, red)).toBe(expected);
  });
});

describe('describeCutPoints', () => {
  const percent = (value: number) => `${value}%`;

  it('words higher-is-better rule', () => {
    const words = describeCutPoints('higher', 90, 84, percent);
    expect(words.green).toBe('90% or above');
    expect(words.amber).toBe('above 84% and below 90%');
    expect(words.red).toBe('84% or below');
  });

  it('words lower-is-better rule', () => {
    const words = describeCutPoints('lower', 17, 20.1, String);
    expect(words.green).toBe('17 or below');
    expect(words.amber).toBe('above 17 and below 20.1');
    expect(words.red).toBe('20.1 or above');
  });
});
