import type { Finding } from '../findings.ts';
import { groupByCode } from '../data/group-by-code.ts';
import { evaluateRag } from '../rag/evaluate-rag.ts';
import type { RagStatus } from '../rag/cut-points.ts';
import type { Indicator, Month, Observation, Polarity, Target, Unit } from '../data/types.ts';
import { toSentenceCase } from '../text/slug.ts';
import { readMonthHeader, readValueCell } from './parse-cell.ts';
import { findBandProblems, parseMethodology, type Methodology } from './parse-methodology.ts';
import { readExport } from './read-export.ts';
import { splitTitle } from './split-title.ts';

/**
 * Converts the council's spreadsheet export into the project's data model,
 * and reports every cell it could not convert or had to interpret. Nothing
 * is guessed silently: each interpretation (a polarity read from the rule
 * text, Yellow read as Amber, an impossible zero dropped) is a finding.
 */

export interface ConvertedExport {
  indicators: Indicator[];
  targets: Target[];
  observations: Observation[];
  /** The export's last month column: the edition month. */
  lastMonth: Month;
  /** Each value as the export wrote it (`16.0`), keyed by code and month joined with NUL, for faithful CSV. */
  valueTexts: Map<string, string>;
  findings: Finding[];
}

const COLUMN = {
  code: 'Indicator Number',
  title: 'Indicator Title',
  polarity: 'Polarity',
  owner: 'Target Owner',
  rag: 'RAG',
  methodology: 'RAG Methodology',
};

const RECORDED_RAG: Record<string, RagStatus> = { red: 'red', amber: 'amber', green: 'green', yellow: 'amber', grey: 'none', gray: 'none', '': 'none' };

/** The export's polarity words: Smaller Is Better and Bigger Is Better. */
const STATED_POLARITY: Record<string, Polarity> = { SIB: 'lower', BIB: 'higher' };

/** Units whose figure is an average length of time, where a zero cannot be a real value. */
const DURATION_UNITS: ReadonlySet<Unit> = new Set(['days', 'weeks']);

