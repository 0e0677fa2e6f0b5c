import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SpcPoint } from '../../../src/lib/spc/spc-types.ts';

/**
 * Readers for the published SPC results copied into tests/fixtures/spc. The
 * test files that use them name each source, commit and licence.
 */

const FIXTURE_FOLDER = new URL('../../fixtures/spc/', import.meta.url);

/** One row of an NHSRplotthedots result table, with the columns the tests compare. */
export interface PublishedPoint {
  month: string;
  value: number;
  rebaseGroup: number;
  mean: number;
  lpl: number;
  upl: number;
  pointType: 'common_cause' | 'special_cause_improvement' | 'special_cause_concern';
}

/** Reads the rows of one case and series from an NHSRplotthedots fixture, in month order. */
export function readPublishedCase(file: string, caseId: string, series: string): PublishedPoint[] {
  const points = readFixtureRows(file)
    .filter((row) => row.case_id === caseId && row.series === series)
    .map((row) => ({
      // The fixture writes each month as its first day, `2016-04-01`.
      month: row.period!.slice(0, 7),
      value: Number(row.value),
      rebaseGroup: Number(row.rebase_group),
      mean: Number(row.mean),
      lpl: Number(row.lpl),
      upl: Number(row.upl),
      pointType: row.point_type as PublishedPoint['pointType'],
    }));

  if (points.length === 0) throw new Error(`fixture ${file} has no rows for case "${caseId}", series "${series}"`);
  return points;
}

/** Reads a whole fixture as rows of strings keyed by column name. */
export function readFixtureRows(file: string): Record<string, string>[] {
  return parse(readFileSync(new URL(file, FIXTURE_FOLDER), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** Turns published rows into the series `analyseSpc` takes. */
export function toSeries(points: readonly PublishedPoint[]): SpcPoint[] {
  return points.map((point) => ({ month: point.month, value: point.value }));
}
