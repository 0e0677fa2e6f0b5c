import type { Finding } from '../findings.ts';
import { slugify } from '../text/slug.ts';
import { INDICATOR_COLUMNS, OPTIONAL_COLUMNS, TARGET_COLUMNS, VALUE_COLUMNS } from './csv-columns.ts';
import { isFinancialYear, isMonth } from './month.ts';
import { parseDecimal } from './parse-number.ts';
import { readCsv, type CsvRow } from './read-csv.ts';
import type { Indicator, Month, Observation, Polarity, RagBasis, SpcSetting, Target, Unit } from './types.ts';

/** The validated data of one edition. */
export interface Scorecard {
  indicators: Indicator[];
  targets: Target[];
  observations: Observation[];
  /** Sections in order of first appearance in indicators.csv. */
  sections: { title: string; slug: string; codes: string[] }[];
  /** The latest month with any value: the month the edition runs to. */
  edition: Month;
}

/** Raw bytes of the three data files, each with the path it is reported under. */
export interface ScorecardFiles {
  indicators: { file: string; bytes: Uint8Array };
  targets: { file: string; bytes: Uint8Array };
  values: { file: string; bytes: Uint8Array };
}

const POLARITIES: Record<string, Polarity> = { higher: 'higher', lower: 'lower', '': 'neutral' };
const UNITS: readonly Unit[] = ['percent', 'number', 'days', 'weeks', 'ratio'];
const RAG_BASES: Record<string, RagBasis> = { 'fytd-mean': 'fytd-mean', latest: 'latest', '': 'fytd-mean' };
const SPC_SETTINGS: Record<string, SpcSetting> = { '': 'on', on: 'on', off: 'off', rolling: 'rolling' };

/**
 * Validates the three data files and builds the scorecard. Every problem is
 * collected as a finding. `scorecard` is null when any finding is an error,
 * so no caller can publish from data that failed validation.
 */
export function parseScorecard(files: ScorecardFiles): { scorecard: Scorecard | null; findings: Finding[] } {
  const findings: Finding[] = [];

  const indicatorTable = readCsv(files.indicators.bytes, files.indicators.file, INDICATOR_COLUMNS, OPTIONAL_COLUMNS, findings);
  const targetTable = readCsv(files.targets.bytes, files.targets.file, TARGET_COLUMNS, OPTIONAL_COLUMNS, findings);
  const valueTable = readCsv(files.values.bytes, files.values.file, VALUE_COLUMNS, OPTIONAL_COLUMNS, findings);

  const indicators = indicatorTable ? readIndicators(indicatorTable.rows, files.indicators.file, findings) : [];
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  // Codes whose row in indicators.csv was rejected. Their targets and values are skipped, because
  // reporting them as "not in data/indicators.csv" would contradict the error on that row.
  const rejected = new Set((indicatorTable?.rows ?? []).map((row) => row.fields.code!).filter((code) => code !== '' && !byCode.has(code)));
  const targets = targetTable && indicatorTable ? readTargets(targetTable.rows, files.targets.file, byCode, rejected, findings) : [];
  const observations = valueTable && indicatorTable ? readValues(valueTable.rows, files.values.file, byCode, rejected, findings) : [];

  if (findings.some((finding) => finding.severity === 'error')) return { scorecard: null, findings };

  const edition = observations.reduce<Month>((latest, observation) => (observation.value !== null && observation.month > latest ? observation.month : latest), '');
  if (edition === '') {
    findings.push({ file: files.values.file, line: null, column: null, severity: 'error', code: null, kind: 'no-values', message: 'The file contains no values, so there is no month to publish. Add a month of values.' });
    return { scorecard: null, findings };
  }

  const sections: Scorecard['sections'] = [];
  for (const indicator of indicators) {
    let section = sections.find((candidate) => candidate.title === indicator.section);
    if (!section) {
      section = { title: indicator.section, slug: slugify(indicator.section), codes: [] };
      sections.push(section);
    }
    section.codes.push(indicator.code);
  }

  return { scorecard: { indicators, targets, observations, sections, edition }, findings };
}