/** Converts the export's text. `file` names the export in findings. */
export function convertExport(text: string, file: string): ConvertedExport {
  const table = readExport(text);
  const findings: Finding[] = [];
  const report = (finding: Omit<Finding, 'file'>) => findings.push({ file, ...finding });

  const months = table.monthHeaders.map((header) => readMonthHeader(header)!);
  if (months.length === 0) {
    report({ line: null, column: null, severity: 'error', code: null, kind: 'months-missing', message: 'No month columns such as "Apr-17" were found. Check that the file is the scorecard export, saved as tab-separated text.' });
  }
  const targetYear = table.targetHeader?.slice(0, 7) ?? null;
  const lastMonth = months.at(-1) ?? '';

  const indicators: Indicator[] = [];
  const targets: Target[] = [];
  const observations: Observation[] = [];
  const valueTexts = new Map<string, string>();
  const recorded = new Map<string, { status: RagStatus; line: number; column: number }>();
  const seenCodes = new Map<string, number>();

  for (const row of table.rows) {
    const cell = (name: string) => row.cells.get(name) ?? { text: '', column: 0 };
    const code = cell(COLUMN.code).text.replace(/\s+/g, ' ');

    const firstLine = seenCodes.get(code);
    if (firstLine !== undefined) {
      report({ line: row.line, column: 1, severity: 'error', code, kind: 'duplicate-indicator', message: `Indicator "${code}" appears again (first on line ${firstLine}). Remove one of the rows.` });
      continue;
    }
    seenCodes.set(code, row.line);

    const title = splitTitle(cell(COLUMN.title).text);
    if (title.markup.length > 0) {
      report({ line: row.line, column: cell(COLUMN.title).column, severity: 'warning', code, kind: 'markup-in-text', message: `The title contains HTML (${title.markup.join(' ')}). It was removed${title.footnote ? `, and the text after "*" became the footnote "${title.footnote}"` : ''}.` });
    }

    const readings = months.map((month, index) => ({ month, header: table.monthHeaders[index]!, reading: readValueCell(cell(table.monthHeaders[index]!).text), column: cell(table.monthHeaders[index]!).column }));
    const targetReading = readValueCell(cell(table.targetHeader ?? '').text);
    const hasPercent = readings.some(({ reading }) => reading.kind === 'number' && reading.percent) || (targetReading.kind === 'number' && targetReading.percent);
    const unit = inferUnit(title.title, hasPercent);
    const methodologyCell = cell(COLUMN.methodology);
    const decimals = chooseDecimals(readings.map(({ reading }) => reading), methodologyCell.text);
    const finer = readings.filter(({ reading }) => reading.kind === 'number' && reading.decimals > decimals);
    if (finer.length > 0) {
      const examples = finer.slice(0, 3).map(({ reading }) => (reading.kind === 'number' ? reading.text : '')).join(', ');
      report({ line: row.line, column: finer[0]!.column, severity: 'warning', code, kind: 'decimals-inferred', message: `Shown with ${decimals} decimal ${decimals === 1 ? 'place' : 'places'}, the precision of most values and of the RAG rule, so ${finer.length} more precise ${finer.length === 1 ? 'value' : 'values'} (${examples}) will be rounded for display. Change "decimals" in data/indicators.csv if readers need more.` });
    }

    for (const { month, reading, column } of readings) {
      if (reading.kind === 'empty') {
        observations.push({ code, month, value: null, note: '' });
        continue;
      }

      if (reading.kind === 'invalid') {
        report({ line: row.line, column, severity: 'error', code, kind: 'value-not-number', message: `Value "${reading.text}" for ${month} is not a number, so it was imported as no data. Correct the cell in the export, or leave it empty for a missing month.` });
        observations.push({ code, month, value: null, note: `"${reading.text}" in the export` });
        continue;
      }

      let note = '';
      if (reading.footnoteMarker) {
        note = title.footnote || 'Marked with an asterisk in the export.';
        report({ line: row.line, column, severity: 'warning', code, kind: 'footnote-marker', message: `Value "${reading.text}*" for ${month} carries a footnote marker. It was imported as ${reading.text} with the note "${note}".` });
      }

      if (reading.value === 0 && DURATION_UNITS.has(unit)) {
        report({ line: row.line, column, severity: 'warning', code, kind: 'implausible-value', message: `Value 0 for ${month} is impossible for an average time in ${unit}; it means no case that month, so it was imported as no data.` });
        observations.push({ code, month, value: null, note: 'Recorded as 0 in the export: no case this month.' });
        continue;
      }

      observations.push({ code, month, value: reading.value, note });
      valueTexts.set(`${code}\u0000${month}`, reading.text);
    }

    let methodology: Methodology | null = null;
    try {
      methodology = parseMethodology(methodologyCell.text);
    } catch (error) {
      report({ line: row.line, column: methodologyCell.column, severity: 'error', code, kind: 'methodology-unreadable', message: `The RAG rule could not be read: ${(error as Error).message}. Write the cut points into data/targets.csv by hand.` });
    }

    const polarity = resolvePolarity(cell(COLUMN.polarity), methodology, (finding) => report({ line: row.line, code, ...finding }));

    if (methodology) {
      for (const problem of findBandProblems(methodology, decimals)) {
        const span = problem.from === problem.to ? `${problem.from}` : `${problem.from} to ${problem.to}`;
        const what = problem.kind === 'threshold-gap' ? `leaves ${span} between ${problem.bands[0]} and ${problem.bands[1]} uncovered` : `gives ${span} to both ${problem.bands[0]} and ${problem.bands[1]}`;
        report({ line: row.line, column: methodologyCell.column, severity: 'warning', code, kind: problem.kind, message: `The RAG rule "${methodologyCell.text}" ${what} at ${decimals} decimal ${decimals === 1 ? 'place' : 'places'}. Imported as green cut ${methodology.greenCut} and red cut ${methodology.redCut}, which leave no gap or overlap.` });
      }
    }

    const targetCell = cell(table.targetHeader ?? '');
    const target = convertTarget(code, targetYear, targetCell.text, methodology, (finding) => report({ line: row.line, column: targetCell.column, code, ...finding }));
    if (target) targets.push(target);

    const ragCell = cell(COLUMN.rag);
    const ragWord = ragCell.text.toLowerCase();
    const status = RECORDED_RAG[ragWord];
    if (status === undefined) {
      report({ line: row.line, column: ragCell.column, severity: 'warning', code, kind: 'rag-unknown', message: `Recorded RAG "${ragCell.text}" is not Red, Amber, Green, Yellow or Grey, so it was not compared with the rating.` });
    } else {
      if (ragWord === 'yellow') {
        report({ line: row.line, column: ragCell.column, severity: 'warning', code, kind: 'rag-synonym', message: 'Recorded RAG "Yellow" was read as Amber, this council\'s word for it.' });
      }
      recorded.set(code, { status, line: row.line, column: ragCell.column });
    }

    indicators.push({
      code,
      title: title.title,
      section: toSentenceCase(row.section),
      polarity,
      unit,
      decimals,
      owner: cell(COLUMN.owner).text,
      ragBasis: 'fytd-mean',
      footnote: title.footnote,
      spc: isRollingCode(code, (finding) => report({ line: row.line, code, ...finding })) ? 'rolling' : 'on',
      spcRecalculate: [],
      spcBaseline: null,
    });
  }

  placeLooseLines(table.looseLines, indicators, report);
  compareRecordedRag(indicators, observations, targets, lastMonth, recorded, report);

  return { indicators, targets, observations, lastMonth, valueTexts, findings };
}

