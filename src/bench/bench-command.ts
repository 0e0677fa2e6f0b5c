#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCommandLine } from './command-line.ts';
import { allBudgetsMet, checkBudgets, formatBytes, formatSeconds, type BudgetResult } from './budgets.ts';
import { chooseBudgetSizes, parseSizes, type Size } from './bench-sizes.ts';
import { DEFAULT_SEED, generateScorecard } from './generate-scorecard.ts';
import type { PageWeight } from './page-weight.ts';
import { BuildFailedError, runMeasuredBuild, type BuildReport } from './run-build.ts';
import { writeProject } from './write-project.ts';

/**
 * Benchmarks `scorecard build` on the shipped scorecard and on synthetic
 * ones, prints each build's figures and the budgets, writes them to
 * `<dir>/results.json`, and exits 1 when a budget is missed or a build
 * fails. Builds run one after another, never in parallel, so each has the
 * whole machine.
 */

const REPO = resolve(import.meta.dirname, '..', '..');

const USAGE = `Usage: npm run bench -- [options]

Builds the shipped scorecard and synthetic ones, one after another, and checks the build budgets.
The largest size is also built with charts off and rebuilt after a commentary-only change. Its
three builds run in rounds; the charts and rebuild budgets take the median of the rounds' ratios
(the upper median for an even number of rounds). The growth budget needs a size with a quarter of
the largest size's indicators and the same months. Exits 1 when a budget fails or a build fails.

Options:
  --sizes <list>   Synthetic sizes as <indicators>x<months>, comma-separated (default 500x120,2000x120).
  --rounds <n>     Rounds of the largest size's three builds (default 5).
  --skip-shipped   Do not build the shipped scorecard.
  --seed <n>       Seed of the synthetic data (default ${DEFAULT_SEED}).
  --dir <folder>   Folder for projects, builds, caches and results.json (default test-output/bench).
  --help           Show this help.`;

