import { hasErrors } from '../lib/findings.ts';
import { loadProject } from '../lib/load-project.ts';
import { printFindings } from './print-findings.ts';

/** Runs `scorecard check`. Returns the exit code: 1 when any finding is an error. */
export function runCheck(options: { root: string; json: boolean }): number {
  const { findings } = loadProject(options.root);
  printFindings(findings, options.json);
  return hasErrors(findings) ? 1 : 0;
}
