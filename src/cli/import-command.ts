import { existsSync, readFileSync } from 'node:fs';
import { hasErrors, sortFindings } from '../lib/findings.ts';
import { importExport } from '../lib/legacy/import-project.ts';
import { printFindings } from './print-findings.ts';

/** Runs `scorecard import <export>`. Returns the exit code: 1 when the export could not be converted. */
export function runImport(paths: string[], options: { root: string; json: boolean; force: boolean }): number {
  const [exportPath] = paths;
  if (exportPath === undefined || paths.length > 1) {
    console.error('Give one export file: npm run import -- <export.tsv>');
    return 2;
  }
  if (!existsSync(exportPath)) {
    console.error(`Export file not found: ${exportPath}`);
    return 2;
  }

  const result = importExport(readFileSync(exportPath, 'utf8'), exportPath, { root: options.root, force: options.force });
  printFindings(sortFindings(result.findings), options.json);
  if (hasErrors(result.findings)) {
    console.error('Import stopped: nothing was written. Correct the export, or the cells named above, and import again.');
    return 1;
  }

  if (!options.json) {
    const { indicators, targets, lastMonth } = result.converted;
    console.log(`Converted ${indicators.length} indicators and ${targets.length} targets, up to ${lastMonth}.`);
    for (const file of result.written) console.log(`wrote ${file}`);
    for (const kept of result.kept) console.log(`kept ${kept.file}: ${kept.reason}`);
  }

  return 0;
}
