import type { IndicatorView } from './build-edition.ts';
import { loadSite } from './load-site.ts';

/**
 * Finds an indicator of the current edition by code, for the live-figure
 * components in commentary. `scorecard check` reports an unknown code with
 * its file and line before the build; this error is the backstop.
 */
export function findIndicatorView(code: string): IndicatorView {
  const view = loadSite().edition.indicators.find((candidate) => candidate.indicator.code === code);
  if (!view) throw new Error(`Commentary names indicator "${code}", which is not in data/indicators.csv. Run "npm run check" to find the file and line.`);
  return view;
}