async function main(): Promise<number> {
  const options = {
    sizes: { type: 'string', default: '500x120,2000x120' },
    rounds: { type: 'string', default: '5' },
    'skip-shipped': { type: 'boolean', default: false },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    dir: { type: 'string', default: join('test-output', 'bench') },
    help: { type: 'boolean', default: false },
  } as const;
  const values = parseCommandLine(() => parseArgs({ options }), USAGE);
  if (typeof values === 'number') return values;

  let sizes: Size[];
  try {
    sizes = parseSizes(values.sizes);
    if (!/^-?\d+$/.test(values.seed)) throw new RangeError(`--seed must be a whole number, got "${values.seed}"`);
    if (!/^[1-9]\d*$/.test(values.rounds)) throw new RangeError(`--rounds must be a whole number, at least 1, got "${values.rounds}"`);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const seed = Number(values.seed);
  const rounds = Number(values.rounds);
  const dir = resolve(values.dir);
  const { large, small } = chooseBudgetSizes(sizes);

  const machine = describeMachine();
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM; Node ${machine.node}, Astro ${machine.astro}, Vega ${machine.vega}, Vega-Lite ${machine.vegaLite}.`);
  console.log(`Commit ${machine.commit}.`);
  console.log(`Load average before the first build: ${machine.loadAverage.map((load) => load.toFixed(2)).join(', ')}.\n`);

  const reports: BuildReport[] = [];
  const roles: { large: BuildReport[]; largeChartsOff: BuildReport[]; largeWarm: BuildReport[]; small?: BuildReport } = { large: [], largeChartsOff: [], largeWarm: [] };
  /** Runs one measured build. Every round of a build writes to the same output folder, as an analyst's repeated builds do. */
  const build = async (name: string, root: string, cacheKey: string, options: { charts: boolean; freshCache: boolean; round?: number }) => {
    const cacheDir = join(dir, 'cache', cacheKey);
    if (options.freshCache) rmSync(cacheDir, { recursive: true, force: true });
    const loadBefore = loadavg()[0]!;
    const fileName = name.replace(/[^a-z0-9]+/gi, '-');
    const runName = options.round === undefined ? name : `${name}, round ${options.round}`;
    const runFileName = options.round === undefined ? fileName : `${fileName}-${options.round}`;
    const report = await runMeasuredBuild({
      name: runName,
      repo: REPO,
      root,
      outDir: join(dir, 'out', fileName),
      cacheDir,
      timingsFile: join(dir, 'timings', `${runFileName}.json`),
      logFile: join(dir, 'logs', `${runFileName}.log`),
      charts: options.charts,
    });
    printReport(report, loadBefore);
    reports.push(report);
    return report;
  };

  try {
    if (!values['skip-shipped']) await build('shipped', REPO, 'shipped', { charts: true, freshCache: true });

    for (const size of sizes) {
      const root = join(dir, 'projects', size.label);
      const started = performance.now();
      const project = generateScorecard({ indicators: size.indicators, months: size.months, seed });
      writeProject(root, project.files);
      console.log(`Generated ${size.label} (${project.sections} sections, ${project.notes} notes) in ${formatSeconds(performance.now() - started)}.`);

      if (size !== large) {
        const report = await build(size.label, root, size.label, { charts: true, freshCache: true });
        if (size === small) roles.small = report;
        continue;
      }

      // This machine's speed drifts by more than the 10 % rebuild budget within minutes. So each round runs the
      // three builds the ratios compare one after another, and each budget takes the median of the rounds' ratios.
      for (let round = 1; round <= rounds; round++) {
        const full = await build(size.label, root, size.label, { charts: true, freshCache: true, round });
        roles.large.push(full);
        if (size === small && round === 1) roles.small = full;
        roles.largeChartsOff.push(await build(`${size.label} charts off`, root, size.label, { charts: false, freshCache: false, round }));
        const edited = editCommentary(root);
        console.log(`Edited ${edited} (commentary only); the chart cache from the ${size.label} build is kept.`);
        roles.largeWarm.push(await build(`${size.label} commentary rebuild`, root, size.label, { charts: true, freshCache: false, round }));
      }
    }
  } catch (error) {
    if (!(error instanceof BuildFailedError)) throw error;
    console.error(error.message);
    writeResults(dir, machine, reports, [], { seed, sizes, rounds }, error.message);
    return 1;
  }

  const budgets = checkBudgets({ label: large?.label ?? 'large', ...roles, small: roles.small ?? null });
  console.log('\nBudgets:');
  for (const budget of budgets) console.log(`  ${budget.status === 'not-run' ? 'NOT RUN' : budget.status.toUpperCase()}  ${budget.name}: ${budget.measured} (limit ${budget.limit})`);

  const file = writeResults(dir, machine, reports, budgets, { seed, sizes, rounds });
  console.log(`\nWrote ${relative(process.cwd(), file) || file}.`);
  return allBudgetsMet(budgets) ? 0 : 1;
}

/** Appends a paragraph to the first note (or, with no notes, the first section file) and returns its path. */
function editCommentary(root: string): string {
  for (const folder of ['content/notes', 'content/sections']) {
    const names = readdirSync(join(root, folder)).filter((name) => name.endsWith('.mdx')).sort();
    if (names.length === 0) continue;
    const path = join(root, folder, names[0]!);
    appendFileSync(path, '\nThe service manager added this paragraph after the monthly performance meeting.\n');
    return relative(root, path);
  }
  throw new Error(`${root} has no commentary file to edit`);
}

function printReport(report: BuildReport, loadBefore: number): void {
  const perSecond = report.pages / (report.wallMs / 1000);
  console.log(`${report.name}: ${formatSeconds(report.wallMs)} wall, ${report.pages.toLocaleString('en-GB')} pages (${perSecond.toFixed(1)} pages/s), peak RSS ${formatBytes(report.peakRssBytes)} (load average before: ${loadBefore.toFixed(2)})`);
  if (report.phases) {
    const { load, evaluate, charts, pages, slots } = report.phases;
    console.log(`  phases: load ${formatSeconds(load)}, evaluate ${formatSeconds(evaluate)}, charts ${formatSeconds(charts)}, pages ${formatSeconds(pages)}, chart slots ${formatSeconds(slots)}`);
  } else {
    console.log('  phases: the build wrote no timings file');
  }
  if (report.charts) console.log(`  charts: ${report.charts.rendered.toLocaleString('en-GB')} rendered, ${report.charts.cached.toLocaleString('en-GB')} from the cache`);
  if (report.overview) console.log(`  overview: ${describeWeight(report.overview)}`);
  if (report.firstIndicator) console.log(`  ${report.firstIndicator.page}: ${describeWeight(report.firstIndicator)}`);
  if (report.indicatorHtmlGzip) {
    const { min, median, max, maxPage } = report.indicatorHtmlGzip;
    console.log(`  indicator page HTML gzip: min ${formatBytes(min)}, median ${formatBytes(median)}, max ${formatBytes(max)} (${maxPage})`);
  }
  if (report.warningLines > 0) console.log(`  ${report.warningLines} warning lines in the build output (${relative(process.cwd(), report.logFile)})`);
}

function describeWeight(weight: PageWeight): string {
  const part = (name: string, value: { raw: number; gzip: number }) => `${name} ${formatBytes(value.raw)} (${formatBytes(value.gzip)} gzip)`;
  return [part('HTML', weight.html), part('CSS', weight.css), part('JS', weight.js)].join(', ');
}

interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  astro: string;
  vega: string;
  vegaLite: string;
  loadAverage: number[];
  /** Commit of the repository, with `+changes` when files under src/ differ from it. */
  commit: string;
}

function describeMachine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const version = (name: string) => (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    astro: version('astro'),
    vega: version('vega'),
    vegaLite: version('vega-lite'),
    loadAverage: loadavg(),
    commit: describeCommit(),
  };
}

function describeCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'src') !== '';
    return `${git('rev-parse', '--short=12', 'HEAD')}${changed ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

function writeResults(dir: string, machine: Machine, reports: readonly BuildReport[], budgets: readonly BudgetResult[], run: { seed: number; sizes: readonly Size[]; rounds: number }, failure: string | null = null): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  const results = {
    date: new Date().toISOString(),
    machine,
    seed: run.seed,
    sizes: run.sizes.map((size) => size.label),
    rounds: run.rounds,
    builds: reports.map((report) => ({ ...report, root: relative(REPO, report.root) || '.', outDir: relative(REPO, report.outDir), logFile: relative(REPO, report.logFile) })),
    budgets,
    failure,
    passed: failure === null && allBudgetsMet(budgets),
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

process.exitCode = await main();