function readIndicators(rows: CsvRow[], file: string, findings: Finding[]): Indicator[] {
  const indicators: Indicator[] = [];
  const firstLineByCode = new Map<string, number>();
  const codeBySlug = new Map<string, string>();

  for (const row of rows) {
    const { fields } = row;
    const code = fields.code!;
    const error = rowErrorReporter(row, file, code, findings);

    reportExtraFields(row, file, code, findings);

    if (code === '') {
      error('code', 'code-missing', 'The indicator code is empty. Give every row a code such as "W 1".');
      continue;
    }
    const firstLine = firstLineByCode.get(code);
    if (firstLine !== undefined) {
      error('code', 'duplicate-indicator', `Indicator "${code}" is defined again (first on line ${firstLine}). Remove or rename one of the rows.`);
      continue;
    }
    firstLineByCode.set(code, row.line);

    const slug = slugify(code);
    const clash = codeBySlug.get(slug);
    if (clash !== undefined) error('code', 'code-slug-clash', `Indicator "${code}" would have the same page address as "${clash}" (/indicators/${slug}/). Rename one of them.`);
    codeBySlug.set(slug, code);

    if (fields.title === '') error('title', 'title-missing', 'The title is empty. Write the indicator\'s title.');
    if (fields.section === '') error('section', 'section-missing', 'The section is empty. Name the section the indicator belongs to.');

    const polarity = POLARITIES[fields.polarity!];
    if (polarity === undefined) error('polarity', 'polarity-invalid', `Polarity "${fields.polarity}" is not "higher" or "lower". Write which direction is better, or leave it empty for an indicator that is not rated.`);

    const unit = UNITS.find((candidate) => candidate === fields.unit);
    if (unit === undefined) error('unit', 'unit-invalid', `Unit "${fields.unit}" is not one of: ${UNITS.join(', ')}.`);

    const decimals = Number(fields.decimals);
    const decimalsOk = /^\d$/.test(fields.decimals!) && decimals <= 6;
    if (!decimalsOk) error('decimals', 'decimals-invalid', `Decimals "${fields.decimals}" is not a whole number from 0 to 6.`);

    const ragBasis = RAG_BASES[fields.rag_basis!];
    if (ragBasis === undefined) error('rag_basis', 'rag-basis-invalid', `RAG basis "${fields.rag_basis}" is not "fytd-mean" or "latest".`);

    const spc = SPC_SETTINGS[fields.spc!];
    if (spc === undefined) error('spc', 'spc-invalid', `SPC setting "${fields.spc}" is not "on", "off" or "rolling".`);

    const spcBaseline = readBaseline(fields.spc_baseline!, () => error('spc_baseline', 'spc-baseline-invalid', `SPC baseline "${fields.spc_baseline}" is not a period such as 2017-04..2018-03.`));
    const spcRecalculate = fields.spc_recalculate!.split(/\s+/).filter((month) => month !== '');
    for (const month of spcRecalculate) {
      if (!isMonth(month)) error('spc_recalculate', 'spc-recalculate-invalid', `SPC recalculation month "${month}" is not a month such as 2018-04.`);
    }

    if (polarity === undefined || unit === undefined || !decimalsOk || ragBasis === undefined || spc === undefined) continue;

    indicators.push({
      code,
      title: fields.title!,
      section: fields.section!,
      polarity,
      unit,
      decimals,
      owner: fields.owner!,
      ragBasis,
      footnote: fields.footnote!,
      spc,
      spcRecalculate,
      spcBaseline,
    });
  }

  return indicators;
}

function readBaseline(text: string, onInvalid: () => void): Indicator['spcBaseline'] {
  if (text === '') return null;
  const [from, to, ...rest] = text.split('..');
  if (!from || !to || rest.length > 0 || !isMonth(from) || !isMonth(to) || to < from) {
    onInvalid();
    return null;
  }
  return { from, to };
}

