import { countFindings, formatFinding, type Finding } from '../lib/findings.ts';

/** Prints findings as text lines with a closing count, or as one JSON object per line. */
export function printFindings(findings: readonly Finding[], json: boolean): void {
  if (json) {
    for (const finding of findings) console.log(JSON.stringify(finding));
    return;
  }
  // Errors first: they stop the build, and an analyst fixing them should not have to find them among warnings.
  const ordered = [...findings.filter((finding) => finding.severity === 'error'), ...findings.filter((finding) => finding.severity !== 'error')];
  for (const finding of ordered) console.log(formatFinding(finding));
  console.log(findings.length === 0 ? 'No problems found.' : countFindings(findings));
}
