import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chartKey, chartPath } from '../../../src/lib/charts/chart-cache.ts';
import { manifestHash } from '../../../src/lib/charts/chart-manifest.ts';
import { ChartPhase, workerHeapLimitMb, type ChartCounts } from '../../../src/lib/charts/chart-phase.ts';
import { ChartRenderer } from '../../../src/lib/charts/chart-renderer.ts';
import { chartSlot } from '../../../src/lib/charts/chart-slots.ts';
import { IndicatorQueue } from '../../../src/lib/charts/draw-charts.ts';
import type { Scorecard } from '../../../src/lib/data/load-scorecard.ts';
import { listNoteMonths, readCommentary } from '../../../src/lib/content/read-commentary.ts';
import type { Finding } from '../../../src/lib/findings.ts';
import { loadProject } from '../../../src/lib/load-project.ts';
import { buildEdition, type Edition } from '../../../src/lib/site/build-edition.ts';
import { buildSiteChartJobs } from '../../../src/lib/site/chart-jobs.ts';
import { PROJECT_ROOT } from '../../support/project-copy.ts';

let scorecard: Scorecard;
let findings: Finding[];
let edition: Edition;
let noteMonths: Map<string, string[]>;
let folder = '';

beforeAll(() => {
  const loaded = loadProject(PROJECT_ROOT);
  scorecard = loaded.scorecard!;
  findings = loaded.findings;
  edition = buildEdition(scorecard, findings);
  noteMonths = listNoteMonths(readCommentary(PROJECT_ROOT, []), edition.month);
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function startPhase(cacheDir: string, workers: number): ChartPhase {
  return new ChartPhase({ scorecard, findings, month: edition.month, noteMonths }, cacheDir, workers);
}

describe('IndicatorQueue', () => {
  it('hands out each index once', () => {
    const queue = new IndicatorQueue();
    const copy = new IndicatorQueue(queue.buffer);

    const claimed = [queue.claim(), copy.claim(), queue.claim(), copy.claim()];

    expect(claimed).toEqual([0, 1, 2, 3]);
  });
});

describe('ChartPhase', () => {
  it('caches every shipped chart once', async () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-phase-'));
    const cacheDir = join(folder, 'cache');
    const jobs = buildSiteChartJobs(edition.indicators, noteMonths);

    const cold = startPhase(cacheDir, 2);
    const first = await cold.finish(edition.indicators, noteMonths);
    await cold.close();
    const warm = startPhase(cacheDir, 1);
    const second = await warm.finish(edition.indicators, noteMonths);
    await warm.close();

    expect(first.rendered + first.cached).toBe(jobs.length);
    expect(first.rendered).toBeGreaterThan(60);
    expect(second).toMatchObject({ rendered: 0, cached: jobs.length });
  });

  it('fills slots with rendered SVG', async () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-phase-'));
    const cacheDir = join(folder, 'cache');
    const [job] = buildSiteChartJobs(edition.indicators.slice(0, 1), noteMonths);
    const pages = [join(folder, 'a.html'), join(folder, 'b.html'), join(folder, 'c.html')];
    for (const page of pages) writeFileSync(page, `<figure>${chartSlot(job!.id)}</figure>`);
    const renderer = new ChartRenderer();
    const expected = await renderer.render(job!);
    renderer.close();

    const phase = startPhase(cacheDir, 1);
    await phase.finish(edition.indicators, noteMonths);
    const filled = await phase.fillSlots(pages.slice(0, 2), 2);
    // With one thread, the calling thread fills the page itself.
    const filledAlone = await phase.fillSlots(pages.slice(2), 1);
    await phase.close();

    expect(filled).toBe(2);
    expect(filledAlone).toBe(1);
    for (const page of pages) expect(readFileSync(page, 'utf8')).toBe(`<figure>${expected}</figure>`);
  });

  it('reports a slot worker\'s failure', async () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-phase-'));
    const [job] = buildSiteChartJobs(edition.indicators.slice(0, 1), noteMonths);
    const good = join(folder, 'a.html');
    const unknown = join(folder, 'b.html');
    writeFileSync(good, `<figure>${chartSlot(job!.id)}</figure>`);
    writeFileSync(unknown, `<figure>${chartSlot('chart-not-drawn')}</figure>`);

    const phase = startPhase(join(folder, 'cache'), 1);
    await phase.finish(edition.indicators, noteMonths);
    // With two threads, each file goes to a slot worker of its own.
    const filling = phase.fillSlots([good, unknown], 2);

    await expect(filling).rejects.toThrow(`Filling the chart slots of ${unknown} failed: a page has a slot for the chart "chart-not-drawn"`);
    await phase.close();
    expect(readFileSync(good, 'utf8')).not.toContain('scorecard-chart');
  });

  it('writes pages with charts on a warm cache', async () => {
    const { cacheDir } = await drawIntoNewCache();
    const [job] = buildSiteChartJobs(edition.indicators.slice(0, 1), noteMonths);
    const expected = readFileSync(chartPath(chartKey(job!), cacheDir), 'utf8');
    const file = join(folder, 'site', 'indicators', 'w-1', 'index.html');

    const phase = startPhase(cacheDir, 1);
    const writer = phase.startPageWriter(2)!;
    await writer.write(file, new TextEncoder().encode(`<p>Mär</p>${chartSlot(job!.id)}`).buffer);
    const written = writer.verify();
    await writer.close();
    await phase.close();

    expect(written).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(`<p>Mär</p>${expected}`);
  });

  it('has no page writer on a cold cache', async () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-phase-'));

    const phase = startPhase(join(folder, 'cache'), 1);
    const writer = phase.startPageWriter();
    await phase.close();

    expect(writer).toBeNull();
  });

  it('rejects a page written over', async () => {
    const { cacheDir } = await drawIntoNewCache();
    const [job] = buildSiteChartJobs(edition.indicators.slice(0, 1), noteMonths);
    const file = join(folder, 'index.html');

    const phase = startPhase(cacheDir, 1);
    const writer = phase.startPageWriter(1)!;
    await writer.write(file, new TextEncoder().encode(chartSlot(job!.id)).buffer);
    writeFileSync(file, '');
    const verify = () => writer.verify();

    expect(verify).toThrow(`the page ${file} has 0 bytes after Astro ran, not the`);
    expect(verify).toThrow('npm ci');
    await writer.close();
    await phase.close();
  });

  it('names a page whose chart is missing', async () => {
    const { cacheDir } = await drawIntoNewCache();
    const file = join(folder, 'index.html');

    const phase = startPhase(cacheDir, 1);
    const writer = phase.startPageWriter(1)!;
    const writing = writer.write(file, new TextEncoder().encode(chartSlot('chart-not-drawn')).buffer);

    await expect(writing).rejects.toThrow(`Filling the chart slots of ${file} failed: a page has a slot for the chart "chart-not-drawn"`);
    await writer.close();
    await phase.close();
  });

  it('names the chart it cannot write', async () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-phase-'));
    const notAFolder = join(folder, 'cache');
    writeFileSync(notAFolder, 'a file where the cache folder should be');

    const phase = startPhase(notAFolder, 1);
    const finished = phase.finish(edition.indicators, noteMonths);

    await expect(finished).rejects.toThrow(/^Drawing the chart ".+" into the chart cache .+ failed: /);
    await expect(finished).rejects.toThrow(/SCORECARD_CHARTS=off/);
    await phase.close();
  });
});

