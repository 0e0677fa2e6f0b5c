import { addMonths, financialYearOf } from '../data/month.ts';
import type { Scorecard } from '../data/load-scorecard.ts';
import type { Month, Observation, Target } from '../data/types.ts';
import type { RagStatus } from '../rag/cut-points.ts';
import { buildEdition, type Edition, type IndicatorView } from './build-edition.ts';

/**
 * Changes between this month's edition and the previous month's, which is
 * the same data as they stood one month earlier. Past values revised since the
 * previous edition can only be seen with the previous edition's data file,
 * which the caller reads from git when history is available.
 */

export interface RagChange {
  code: string;
  title: string;
  slug: string;
  from: RagStatus;
  to: RagStatus;
  /** The rated figure before and after, rounded for display, and why it moved. */
  fromFigure: number | null;
  toFigure: number | null;
  reason: string;
}

export interface NewValue {
  code: string;
  slug: string;
  month: Month;
  value: number;
  /** The previous month's value, or null when it had none. */
  previous: number | null;
}

export interface StaleIndicator {
  code: string;
  slug: string;
  /** Latest month that has data, or null when the indicator never had any. */
  lastMonth: Month | null;
}

export interface TargetChange {
  code: string;
  slug: string;
  year: string;
  before: Target | null;
  after: Target | null;
}

export interface Revision {
  code: string;
  slug: string;
  month: Month;
  before: number | null;
  after: number | null;
}

export interface EditionChanges {
  month: Month;
  previousMonth: Month;
  ragChanges: RagChange[];
  newValues: NewValue[];
  stale: StaleIndicator[];
  targetChanges: TargetChange[];
  /** Null when no earlier data file was available to compare with. */
  revisions: Revision[] | null;
}

/**
 * Compares the edition for `scorecard.edition` with the one a month before.
 * `previousObservations` are the values as published in the previous
 * edition (from git), or null when unknown.
 */
export function compareEditions(scorecard: Scorecard, current: Edition, previousObservations: readonly Observation[] | null): EditionChanges {
  const previousMonth = addMonths(current.month, -1);
  const previousScorecard = previousObservations ? { ...scorecard, observations: [...previousObservations] } : scorecard;
  const previous = buildEdition(previousScorecard, [], previousMonth);
  const previousByCode = new Map(previous.indicators.map((view) => [view.indicator.code, view]));

  const ragChanges: RagChange[] = [];
  const newValues: NewValue[] = [];
  const stale: StaleIndicator[] = [];

  for (const view of current.indicators) {
    const before = previousByCode.get(view.indicator.code)!;

    if (before.rating.status !== view.rating.status) ragChanges.push(describeRagChange(before, view));

    if (view.latest.value === null) {
      stale.push({ code: view.indicator.code, slug: view.slug, lastMonth: view.lastWithData });
    } else {
      newValues.push({ code: view.indicator.code, slug: view.slug, month: view.latest.month, value: view.latest.value, previous: view.previous.value });
    }
  }

  return {
    month: current.month,
    previousMonth,
    ragChanges,
    newValues,
    stale,
    targetChanges: compareTargets(scorecard, current),
    revisions: previousObservations ? findRevisions(scorecard, current, previousObservations) : null,
  };
}

function describeRagChange(before: IndicatorView, after: IndicatorView): RagChange {
  const { format } = after;
  const figure = (view: IndicatorView) => (view.rating.figure === null ? 'no figure' : format(view.rating.figure));
  let reason: string;

  if (before.rating.year !== after.rating.year) {
    reason = `A new financial year (${after.rating.year}) started, so the rating now rests on ${figure(after)} against the ${after.rating.year} target and cut points.`;
  } else if (after.rating.reason !== null && before.rating.reason === null) {
    reason = `It is no longer rated (${after.rating.reason.replace(/-/g, ' ')}).`;
  } else {
    const months = after.rating.monthsUsed.length;
    reason = after.rating.basis === 'latest'
      ? `The latest month's figure moved from ${figure(before)} to ${figure(after)}.`
      : `The year-to-date figure moved from ${figure(before)} to ${figure(after)} with ${months} ${months === 1 ? 'month' : 'months'} of data.`;
  }

  return {
    code: after.indicator.code,
    title: after.indicator.title,
    slug: after.slug,
    from: before.rating.status,
    to: after.rating.status,
    fromFigure: before.rating.figure,
    toFigure: after.rating.figure,
    reason,
  };
}

/** Targets and cut points that change when the edition month starts a new financial year. */
function compareTargets(scorecard: Scorecard, current: Edition): TargetChange[] {
  const year = financialYearOf(current.month);
  const previousYear = financialYearOf(addMonths(current.month, -1));
  if (year === previousYear) return [];

  const changes: TargetChange[] = [];
  for (const view of current.indicators) {
    const before = scorecard.targets.find((target) => target.code === view.indicator.code && target.year === previousYear) ?? null;
    const after = scorecard.targets.find((target) => target.code === view.indicator.code && target.year === year) ?? null;
    const same = before && after && before.text === after.text && before.green === after.green && before.red === after.red;
    if (!same && (before || after)) changes.push({ code: view.indicator.code, slug: view.slug, year, before, after });
  }
  return changes;
}

function findRevisions(scorecard: Scorecard, current: Edition, previousObservations: readonly Observation[]): Revision[] {
  const slugByCode = new Map(current.indicators.map((view) => [view.indicator.code, view.slug]));
  const before = new Map(previousObservations.map((observation) => [`${observation.code}\u0000${observation.month}`, observation.value]));
  const revisions: Revision[] = [];

  for (const observation of scorecard.observations) {
    const key = `${observation.code}\u0000${observation.month}`;
    if (!before.has(key) || observation.month >= current.month) continue;
    const old = before.get(key) ?? null;
    if (old !== observation.value) {
      revisions.push({ code: observation.code, slug: slugByCode.get(observation.code) ?? '', month: observation.month, before: old, after: observation.value });
    }
  }
  return revisions;
}
