import { parse, View, Warn } from 'vega';
import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartJob } from '../../../src/lib/charts/chart-job.ts';
import { buildEmbeddableSpec } from '../../../src/lib/charts/chart-renderer.ts';
import { listNoteMonths, readCommentary } from '../../../src/lib/content/read-commentary.ts';
import { loadProject } from '../../../src/lib/load-project.ts';
import { buildEdition } from '../../../src/lib/site/build-edition.ts';
import { buildSiteChartJobs } from '../../../src/lib/site/chart-jobs.ts';
import { PROJECT_ROOT } from '../../support/project-copy.ts';

let jobs: ChartJob[];

beforeAll(() => {
  const { scorecard, findings } = loadProject(PROJECT_ROOT);
  const edition = buildEdition(scorecard!, findings);
  jobs = buildSiteChartJobs(edition.indicators, listNoteMonths(readCommentary(PROJECT_ROOT, []), edition.month));
});

/** Returns the names of the datasets the spec's layers draw from. */
function layerData(job: ChartJob): string[] {
  const spec = buildEmbeddableSpec(job) as { layer: { data?: { name: string } }[] };
  return spec.layer.map((layer) => layer.data?.name ?? '');
}

/** Runs the spec in a Vega view and returns what Vega logged at warning level and above. */
async function vegaWarnings(job: ChartJob): Promise<string[]> {
  const logged: string[] = [];
  const record = (...parts: unknown[]) => void logged.push(parts.join(' '));
  const logger = { level: () => logger, error: record, warn: record, info: () => logger, debug: () => logger };
  const view = new View(parse(compile(buildEmbeddableSpec(job)).spec), { renderer: 'none', logLevel: Warn, logger: logger as never });
  await view.runAsync();
  view.finalize();
  return logged;
}

describe('buildEmbeddableSpec', () => {
  it('leaves out layers with no rows', () => {
    const withoutNotes = jobs.find((job) => job.kind === 'history' && job.datasets.notes!.length === 0)!;

    expect(layerData(withoutNotes)).not.toContain('notes');
    expect(layerData(withoutNotes)).toContain('series');
  });

  it('keeps the note layers of a chart with notes', () => {
    const withNotes = jobs.find((job) => job.kind === 'history' && job.datasets.notes!.length > 0)!;

    expect(layerData(withNotes).filter((name) => name === 'notes')).toHaveLength(2);
  });

  it('runs shipped specs without warnings', async () => {
    const warned: string[] = [];
    for (const job of jobs) {
      const warnings = await vegaWarnings(job);
      if (warnings.length > 0) warned.push(`${job.id}: ${warnings[0]}`);
    }

    expect(warned).toEqual([]);
  });
});
