import { countFindings, formatFinding, type Finding } from '../lib/findings.ts';

/** Prints findings as text lines with a closing count, or as one JSON object per line. */
export function printFindings(findings: readonly Finding[], json: boolean): void {
  if (json) {
    for (const finding of findings) console.log(JSON.stringify(finding));
    return;
  }
  for (const finding of findings) console.log(formatFinding(finding));
  console.log(findings.length === 0 ? 'No problems found.' : countFindings(findings));
}
