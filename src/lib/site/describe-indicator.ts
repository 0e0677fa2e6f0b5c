import { formatMonth, formatMonthSpan } from '../data/month.ts';
import type { RagStatus } from '../rag/cut-points.ts';
import type { IndicatorView } from './build-edition.ts';

/**
 * Sentences about an indicator for the chart's text summary and the
 * explanation of its rating. Each states only what the edition computed.
 */

export const RAG_WORDS: Record<RagStatus, string> = { green: 'Green', amber: 'Amber', red: 'Red', none: 'Not rated' };

/** Writes one sentence with the latest value, target, status and trend, used as the chart's description. */
export function summariseIndicator(view: IndicatorView): string {
  const { indicator, latest, previous, rating, target, format } = view;
  const parts: string[] = [];

  if (latest.value !== null) parts.push(`${indicator.code} was ${format(latest.value)} in ${formatMonth(latest.month)}`);
  else if (view.lastWithData) parts.push(`${indicator.code} has no value for ${formatMonth(latest.month)}; its latest is for ${formatMonth(view.lastWithData)}`);
  else parts.push(`${indicator.code} has no data yet`);

  if (target?.value != null) parts.push(`against a ${target.year} target of ${format(target.value)}`);
  else if (target?.text) parts.push(`against a ${target.year} target of "${target.text}"`);

  let sentence = parts.join(', ');
  if (rating.status !== 'none' && rating.figure !== null) {
    sentence += `; the rated figure of ${format(rating.figure)} is ${RAG_WORDS[rating.status]}`;
  } else {
    sentence += '; it is not rated';
  }

  if (latest.value !== null && previous.value !== null) {
    const trend = view.direction === 'no-change' ? 'unchanged from' : `${view.direction === 'improving' || view.direction === 'worsening' ? view.direction.replace('ing', 'ed') : view.direction === 'up' ? 'up from' : 'down from'}`;
    sentence += view.direction === 'improving' || view.direction === 'worsening'
      ? `, and it has ${trend} from ${format(previous.value)} in ${formatMonth(previous.month)}`
      : `, ${trend} ${format(previous.value)} in ${formatMonth(previous.month)}`;
  }

  return `${sentence}.`;
}

/** Explains how the rated figure was computed, for the indicator page. */
export function explainRating(view: IndicatorView): string {
  const { rating, format, indicator } = view;
  const reasons: Record<Exclude<typeof rating.reason, null>, string> = {
    'no-polarity': 'It is not rated, because it has no polarity: it is a context measure with no better direction.',
    'no-target': `It is not rated, because it has no target for ${rating.year}.`,
    'no-cut-points': `It is not rated, because its ${rating.year} target has no cut points.`,
    'no-data': `It is not rated, because it has no data for ${rating.year} so far.`,
  };
  if (rating.reason === 'no-polarity' || rating.reason === 'no-target' || rating.reason === 'no-cut-points') return reasons[rating.reason];
  if (rating.figure === null || rating.exactFigure === null) return reasons['no-data'];

  const months = rating.monthsUsed;
  const basis = rating.basis === 'latest'
    ? `The rated figure is the latest month with data, ${formatMonth(months[0]!)}`
    : `The rated figure is the mean of the ${months.length} ${months.length === 1 ? 'month' : 'months'} of ${rating.year} with data (${formatMonthSpan(months[0]!, months.at(-1)!)})`;
  const exact = Number(rating.exactFigure.toPrecision(12));
  const rounding = exact === rating.figure
    ? `: ${format(rating.figure)}`
    : `: ${exact}, rounded to ${format(rating.figure)} at ${indicator.decimals} decimal ${indicator.decimals === 1 ? 'place' : 'places'}`;
  const status = rating.reason === null ? ` That figure is ${RAG_WORDS[rating.status]}.` : ` ${reasons[rating.reason]}`;
  return `${basis}${rounding}.${status}`;
}