function readTargets(rows: CsvRow[], file: string, byCode: ReadonlyMap<string, Indicator>, rejected: ReadonlySet<string>, findings: Finding[]): Target[] {
  const targets: Target[] = [];
  const firstLineByKey = new Map<string, number>();

  for (const row of rows) {
    const { fields } = row;
    const code = fields.code!;
    const error = rowErrorReporter(row, file, code, findings);

    reportExtraFields(row, file, code, findings);

    const indicator = byCode.get(code);
    if (!indicator) {
      if (!rejected.has(code)) error('code', 'unknown-indicator', describeUnknownCode(code, 'Check the code, or add the indicator first.'));
      continue;
    }

    if (!isFinancialYear(fields.year!)) {
      error('year', 'year-not-financial', `Year "${fields.year}" is not a financial year. Write it as the April-to-March year, such as 2018-19.`);
      continue;
    }

    const key = `${code}\u0000${fields.year}`;
    const firstLine = firstLineByKey.get(key);
    if (firstLine !== undefined) {
      error('year', 'duplicate-target', `A target for ${fields.year} is already given on line ${firstLine}. Keep one row per indicator and year.`);
      continue;
    }
    firstLineByKey.set(key, row.line);

    const cut = (column: 'green' | 'red') => {
      const text = fields[column]!;
      if (text === '') return null;
      const reading = parseDecimal(text, indicator.unit);
      if (reading.ok) return reading.value;
      error(column, reading.kind, `The ${column} cut "${text}" is not a plain number. ${reading.hint}`);
      return undefined;
    };
    const green = cut('green');
    const red = cut('red');
    if (green === undefined || red === undefined) continue;

    if ((green === null) !== (red === null)) {
      error(green === null ? 'green' : 'red', 'cut-point-missing', 'Only one cut point is given. Give both a green and a red cut, or neither for an indicator that is not rated.');
      continue;
    }

    if (green !== null && red !== null) {
      if (indicator.polarity === 'neutral') {
        error('green', 'polarity-needed', `Cut points are given, but the indicator has no polarity. Set polarity to "higher" or "lower" in data/indicators.csv.`);
        continue;
      }
      const ordered = indicator.polarity === 'higher' ? green > red : green < red;
      if (!ordered) {
        const need = indicator.polarity === 'higher' ? 'above' : 'below';
        error('green', 'cut-points-reversed', `Green cut ${green} and red cut ${red} are the wrong way round for "${indicator.polarity}" is better: the green cut must be ${need} the red cut. Swap them, or correct the polarity.`);
        continue;
      }
    }

    const targetText = fields.target!;
    const numeric = targetText === '' ? null : parseDecimal(targetText, indicator.unit);
    targets.push({ code, year: fields.year!, value: numeric?.ok ? numeric.value : null, text: targetText, green, red });
  }

  return targets;
}

/**
 * Returns the message for a code that data/indicators.csv lacks, ending in `fix`. A row pasted from a
 * semicolon- or tab-separated export reads as one long code, so that gets its own message.
 */
function describeUnknownCode(code: string, fix: string): string {
  const separator = code.includes(';') ? 'semicolons' : code.includes('\t') ? 'tabs' : null;
  if (separator !== null) return `The row "${code}" separates its fields with ${separator}, so it reads as one code. Separate them with commas, as the header does.`;
  return `Indicator "${code}" is not in data/indicators.csv. ${fix}`;
}

