import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommentary, checkNotesForRatings, readCommentary, type CommentaryFile } from './content/read-commentary.ts';
import { DATA_FILES } from './data/csv-columns.ts';
import { parseScorecard, type Scorecard } from './data/load-scorecard.ts';
import { sortFindings, type Finding } from './findings.ts';

/**
 * Reads and validates a project folder: the three data files and the
 * commentary front matter. This is what `scorecard check` runs and what the
 * build runs first. `scorecard` is null when any finding is an error, and
 * `commentary` is empty when the data files are missing.
 */
export function loadProject(root: string): { scorecard: Scorecard | null; findings: Finding[]; commentary: CommentaryFile[] } {
  const findings: Finding[] = [];
  const read = (file: string) => {
    const path = join(root, file);
    if (existsSync(path)) return { file, bytes: new Uint8Array(readFileSync(path)) };
    findings.push({ file, line: null, column: null, severity: 'error', code: null, kind: 'file-missing', message: `${file} is missing. Run "npm run import -- <export>" to create the data files, or restore it from git.` });
    return null;
  };

  const indicators = read(DATA_FILES.indicators);
  const targets = read(DATA_FILES.targets);
  const values = read(DATA_FILES.values);
  if (!indicators || !targets || !values) return { scorecard: null, findings, commentary: [] };

  const result = parseScorecard({ indicators, targets, values });
  findings.push(...result.findings);

  findings.push(...readImportReport(root));

  const commentary = readCommentary(root, findings);
  if (result.scorecard) {
    findings.push(...checkMonthComplete(result.scorecard));
    checkCommentary(commentary, result.scorecard, findings);
    checkNotesForRatings(commentary, result.scorecard, findings);
  }

  const failed = findings.some((finding) => finding.severity === 'error');
  return { scorecard: failed ? null : result.scorecard, findings: sortFindings(findings), commentary };
}

/**
 * Reads the warnings of the last import (`data/import-report.json`), which
 * stay true of the data until the next import: a RAG rule with a gap, a
 * polarity that had to be inferred. Errors in it are not carried over,
 * because the importer did not write the cells they are about.
 */
function readImportReport(root: string): Finding[] {
  const path = join(root, 'data/import-report.json');
  if (!existsSync(path)) return [];
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Finding[];
    return report.filter((finding) => finding.severity === 'warning');
  } catch (error) {
    return [{ file: 'data/import-report.json', line: null, column: null, severity: 'warning', code: null, kind: 'import-report-invalid', message: `The import report could not be read (${(error as Error).message}), so the data-quality page omits its findings. Run the import again or restore the file from git.` }];
  }
}

/**
 * Warns when the edition month has values for some indicators but not
 * others: the whole site moves to that month, so a month committed halfway
 * shows most indicators as having no data.
 */
function checkMonthComplete(scorecard: Scorecard): Finding[] {
  const withValue = new Set(scorecard.observations.filter((row) => row.month === scorecard.edition && row.value !== null).map((row) => row.code));
  const missing = scorecard.indicators.map((indicator) => indicator.code).filter((code) => !withValue.has(code));
  if (missing.length === 0) return [];

  const listed = missing.slice(0, 10).map((code) => `"${code}"`).join(', ');
  const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
  return [{
    file: DATA_FILES.values,
    line: null,
    column: null,
    severity: 'warning',
    code: null,
    kind: 'month-incomplete',
    message: `${missing.length} of ${scorecard.indicators.length} indicators have no value for ${scorecard.edition}, the latest month in the file: ${listed}${more}. The site shows them as having no data for ${scorecard.edition}; add their rows if the month is not finished.`,
  }];
}
