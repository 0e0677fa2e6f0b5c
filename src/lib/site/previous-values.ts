import { execFileSync } from 'node:child_process';
import { DATA_FILES } from '../data/csv-columns.ts';
import { parseScorecard, type Scorecard } from '../data/load-scorecard.ts';
import type { Month, Observation } from '../data/types.ts';

/**
 * Reads the values as the previous edition published them: the newest
 * commit whose `data/values.csv` ran to an earlier month than `edition`.
 * Returns null outside git, or when no such commit exists, so the changes
 * page can state that revisions are unknown rather than claim there were none.
 */
export function readPreviousValues(root: string, scorecard: Scorecard, edition: Month): Observation[] | null {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

  let commits: string[];
  try {
    commits = git(['log', '--format=%H', '--', DATA_FILES.values]).split('\n').filter(Boolean);
  } catch {
    return null;
  }

  const encoder = new TextEncoder();
  const indicatorsCsv = writeIndicatorsFor(scorecard);

  // NOTE: each commit is parsed in full; a repository with years of monthly commits reads at most 24 of them.
  for (const commit of commits.slice(0, 24)) {
    let text: string;
    try {
      text = git(['show', `${commit}:${DATA_FILES.values}`]);
    } catch {
      continue;
    }

    const parsed = parseScorecard({
      indicators: { file: DATA_FILES.indicators, bytes: encoder.encode(indicatorsCsv) },
      targets: { file: DATA_FILES.targets, bytes: encoder.encode('code,year,target,green,red\n') },
      values: { file: DATA_FILES.values, bytes: encoder.encode(text) },
    });
    if (parsed.scorecard && parsed.scorecard.edition < edition) return parsed.scorecard.observations;
  }

  return null;
}

/** Writes a minimal indicators file naming every current code, so an old values file can be parsed on its own. */
function writeIndicatorsFor(scorecard: Scorecard): string {
  const rows = scorecard.indicators.map((indicator) => `"${indicator.code.replace(/"/g, '""')}",t,s,,number,6,,,,,,`);
  return ['code,title,section,polarity,unit,decimals,owner,rag_basis,footnote,spc,spc_baseline,spc_recalculate', ...rows].join('\n');
}