function readValues(rows: CsvRow[], file: string, byCode: ReadonlyMap<string, Indicator>, rejected: ReadonlySet<string>, findings: Finding[]): Observation[] {
  const observations: Observation[] = [];
  const firstLineByKey = new Map<string, number>();
  const unknownCodes = new Set<string>();

  for (const row of rows) {
    const { fields, columns } = row;
    const code = fields.code!;
    const error = rowErrorReporter(row, file, code, findings);

    reportExtraFields(row, file, code, findings);

    const indicator = byCode.get(code);
    if (!indicator) {
      if (!unknownCodes.has(code) && !rejected.has(code)) error('code', 'unknown-indicator', describeUnknownCode(code, 'Check the code for a typo, or add the indicator.'));
      unknownCodes.add(code);
      continue;
    }

    const month = fields.month!;
    if (!isMonth(month)) {
      const suggestion = suggestMonth(month);
      const hint = suggestion ? ` Write ${suggestion}.` : ' Write it as YYYY-MM, such as 2018-07.';
      error('month', 'month-invalid', `"${month}" is not a month in the form YYYY-MM.${hint}`);
      continue;
    }

    const key = `${code}\u0000${month}`;
    const firstLine = firstLineByKey.get(key);
    if (firstLine !== undefined) {
      error('month', 'duplicate-value', `A value for ${month} is already given on line ${firstLine}. Keep one row per indicator and month.`);
      continue;
    }
    firstLineByKey.set(key, row.line);

    const text = fields.value!;
    if (text === '') {
      observations.push({ code, month, value: null, note: fields.note! });
      continue;
    }

    // An unquoted 1,234 splits into value "1" and note "234"; a note of exactly three digits after a short value is that split.
    if (/^-?\d{1,3}$/.test(text) && /^\d{3}(\.\d+)?$/.test(fields.note!)) {
      error('value', 'value-thousands-separator', `Value "${text}" and note "${fields.note}" for ${month} look like the number ${text},${fields.note} split at its thousands separator. Write ${text}${fields.note} without the comma.`);
      continue;
    }

    const reading = parseDecimal(text, indicator.unit);
    if (!reading.ok) {
      error('value', reading.kind, `Value "${text}" for ${month} is not a plain number. ${reading.hint}`);
      continue;
    }

    if (indicator.unit === 'percent' && (reading.value < 0 || reading.value > 100)) {
      findings.push({ file, line: row.line, column: columns.value || null, severity: 'warning', code, kind: 'percent-out-of-range', message: `Value ${text}% for ${month} is outside 0 to 100. Check the figure.` });
    }

    observations.push({ code, month, value: reading.value, note: fields.note! });
  }

  return observations;
}

/** Returns a function that reports an error in one named column of `row`, for indicator `code`. */
function rowErrorReporter(row: CsvRow, file: string, code: string, findings: Finding[]): (column: string, kind: string, message: string) => void {
  return (column, kind, message) => {
    findings.push({ file, line: row.line, column: row.columns[column] || null, severity: 'error', code: code || null, kind, message });
  };
}

function reportExtraFields(row: CsvRow, file: string, code: string, findings: Finding[]): void {
  if (row.extra.every((field) => field.trim() === '')) return;
  findings.push({
    file,
    line: row.line,
    column: Object.keys(row.columns).length + 1,
    severity: 'error',
    code: code || null,
    kind: 'extra-fields',
    message: `The row has more fields than the header (${row.extra.filter((field) => field.trim() !== '').map((field) => `"${field}"`).join(', ')}). Quote a field that contains a comma, or remove the extra cells.`,
  });
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Suggests `2018-07` for `Jul-18`, `Jul 2018` or `07/2018`, or null when no reading is clear. */
function suggestMonth(text: string): string | null {
  const named = /^([A-Za-z]{3})[a-z]*[- ](\d{2}|\d{4})$/.exec(text.trim());
  if (named) {
    const index = MONTH_NAMES.indexOf(named[1]!.toLowerCase());
    if (index >= 0) return `${named[2]!.length === 2 ? `20${named[2]}` : named[2]}-${String(index + 1).padStart(2, '0')}`;
  }
  const numeric = /^(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (numeric && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12) return `${numeric[2]}-${numeric[1]!.padStart(2, '0')}`;
  return null;
}