type PartialFinding = Omit<Finding, 'file' | 'line' | 'code'>;

/**
 * Chooses display decimals: the precision most values are written with, or
 * the RAG rule's cut points if those are finer (`18.1-20 Amber` needs one
 * place). A few values written more finely do not decide it, because AD 7's
 * `521.22` days among whole days is an artefact of a spreadsheet formula.
 */
function chooseDecimals(readings: readonly ReturnType<typeof readValueCell>[], methodology: string): number {
  const counts = new Map<number, number>();
  for (const reading of readings) {
    if (reading.kind === 'number') counts.set(reading.decimals, (counts.get(reading.decimals) ?? 0) + 1);
  }

  let usual = 0;
  let usualCount = 0;
  for (const [decimals, count] of counts) {
    if (count > usualCount || (count === usualCount && decimals > usual)) {
      usual = decimals;
      usualCount = count;
    }
  }

  const ruleDecimals = [...methodology.matchAll(/\d+\.(\d+)/g)].map((match) => match[1]!.length);
  return Math.max(usual, ...ruleDecimals);
}

/** A code such as `LAC 19 (12m)` names a rolling 12-month measure, which SPC must not chart. */
function isRollingCode(code: string, report: (finding: PartialFinding) => void): boolean {
  const match = /\((\d+)m\)/i.exec(code);
  if (!match) return false;
  report({ column: 1, severity: 'warning', kind: 'rolling-measure', message: `The code "${code}" marks a rolling ${match[1]}-month measure, so it was imported with spc "rolling" and gets no process limits.` });
  return true;
}

function inferUnit(title: string, hasPercent: boolean): Unit {
  if (hasPercent || /^percentage\b/i.test(title)) return 'percent';
  if (/\(days\)|\bdays\b/i.test(title)) return 'days';
  if (/\bweeks\b/i.test(title) && /\baverage\b/i.test(title)) return 'weeks';
  return 'number';
}

/**
 * Chooses the polarity: the export's SIB/BIB column, unless the rule text
 * implies the other one. The text wins a conflict because the cut points come from
 * it, and cut points read against the wrong polarity would invert colours.
 */
function resolvePolarity(
  cell: { text: string; column: number },
  methodology: Methodology | null,
  report: (finding: PartialFinding) => void,
): Polarity {
  const stated = cell.text.toUpperCase();
  const statedPolarity: Polarity | null = STATED_POLARITY[stated] ?? null;

  if (stated !== '' && statedPolarity === null) {
    report({ column: cell.column, severity: 'warning', kind: 'polarity-unknown', message: `Polarity "${cell.text}" is not SIB or BIB, so it was ignored.` });
  }

  if (methodology === null) return statedPolarity ?? 'neutral';

  if (statedPolarity === null) {
    report({ column: cell.column, severity: 'warning', kind: 'polarity-missing', message: `No polarity was given. Imported as ${methodology.polarity} is better, inferred from "${methodology.polarityEvidence}" in the RAG rule.` });
    return methodology.polarity;
  }

  if (statedPolarity !== methodology.polarity) {
    report({ column: cell.column, severity: 'warning', kind: 'polarity-conflict', message: `Polarity ${stated} means ${statedPolarity} is better, but the RAG rule reads "${methodology.polarityEvidence}". Imported as ${methodology.polarity} is better, following the rule the cut points come from; check with the indicator's owner.` });
    return methodology.polarity;
  }

  return statedPolarity;
}

