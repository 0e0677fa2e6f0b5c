import { addMonths, monthRange } from '../data/month.ts';
import type { Scorecard } from '../data/load-scorecard.ts';
import { formatValue } from '../data/parse-number.ts';
import type { Indicator, Month, Observation, Target } from '../data/types.ts';
import type { Finding } from '../findings.ts';
import { describeCutPoints } from '../rag/cut-points.ts';
import { evaluateRag, type RagRating } from '../rag/evaluate-rag.ts';
import { analyseSpc, type SpcSummary } from '../spc/analyse-spc.ts';
import { slugify } from '../text/slug.ts';
import { directionOfTravel, type Direction } from './direction.ts';
import { summariseYears, type YearMean } from './financial-year-summary.ts';

/**
 * Everything the pages show about one edition, computed once from the
 * validated scorecard. Pages only format these values; every decision
 * (rating, direction, which months count) is made here or below.
 */

/** Finding kinds about the analyst's process (what to add, what the importer kept), never shown to readers. */
const ANALYST_ONLY_KINDS: ReadonlySet<string> = new Set(['note-missing', 'month-incomplete', 'value-revised', 'row-changed', 'note-not-placed', 'stray-cell']);

export interface IndicatorView {
  indicator: Indicator;
  slug: string;
  /** Every month from the indicator's first row to the edition month; missing months have value null. */
  series: { month: Month; value: number | null; note: string }[];
  /** The edition month's value, or null when the indicator has no data for it (stale). */
  latest: { month: Month; value: number | null };
  /** The latest month that has data, which is older than the edition month for a stale indicator. */
  lastWithData: Month | null;
  previous: { month: Month; value: number | null };
  direction: Direction;
  rating: RagRating;
  lastYear: YearMean;
  yearToDate: YearMean;
  /** The target of the edition month's financial year. */
  target: Target | null;
  /** Every target of the indicator, oldest first. */
  targets: Target[];
  /** The rating rule in words, from the cut points; null without cut points. */
  rule: { green: string; amber: string; red: string } | null;
  /** Warnings about this indicator's data, shown on the data-quality page. */
  warnings: Finding[];
  /** Statistical process control of the whole series, with the reason when it does not apply. */
  spc: SpcSummary;
  /** Formats a value with the indicator's unit and decimals (`43%`). */
  format: (value: number) => string;
}

export interface Edition {
  /** The month the data runs to. */
  month: Month;
  sections: { title: string; slug: string; indicators: IndicatorView[] }[];
  indicators: IndicatorView[];
  warnings: Finding[];
}

export function buildEdition(scorecard: Scorecard, findings: readonly Finding[], month: Month = scorecard.edition): Edition {
  const observationsByCode = new Map<string, Observation[]>();
  for (const observation of scorecard.observations) {
    if (observation.month > month) continue;
    const list = observationsByCode.get(observation.code) ?? [];
    list.push(observation);
    observationsByCode.set(observation.code, list);
  }

  // Some warnings are instructions for the analyst running check or import, not facts about a figure,
  // so the data-quality page leaves them out.
  const warnings = findings.filter((finding) => finding.severity === 'warning' && !ANALYST_ONLY_KINDS.has(finding.kind));
  const targetsByCode = new Map<string, Target[]>();
  for (const target of scorecard.targets) targetsByCode.set(target.code, [...(targetsByCode.get(target.code) ?? []), target]);
  const warningsByCode = new Map<string, Finding[]>();
  for (const warning of warnings) {
    if (warning.code !== null) warningsByCode.set(warning.code, [...(warningsByCode.get(warning.code) ?? []), warning]);
  }

  const indicators = scorecard.indicators.map((indicator) =>
    buildIndicatorView(indicator, observationsByCode.get(indicator.code) ?? [], targetsByCode.get(indicator.code) ?? [], month, warningsByCode.get(indicator.code) ?? []),
  );
  const byCode = new Map(indicators.map((view) => [view.indicator.code, view]));

  return {
    month,
    sections: scorecard.sections.map((section) => ({
      title: section.title,
      slug: section.slug,
      indicators: section.codes.map((code) => byCode.get(code)!),
    })),
    indicators,
    warnings,
  };
}

function buildIndicatorView(
  indicator: Indicator,
  observations: Observation[],
  indicatorTargets: readonly Target[],
  month: Month,
  warnings: readonly Finding[],
): IndicatorView {
  const byMonth = new Map(observations.map((observation) => [observation.month, observation]));
  const valueOf = (candidate: Month) => byMonth.get(candidate)?.value ?? null;
  const first = observations.reduce<Month>((earliest, observation) => (observation.month < earliest ? observation.month : earliest), month);

  const series = monthRange(first, month).map((candidate) => ({ month: candidate, value: valueOf(candidate), note: byMonth.get(candidate)?.note ?? '' }));
  const lastWithData = [...series].reverse().find((point) => point.value !== null)?.month ?? null;
  const previousMonth = addMonths(month, -1);

  const targets = [...indicatorTargets].sort((a, b) => a.year.localeCompare(b.year));
  const rating = evaluateRag(indicator, observations, targets, month);
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimals);
  const target = rating.target;
  const rule = target && target.green !== null && target.red !== null && indicator.polarity !== 'neutral'
    ? describeCutPoints(indicator.polarity, target.green, target.red, format)
    : null;

  const spc = analyseSpc(series.map((point) => ({ month: point.month, value: point.value })), {
    polarity: indicator.polarity,
    spc: indicator.spc,
    spcBaseline: indicator.spcBaseline,
    spcRecalculate: indicator.spcRecalculate,
    target: target?.value ?? null,
    formatValue: format,
  });

  return {
    indicator,
    slug: slugify(indicator.code),
    spc,
    series,
    latest: { month, value: valueOf(month) },
    lastWithData,
    previous: { month: previousMonth, value: valueOf(previousMonth) },
    direction: directionOfTravel(valueOf(month), valueOf(previousMonth), indicator.polarity, indicator.decimals),
    rating,
    ...summariseYears(month, indicator.decimals, valueOf),
    target,
    targets,
    rule,
    warnings: [...warnings],
    format,
  };
}
