import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { chartCacheDir } from '../lib/charts/chart-cache.ts';
import { CHART_PAGES } from '../lib/charts/chart-pages.ts';
import { ChartPhase } from '../lib/charts/chart-phase.ts';
import type { PageWriter } from '../lib/charts/slot-workers.ts';
import { CHART_SLOTS } from '../lib/charts/chart-slots.ts';
import { areChartsEnabled } from '../lib/charts/chart-svg.ts';
import { listNoteMonths } from '../lib/content/read-commentary.ts';
import { hasErrors } from '../lib/findings.ts';
import { loadProject } from '../lib/load-project.ts';
import { buildEdition } from '../lib/site/build-edition.ts';
import { createSite, shareSite } from '../lib/site/load-site.ts';
import { printFindings } from './print-findings.ts';

/**
 * Runs `scorecard build`: load and check the project, evaluate the edition,
 * then draw the charts on worker threads into the chart cache while Astro
 * renders the pages into a staging folder, and finally fill each page's chart
 * slots with the SVGs. When every chart is already in the cache, slot
 * workers write each page with its charts as Astro renders it instead. The
 * staging folder replaces the output folder only when every phase
 * succeeded, so readers never get a half-built or unchecked site.
 *
 * `SCORECARD_CHARTS=off` skips the charts. `SCORECARD_TIMINGS_FILE` names a
 * JSON file for the phase times in milliseconds and the chart counts.
 */
export async function runBuild(options: { root: string; out: string | undefined }): Promise<number> {
  // At 2,000 indicators the live heap stays near 180 MB, but V8 let the heap grow to 700 MB between full
  // collections. Letting it grow by at most 100 % cut the peak by about 250 MB for about 10 % more CPU time.
  setFlagsFromString('--heap-growing-percent=100');
  const root = resolve(options.root);

  const base = process.env.SCORECARD_BASE;
  if (base !== undefined && !/^\/[^\s?#]*$/.test(base)) {
    console.error(`SCORECARD_BASE "${base}" is not a path. Give the path the site is served under, starting with /, such as /performance/scorecard/ (not a full URL).`);
    return 2;
  }
  const phases = { load: 0, evaluate: 0, charts: 0, pages: 0, slots: 0 };
  const time = async <T>(phase: keyof typeof phases, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] = Math.round(performance.now() - start);
    }
  };

  const outDir = resolve(options.out ?? join(root, 'dist'));
  const { scorecard, findings, commentary } = await time('load', () => loadProject(root));
  if (!scorecard || hasErrors(findings)) {
    // Only the errors, so none scrolls out of sight behind the warnings. `check` lists everything.
    const errors = findings.filter((finding) => finding.severity === 'error');
    printFindings(errors, false);
    const warnings = findings.length - errors.length;
    console.error(`Build stopped: fix the errors above. ${describeKeptOutput(outDir)}${warnings > 0 ? ` Run "npm run check" to see the ${warnings} warnings as well.` : ''}`);
    return 1;
  }

  const site = await time('evaluate', () => createSite(root, scorecard, buildEdition(scorecard, findings)));
  shareSite(site);

  // Charts are drawn on worker threads while Astro renders pages, so the chart phase overlaps the page phase.
  const noteMonths = listNoteMonths(commentary, site.edition.month);
  const chartPhase = areChartsEnabled() ? new ChartPhase({ scorecard, findings, month: site.edition.month, noteMonths }, chartCacheDir()) : null;
  (globalThis as Record<symbol, unknown>)[CHART_SLOTS] = chartPhase !== null;

  let charts = { rendered: 0, cached: 0 };
  // Astro builds into `staging`, inside a hidden folder beside `outDir` so that a rename can replace `outDir`.
  const stagingRoot = join(dirname(outDir), `.${basename(outDir)}.staging`);
  const staging = join(stagingRoot, 'site');
  rmSync(stagingRoot, { recursive: true, force: true });

  process.env.SCORECARD_ROOT = root;
  const { build } = await import('astro');
  let pageWriter: PageWriter | null = null;
  try {
    pageWriter = chartPhase?.startPageWriter() ?? null;
    (globalThis as Record<symbol, unknown>)[CHART_PAGES] = pageWriter;
    // Astro keeps its content store in its cache folder. One folder per project root stops a build
    // of one root from reusing another root's commentary entries.
    const cacheDir = resolve('node_modules', '.astro', `root-${createHash('sha256').update(root).digest('hex').slice(0, 16)}`);
    linkPackages(stagingRoot);
    await time('pages', () => build({ root: process.cwd(), outDir: staging, cacheDir, logLevel: 'warn' }));
    if (chartPhase) {
      const { rendered, cached, drawMs } = await chartPhase.finish(site.edition.indicators, noteMonths);
      charts = { rendered, cached };
      phases.charts = drawMs;
      const writer = pageWriter;
      await time('slots', () => (writer ? writer.verify() : chartPhase.fillSlots(listHtmlFiles(staging))));
    }
  } catch (error) {
    rmSync(stagingRoot, { recursive: true, force: true });
    console.error(`Build failed: ${(error as Error).message}\n${describeKeptOutput(outDir)}`);
    return 1;
  } finally {
    (globalThis as Record<symbol, unknown>)[CHART_PAGES] = null;
    await pageWriter?.close();
    await chartPhase?.close();
  }

  const previous = `${outDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  rmSync(stagingRoot, { recursive: true, force: true });

  if (process.env.SCORECARD_TIMINGS_FILE) {
    const file = resolve(process.env.SCORECARD_TIMINGS_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ phases, charts }, null, 2)}\n`);
  }

  const warnings = findings.length;
  console.log(`Built ${outDir}: ${site.edition.indicators.length} indicators, ${charts.rendered} charts rendered, ${charts.cached} from the cache${warnings > 0 ? `, ${warnings} data warnings` : ''}.`);
  return 0;
}

/**
 * Links this checkout's node_modules into `stagingRoot` when that folder is outside the working folder.
 * Astro 7.4 decides whether its output folder is inside the working folder by comparing path text, so it
 * takes /srv/scorecard-site/dist for a folder inside /srv/scorecard. It then writes its prerender chunks
 * into its output folder, from where they could not import Astro's packages without the link. The link
 * sits outside Astro's output folder, so Astro does not empty it away and the site never contains it.
 */
function linkPackages(stagingRoot: string): void {
  const path = relative(process.cwd(), stagingRoot);
  if (!path.startsWith('..') && !isAbsolute(path)) return;

  mkdirSync(stagingRoot, { recursive: true });
  // Windows lets any user make a junction. Other systems ignore the type.
  symlinkSync(resolve('node_modules'), join(stagingRoot, 'node_modules'), 'junction');
}

/** Says what a stopped or failed build left in `outDir`. */
function describeKeptOutput(outDir: string): string {
  return existsSync(outDir) ? 'The previous output was left as it was.' : `Nothing was written to ${outDir}.`;
}

/** Lists the HTML files under `folder` as absolute paths. */
function listHtmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}
