import type { Polarity } from '../data/types.ts';

/** RAG status of an indicator. `none` means not rated: no target, no cut points or no data. */
export type RagStatus = 'red' | 'amber' | 'green' | 'none';

/**
 * Rates a figure against two cut points. Higher is better: green at or above
 * the green cut, red at or below the red cut, amber between. Lower is better
 * mirrors this. The figure must already be rounded to display decimals.
 * Throws when the cuts are the wrong way round, because a rating from them
 * would be meaningless; validation reports that case before rating starts.
 */
export function rateFigure(figure: number, polarity: Polarity, green: number, red: number): Exclude<RagStatus, 'none'> {
  if (polarity === 'neutral') throw new RangeError('an indicator with no polarity cannot be rated');
  if (!areCutPointsOrdered(polarity, green, red)) {
    throw new RangeError(`green cut ${green} is not better than red cut ${red} for ${polarity} is better`);
  }

  if (polarity === 'higher') {
    if (figure >= green) return 'green';
    if (figure <= red) return 'red';
    return 'amber';
  }

  if (figure <= green) return 'green';
  if (figure >= red) return 'red';
  return 'amber';
}

/** Returns true when the green cut is strictly better than the red cut for the polarity. */
export function areCutPointsOrdered(polarity: Polarity, green: number, red: number): boolean {
  if (polarity === 'higher') return green > red;
  if (polarity === 'lower') return green < red;
  return false;
}

/**
 * Writes the rating rule in words from the two cut points, so the text on
 * the site can never disagree with the rating: for higher is better,
 * "Green: 90 or above. Amber: between 84 and 90. Red: 84 or below."
 * `format` renders a number with the indicator's unit and decimals.
 */
export function describeCutPoints(
  polarity: Polarity,
  green: number,
  red: number,
  format: (value: number) => string,
): { green: string; amber: string; red: string } {
  const greenText = format(green);
  const redText = format(red);

  if (polarity === 'higher') {
    return {
      green: `${greenText} or above`,
      amber: `above ${redText} and below ${greenText}`,
      red: `${redText} or below`,
    };
  }

  return {
    green: `${greenText} or below`,
    amber: `above ${greenText} and below ${redText}`,
    red: `${redText} or above`,
  };
}
