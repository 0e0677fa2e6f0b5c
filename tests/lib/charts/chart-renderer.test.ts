import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, View, type Spec } from 'vega';
import { compile } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScorecard } from '../../../src/bench/generate-scorecard.ts';
import { writeProject } from '../../../src/bench/write-project.ts';
import type { ChartJob } from '../../../src/lib/charts/chart-job.ts';
import { CHART_TEMPLATES, ChartRenderer } from '../../../src/lib/charts/chart-renderer.ts';
import { labelSvg } from '../../../src/lib/charts/label-svg.ts';
import { listNoteMonths, readCommentary } from '../../../src/lib/content/read-commentary.ts';
import { loadProject } from '../../../src/lib/load-project.ts';
import { buildEdition } from '../../../src/lib/site/build-edition.ts';
import { buildHistoryChartJob, buildSpcChartJob } from '../../../src/lib/site/chart-jobs.ts';
import { PROJECT_ROOT } from '../../support/project-copy.ts';

/** Builds every chart job of a project folder, in page order. */
function chartJobs(root: string): ChartJob[] {
  const { scorecard, findings } = loadProject(root);
  if (!scorecard) throw new Error(`the project in ${root} has errors`);
  const edition = buildEdition(scorecard, findings);
  const noteMonths = listNoteMonths(readCommentary(root, []), edition.month);
  return edition.indicators.flatMap((view) => {
    const spc = buildSpcChartJob(view);
    return [buildHistoryChartJob(view, noteMonths.get(view.indicator.code) ?? []), ...(spc ? [spc] : [])];
  });
}

/** Renders each job with a renderer of its own, so every chart gets a new view: the reference output. */
async function renderEachAlone(jobs: readonly ChartJob[]): Promise<string[]> {
  const svgs: string[] = [];
  for (const job of jobs) {
    const renderer = new ChartRenderer();
    svgs.push(await renderer.render(job));
    renderer.close();
  }
  return svgs;
}

/** Renders a job the plain way: a new Vega view of the template, fed every row, with Vega drawing every month. */
async function renderWithVega(job: ChartJob): Promise<string> {
  const view = new View(parse(compile(CHART_TEMPLATES[job.kind]).spec as Spec), { renderer: 'none' });
  for (const [name, rows] of Object.entries(job.datasets)) view.data(name, rows);
  for (const [name, value] of Object.entries(job.params)) view.signal(name, value);
  await view.runAsync();
  const svg = labelSvg(await view.toSVG(), job.id, job.title, job.description);
  view.finalize();
  return svg;
}

async function renderInTurn(jobs: readonly ChartJob[]): Promise<string[]> {
  const renderer = new ChartRenderer();
  const svgs: string[] = [];
  for (const job of jobs) svgs.push(await renderer.render(job));
  renderer.close();
  return svgs;
}

const generatedRoot = mkdtempSync(join(tmpdir(), 'scorecard-charts-'));
let shippedJobs: ChartJob[];
let generatedJobs: ChartJob[];

beforeAll(() => {
  shippedJobs = chartJobs(PROJECT_ROOT);
  // Late starts, gaps, both polarities and several y ranges, so consecutive charts differ in ticks and padding.
  writeProject(generatedRoot, generateScorecard({ indicators: 40, months: 50, seed: 3 }).files);
  generatedJobs = chartJobs(generatedRoot);
});

afterAll(() => {
  rmSync(generatedRoot, { recursive: true, force: true });
});

describe('ChartRenderer', () => {
  it('matches new views on shipped charts', async () => {
    const alone = await renderEachAlone(shippedJobs);

    expect(shippedJobs.length).toBeGreaterThan(35);
    expect(await renderInTurn(shippedJobs)).toEqual(alone);
    expect(await renderInTurn([...shippedJobs].reverse())).toEqual([...alone].reverse());
  }, 60_000);

  it('matches new views on generated charts', async () => {
    const alone = await renderEachAlone(generatedJobs);

    expect(await renderInTurn(generatedJobs)).toEqual(alone);
  }, 60_000);

  it('draws lines and points as Vega does', async () => {
    const jobs = [...shippedJobs, ...generatedJobs];
    const expected: string[] = [];
    for (const job of jobs) expected.push(await renderWithVega(job));

    const svgs = await renderInTurn(jobs);

    // Every SPC class, so each point shape is compared.
    for (const shape of ['<circle', 'd="M-4.18,0L0,-4.18L4.18,0L0,4.18Z"', 'd="M-4.18,-4.18h8.37v8.37h-8.37Z"', 'd="M0,-3.62L-4.18,3.62L4.18,3.62Z"']) {
      expect(svgs.join('')).toContain(shape);
    }
    expect(svgs).toEqual(expected);
  }, 60_000);

  it('keeps SPC points inside the plot', async () => {
    const spcJobs = shippedJobs.filter((job) => job.kind === 'spc');
    const svgs = await renderInTurn(spcJobs);

    // The plot is 260 px high and an SPC point reaches 4.2 px from its centre, so a centre on an edge would overlap the axis.
    const centres = svgs.flatMap((svg) => [...svg.slice(svg.indexOf('points_marks')).matchAll(/(?:cy="|translate\([\d.-]+,)([\d.-]+)/g)].map((match) => Number(match[1])));
    expect(spcJobs.length).toBeGreaterThan(20);
    expect(Math.min(...centres)).toBeGreaterThanOrEqual(4.2);
    expect(Math.max(...centres)).toBeLessThanOrEqual(260 - 4.2);
  });

  it('resets a missing parameter to its default', async () => {
    const [job] = shippedJobs.filter((candidate) => candidate.kind === 'history');
    const withoutRange: ChartJob = { ...job!, params: { ...job!.params } };
    delete withoutRange.params.yMin;
    delete withoutRange.params.yMax;
    const [reference] = await renderEachAlone([withoutRange]);

    const [, svg] = await renderInTurn([job!, withoutRange]);

    expect(svg).toBe(reference);
    expect(svg).not.toBe((await renderEachAlone([job!]))[0]);
  });

  it('empties a missing dataset', async () => {
    const job = shippedJobs.find((candidate) => candidate.kind === 'history' && (candidate.datasets.targets?.length ?? 0) > 0)!;
    const withoutTargets: ChartJob = { ...job, datasets: { ...job.datasets } };
    delete withoutTargets.datasets.targets;
    const [reference] = await renderEachAlone([withoutTargets]);

    const [, svg] = await renderInTurn([job, withoutTargets]);

    expect(svg).toBe(reference);
    expect(svg).not.toContain('Target ');
  });

  it('recovers after a failed chart', async () => {
    const [first, second] = shippedJobs;
    // d3-format rejects this number format, so Vega throws while it labels the y axis.
    const broken: ChartJob = { ...first!, params: { ...first!.params, yFormat: 'not a format' } };
    const renderer = new ChartRenderer();

    await expect(renderer.render(broken)).rejects.toThrow();
    const svg = await renderer.render(second!);
    renderer.close();

    expect(svg).toBe((await renderEachAlone([second!]))[0]);
  });
});
