import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BuildMeasure } from './budgets.ts';
import { measurePage, type PageWeight } from './page-weight.ts';
import { startMemorySampler } from './process-memory.ts';

/**
 * Runs one `scorecard build` as a child process with the Node that runs the
 * benchmark, which is the project's pinned runtime. It measures the wall
 * time from spawn to exit and the peak memory of the process tree, reads the
 * phase times and chart counts the build writes to its timings file, and
 * weighs the built overview and indicator pages.
 */

export interface BuildRequest {
  name: string;
  /** Repository folder, which contains the Astro project and is the build's working folder. */
  repo: string;
  /** Project folder with data/ and content/. */
  root: string;
  outDir: string;
  cacheDir: string;
  timingsFile: string;
  /** File that receives the build's standard output and error. */
  logFile: string;
  charts: boolean;
}

/** A build's figures. `indicatorPage`, which the budgets check, is the indicator page with the largest gzipped HTML. */
export interface BuildReport extends BuildMeasure {
  root: string;
  outDir: string;
  logFile: string;
  /** Lines of the build's output with Astro's `[WARN]` marker. Data warnings are counted in the build's summary line instead. */
  warningLines: number;
  /** The build's last line of standard output. */
  summary: string;
  overview: PageWeight | null;
  /** The first indicator page in indicators.csv order. */
  firstIndicator: PageWeight | null;
  /** Gzipped HTML size of every indicator page, for the spread across pages. */
  indicatorHtmlGzip: { min: number; median: number; max: number; maxPage: string } | null;
}

export class BuildFailedError extends Error {}

export async function runMeasuredBuild(request: BuildRequest): Promise<BuildReport> {
  rmSync(request.timingsFile, { force: true });
  const cli = join(request.repo, 'src', 'cli', 'scorecard.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, SCORECARD_CACHE_DIR: request.cacheDir, SCORECARD_TIMINGS_FILE: request.timingsFile };
  if (request.charts) delete env.SCORECARD_CHARTS;
  else env.SCORECARD_CHARTS = 'off';

  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'build', '--root', request.root, '--out', request.outDir], { cwd: request.repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = startMemorySampler(child.pid!);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallMs = performance.now() - started;
  const peakRssBytes = sampler.stop();
  mkdirSync(dirname(request.logFile), { recursive: true });
  writeFileSync(request.logFile, output);

  if (exitCode !== 0) {
    const tail = output.trim().split('\n').slice(-30).join('\n');
    throw new BuildFailedError(`Build "${request.name}" exited with code ${exitCode} (full output in ${request.logFile}). Its last output:\n${tail}`);
  }

  const timings = readTimings(request.timingsFile);
  const htmlFiles = listHtmlFiles(request.outDir);
  const lines = output.trim().split('\n');
  const indicatorPages = htmlFiles.filter((file) => /^indicators\/[^/]+\/index\.html$/.test(file));
  const firstIndicatorPage = findFirstIndicatorPage(request.outDir, indicatorPages);

  const firstIndicator = firstIndicatorPage ? measurePage(request.outDir, firstIndicatorPage) : null;
  const spread = measureIndicatorSpread(request.outDir, indicatorPages);
  return {
    name: request.name,
    root: request.root,
    outDir: request.outDir,
    logFile: request.logFile,
    wallMs,
    pages: htmlFiles.length,
    peakRssBytes,
    phases: timings?.phases ?? null,
    charts: timings?.charts ?? null,
    indicatorPage: spread ? measurePage(request.outDir, spread.maxPage) : null,
    warningLines: lines.filter((line) => line.includes('[WARN]')).length,
    summary: lines.filter((line) => line.startsWith('Built ')).at(-1) ?? lines.at(-1) ?? '',
    overview: htmlFiles.includes('index.html') ? measurePage(request.outDir, 'index.html') : null,
    firstIndicator,
    indicatorHtmlGzip: spread,
  };
}

interface Timings {
  phases: NonNullable<BuildMeasure['phases']>;
  charts: NonNullable<BuildMeasure['charts']>;
}

function readTimings(file: string): Timings | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Timings;
}

/** Lists HTML files under `folder`, as paths relative to it with forward slashes, sorted. */
export function listHtmlFiles(folder: string): string[] {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'));
  return files.sort();
}

/**
 * Picks the page of the first indicator in the site's order, read from
 * `scorecard.json` when the build wrote one, else the first page by path.
 */
function findFirstIndicatorPage(outDir: string, indicatorPages: readonly string[]): string | null {
  const json = join(outDir, 'scorecard.json');
  if (existsSync(json)) {
    const data = JSON.parse(readFileSync(json, 'utf8')) as { indicators?: { url?: string }[] };
    const url = data.indicators?.[0]?.url;
    const page = url ? `${url.replace(/^\/+/, '')}index.html` : null;
    if (page && indicatorPages.includes(page)) return page;
  }
  return indicatorPages[0] ?? null;
}

function measureIndicatorSpread(outDir: string, indicatorPages: readonly string[]): BuildReport['indicatorHtmlGzip'] {
  if (indicatorPages.length === 0) return null;
  const sizes = indicatorPages.map((page) => ({ page, gzip: measurePage(outDir, page).html.gzip })).sort((a, b) => a.gzip - b.gzip);
  return {
    min: sizes[0]!.gzip,
    median: sizes[Math.floor(sizes.length / 2)]!.gzip,
    max: sizes[sizes.length - 1]!.gzip,
    maxPage: sizes[sizes.length - 1]!.page,
  };
}