function convertTarget(
  code: string,
  year: string | null,
  text: string,
  methodology: Methodology | null,
  report: (finding: Omit<PartialFinding, 'column'>) => void,
): Target | null {
  const reading = readValueCell(text);
  const numeric = reading.kind === 'number' ? reading.value : null;

  if (reading.kind === 'invalid') {
    const usable = text.toUpperCase() !== 'NA';
    const unrated = methodology === null ? 'so the indicator is not rated' : 'so no target line is drawn; the rating uses the cut points of the RAG rule';
    report({ severity: 'warning', kind: 'target-not-numeric', message: usable ? `Target "${text}" is not a number, so it is shown as text with no target line; the rating uses the cut points of the RAG rule.` : `Target "${text}" means no target, ${unrated}.` });
    if (!usable && methodology === null) return null;
  }

  if (year === null || (numeric === null && methodology === null && reading.kind !== 'invalid')) return null;

  return {
    code,
    year,
    value: numeric,
    text: reading.kind === 'number' ? reading.text : text.toUpperCase() === 'NA' ? '' : text,
    green: methodology?.greenCut ?? null,
    red: methodology?.redCut ?? null,
  };
}

/**
 * Attaches a free-text note to the indicator it names (`QA1` for `QA 1`) as
 * part of its footnote, and reports notes and stray cells it cannot place.
 */
function placeLooseLines(
  looseLines: ReturnType<typeof readExport>['looseLines'],
  indicators: Indicator[],
  report: (finding: Omit<Finding, 'file'>) => void,
): void {
  const unplaced = new Map<string, number[]>();

  for (const loose of looseLines) {
    if (loose.kind === 'stray-cell') {
      report({ line: loose.line, column: 1, severity: 'warning', code: null, kind: 'stray-cell', message: `Stray cell "${loose.text}" outside any indicator row was not imported. Check whether it belongs to an indicator.` });
      continue;
    }

    const owner = indicators.find((indicator) => mentionsCode(loose.text, indicator.code));
    if (owner) {
      const text = loose.text.replace(/^note:\s*/i, '');
      owner.footnote = owner.footnote ? `${owner.footnote} ${text}` : text;
      report({ line: loose.line, column: 1, severity: 'warning', code: owner.code, kind: 'note-placed', message: `The note "${shorten(loose.text)}" names ${owner.code}, so it became that indicator's footnote.` });
      continue;
    }

    const key = loose.text.replace(/\*\*/g, '').trim();
    const lines = unplaced.get(key) ?? [];
    lines.push(loose.line);
    unplaced.set(key, lines);
  }

  for (const [text, lines] of unplaced) {
    const where = lines.length > 1 ? ` (also on lines ${lines.slice(1).join(', ')})` : '';
    report({ line: lines[0]!, column: 1, severity: 'warning', code: null, kind: 'note-not-placed', message: `The note "${shorten(text)}" names no indicator, so it was not imported${where}. Copy it into a section's commentary if readers need it.` });
  }
}

function mentionsCode(text: string, code: string): boolean {
  const pattern = code.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  return new RegExp(`(^|[^A-Za-z0-9])${pattern}($|[^A-Za-z0-9])`).test(text);
}

function shorten(text: string): string {
  const plain = text.replace(/\*\*/g, '');
  return plain.length > 70 ? `${plain.slice(0, 67)}...` : plain;
}

function compareRecordedRag(
  indicators: readonly Indicator[],
  observations: readonly Observation[],
  targets: readonly Target[],
  asOf: Month,
  recorded: ReadonlyMap<string, { status: RagStatus; line: number; column: number }>,
  report: (finding: Omit<Finding, 'file'>) => void,
): void {
  if (asOf === '') return;

  const observationsByCode = groupByCode(observations);
  for (const indicator of indicators) {
    const entry = recorded.get(indicator.code);
    if (!entry) continue;

    const rating = evaluateRag(indicator, observationsByCode.get(indicator.code) ?? [], targets, asOf);
    if (rating.status === entry.status) continue;

    const figure = rating.figure === null ? 'no figure' : `the year-to-date figure ${rating.figure} (${rating.monthsUsed.length} months)`;
    report({ line: entry.line, column: entry.column, severity: 'warning', code: indicator.code, kind: 'rag-mismatch', message: `The export records ${describe(entry.status)}, but ${figure} rates ${describe(rating.status)} against the cut points. The site shows ${describe(rating.status)}; check the recorded rating with the indicator's owner.` });
  }
}

function describe(status: RagStatus): string {
  return status === 'none' ? 'not rated' : status.charAt(0).toUpperCase() + status.slice(1);
}
