import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommentary, readCommentary } from './content/read-commentary.ts';
import { DATA_FILES } from './data/csv-columns.ts';
import { parseScorecard, type Scorecard } from './data/load-scorecard.ts';
import { sortFindings, type Finding } from './findings.ts';

/**
 * Reads and validates a project folder: the three data files and the
 * commentary front matter. This is what `scorecard check` runs and what the
 * build runs first; `scorecard` is null when any finding is an error.
 */
export function loadProject(root: string): { scorecard: Scorecard | null; findings: Finding[] } {
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
  if (!indicators || !targets || !values) return { scorecard: null, findings };

  const result = parseScorecard({ indicators, targets, values });
  findings.push(...result.findings);

  const commentary = readCommentary(root, findings);
  if (result.scorecard) checkCommentary(commentary, result.scorecard, findings);

  const failed = findings.some((finding) => finding.severity === 'error');
  return { scorecard: failed ? null : result.scorecard, findings: sortFindings(findings) };
}
