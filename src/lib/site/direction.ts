import type { Polarity } from '../data/types.ts';
import { roundHalfAwayFromZero } from '../rag/round.ts';

/**
 * Direction of travel of the latest month against the month before, judged
 * by polarity at display precision: 20.41 and 20.44 at one decimal are "no
 * change". Neutral indicators only go up or down.
 */
export type Direction = 'improving' | 'worsening' | 'no-change' | 'up' | 'down' | 'not-comparable';

export function directionOfTravel(latest: number | null, previous: number | null, polarity: Polarity, decimals: number): Direction {
  if (latest === null || previous === null) return 'not-comparable';

  const difference = roundHalfAwayFromZero(latest, decimals) - roundHalfAwayFromZero(previous, decimals);
  if (difference === 0) return 'no-change';
  if (polarity === 'neutral') return difference > 0 ? 'up' : 'down';

  const better = polarity === 'higher' ? difference > 0 : difference < 0;
  return better ? 'improving' : 'worsening';
}

/** Reader-facing words for each direction. */
export const DIRECTION_WORDS: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no-change': 'No change',
  up: 'Up',
  down: 'Down',
  'not-comparable': 'No comparison',
};
