/**
 * A finding is one problem found in the input: an error stops the build, a
 * warning is published on the data-quality page. Findings are collected, never
 * thrown one at a time, so one run shows an analyst every problem.
 */

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Path as the analyst would type it, relative to the project root (`data/values.csv`). */
  file: string;
  /** 1-based line in the file, or null when the finding is about the whole file. */
  line: number | null;
  /** 1-based column (CSV field number or character), or null when unknown. */
  column: number | null;
  severity: Severity;
  /** Indicator code the finding is about, or null. */
  code: string | null;
  /** Stable kebab-case identifier, for tests and machine readers (`value-not-number`). */
  kind: string;
  /** Description of the problem and of the fix, in plain sentences. */
  message: string;
}

/** Formats a finding as `file:line:column  severity  indicator  message [kind]`. */
export function formatFinding(finding: Finding): string {
  let location = finding.file;
  if (finding.line !== null) location += `:${finding.line}`;
  if (finding.line !== null && finding.column !== null) location += `:${finding.column}`;
  const indicator = finding.code === null ? '-' : `"${finding.code}"`;
  return `${location}  ${finding.severity}  ${indicator}  ${finding.message} [${finding.kind}]`;
}

/** Sorts findings by file, line and column, so output reads top to bottom like the files. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.kind.localeCompare(b.kind),
  );
}

/** Returns true when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** Summarises findings as `2 errors, 1 warning`. */
export function countFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