/** Lists the paths in `value` of every value that JSON would not keep as it is. */
function findNonJsonValues(value: unknown, path: string): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => findNonJsonValues(item, `${path}[${index}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : findNonJsonValues(item, `${path}.${key}`)));
  }
  return [path];
}

/** Runs a whole chart phase into a new cache folder and returns the folder and the phase's counts. */
async function drawIntoNewCache(): Promise<{ cacheDir: string; first: ChartCounts }> {
  folder = mkdtempSync(join(tmpdir(), 'scorecard-phase-'));
  const cacheDir = join(folder, 'cache');
  const phase = startPhase(cacheDir, 1);
  const first = await phase.finish(edition.indicators, noteMonths);
  await phase.close();
  return { cacheDir, first };
}

describe('chart manifest', () => {
  it('skips every job when nothing changed', async () => {
    const { cacheDir, first } = await drawIntoNewCache();

    const warm = startPhase(cacheDir, 1);
    const second = await warm.finish([], new Map());
    await warm.close();

    expect(second).toEqual({ rendered: 0, cached: first.rendered + first.cached, drawMs: 0 });
  });

  it('redraws a chart missing from the cache', async () => {
    const { cacheDir, first } = await drawIntoNewCache();
    const [job] = buildSiteChartJobs(edition.indicators.slice(0, 1), noteMonths);
    rmSync(chartPath(chartKey(job!), cacheDir));

    const warm = startPhase(cacheDir, 1);
    const second = await warm.finish(edition.indicators, noteMonths);
    await warm.close();

    expect(second).toMatchObject({ rendered: 1, cached: first.rendered + first.cached - 1 });
  });

  it('hashes input that is plain data', () => {
    const input = { scorecard, findings, month: edition.month };

    // JSON drops the contents of a Map, a Set or a class instance, so a change in one would not change the hash.
    expect(findNonJsonValues(input, 'input')).toEqual([]);
  });

  it('hashes input by value', () => {
    const input = { scorecard, findings, month: edition.month, noteMonths };
    const moved = new Map(noteMonths);
    moved.set('W 1', ['2018-07']);

    expect(manifestHash(structuredClone(input))).toBe(manifestHash(input));
    expect(manifestHash({ ...input, noteMonths: moved })).not.toBe(manifestHash(input));
  });
});

describe('workerHeapLimitMb', () => {
  it('grows with the input', () => {
    expect(workerHeapLimitMb(0)).toBe(128);
    expect(workerHeapLimitMb(14 * 1024 ** 2)).toBe(240);
  });
});
