import { stringify } from 'csv-stringify/sync';
import { INDICATOR_COLUMNS, TARGET_COLUMNS, VALUE_COLUMNS } from './csv-columns.ts';
import type { Indicator, Observation, Target } from './types.ts';

/**
 * Serialises the data model to the CSV text of the three data files, with
 * `\n` line ends and quotes only where a field needs them, so monthly
 * commits show small, readable diffs.
 */

export function writeIndicatorsCsv(indicators: readonly Indicator[]): string {
  const rows = indicators.map((indicator) => [
    indicator.code,
    indicator.title,
    indicator.section,
    indicator.polarity === 'neutral' ? '' : indicator.polarity,
    indicator.unit,
    String(indicator.decimals),
    indicator.owner,
    indicator.ragBasis,
    indicator.footnote,
    indicator.spc === 'on' ? '' : indicator.spc,
    indicator.spcBaseline ? `${indicator.spcBaseline.from}..${indicator.spcBaseline.to}` : '',
    indicator.spcRecalculate.join(' '),
  ]);
  return stringify([[...INDICATOR_COLUMNS], ...rows]);
}

export function writeTargetsCsv(targets: readonly Target[]): string {
  const rows = targets.map((target) => [target.code, target.year, target.text, formatCut(target.green), formatCut(target.red)]);
  return stringify([[...TARGET_COLUMNS], ...rows]);
}

/**
 * Writes values month by month (every indicator's April, then every May),
 * so a new month is new rows at the end of the file. `valueText` keeps a
 * value as the source wrote it (`16.0`), when known.
 */
export function writeValuesCsv(observations: readonly Observation[], valueText?: (observation: Observation) => string): string {
  const ordered = [...observations].sort((a, b) => a.month.localeCompare(b.month));
  const rows = ordered.map((observation) => [
    observation.code,
    observation.month,
    observation.value === null ? '' : (valueText?.(observation) ?? String(observation.value)),
    observation.note,
  ]);
  return stringify([[...VALUE_COLUMNS], ...rows]);
}

function formatCut(value: number | null): string {
  return value === null ? '' : String(value);
}
