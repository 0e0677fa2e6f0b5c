/**
 * The validated scorecard model shared by the evaluator, the charts and the
 * site. Raw CSV rows are parsed into these types by `load-scorecard.ts`.
 */

/** Calendar month as `YYYY-MM`. Months are never instants, so no time zone applies. */
export type Month = string;

/** Financial year as `YYYY-YY` (April to March), for example `2018-19`. */
export type FinancialYear = string;

/** Direction in which the figure is better. `neutral` indicators are context only and never rated. */
export type Polarity = 'higher' | 'lower' | 'neutral';

/** Figure the RAG rests on: the mean of the financial year to date, or the latest month. */
export type RagBasis = 'fytd-mean' | 'latest';

/** Unit a value is shown in: `percent` on a 0–100 scale, `days`, `number` or another plain count. */
export type Unit = 'percent' | 'number' | 'days' | 'weeks' | 'ratio';

/**
 * Whether statistical process control applies: `on` by default, `off` by the
 * analyst's choice, or `rolling` for a rolling measure (such as a 12-month
 * average) whose autocorrelated points break the XmR assumptions.
 */
export type SpcSetting = 'on' | 'off' | 'rolling';

export interface Indicator {
  code: string;
  title: string;
  section: string;
  polarity: Polarity;
  unit: Unit;
  /** Decimal places shown to readers; the rated figure is rounded to these before it is compared. */
  decimals: number;
  /** Initials of the accountable manager. */
  owner: string;
  ragBasis: RagBasis;
  footnote: string;
  spc: SpcSetting;
  /** Months from which SPC limits are recalculated (each starts a new segment). */
  spcRecalculate: Month[];
  /** Optional months whose points alone fix the limits of the first segment. */
  spcBaseline: { from: Month; to: Month } | null;
}

/** A target and its two cut points for one indicator and financial year. */
export interface Target {
  code: string;
  year: FinancialYear;
  /** Numeric target, drawn as the target line; null when the target is text only. */
  value: number | null;
  /** The target as the owner wrote it, for display (`90`, `<10% of Cohort`). */
  text: string;
  /** Green when the rated figure is at or beyond this cut on the good side. */
  green: number | null;
  /** Red when the rated figure is at or beyond this cut on the bad side. */
  red: number | null;
}

/** One month of one indicator. `value` null means no data, never zero. */
export interface Observation {
  code: string;
  month: Month;
  value: number | null;
  note: string;
}
