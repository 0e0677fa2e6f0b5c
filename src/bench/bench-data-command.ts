#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCommandLine } from './command-line.ts';
import { DEFAULT_SEED, DEFAULT_START, generateScorecard } from './generate-scorecard.ts';
import { writeProject } from './write-project.ts';

/**
 * Writes a synthetic scorecard project for benchmarks:
 * `npm run bench:data -- --indicators 500 --months 120 --out test-output/bench/s500x120`.
 */

const USAGE = `Usage: npm run bench:data -- --indicators <n> --months <n> --out <folder> [options]

Writes a synthetic project (data/*.csv and content/*.mdx) that passes "scorecard check".
Replaces the folder's data/ and content/ and leaves everything else in it alone.

Options:
  --indicators <n>  Number of indicators (at least 1), in sections of 15 to 25.
  --months <n>      Number of months of values (at least 1).
  --out <folder>    Project folder to write.
  --seed <n>        Seed of the random data (default ${DEFAULT_SEED}); the same seed gives the same files.
  --start <month>   First month of values, YYYY-MM (default ${DEFAULT_START}).
  --help            Show this help.`;

function main(): number {
  const options = {
    indicators: { type: 'string' },
    months: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    start: { type: 'string', default: DEFAULT_START },
    help: { type: 'boolean', default: false },
  } as const;
  const values = parseCommandLine(() => parseArgs({ options }), USAGE);
  if (typeof values === 'number') return values;

  if (values.indicators === undefined || values.months === undefined || values.out === undefined) {
    console.error(`Missing option: --indicators, --months and --out are required.\n\n${USAGE}`);
    return 2;
  }

  const started = performance.now();
  let project;
  try {
    project = generateScorecard({
      indicators: parseWholeNumber(values.indicators, '--indicators'),
      months: parseWholeNumber(values.months, '--months'),
      seed: parseWholeNumber(values.seed, '--seed'),
      start: values.start,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const root = resolve(values.out);
  writeProject(root, project.files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (n: number) => n.toLocaleString('en-GB');
  console.log(
    `Wrote ${count(project.indicators)} indicators in ${count(project.sections)} sections, ${project.firstMonth} to ${project.lastMonth}: ` +
      `${count(project.valueRows)} value rows, ${count(project.targetRows)} target rows, ${count(project.sectionFiles)} section files and ` +
      `${count(project.notes)} notes, to ${root} in ${seconds} s.`,
  );
  return 0;
}

/** Parses a whole number option; a fraction, a sign other than minus or any other text is rejected. */
function parseWholeNumber(text: string, option: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new RangeError(`${option} must be a whole number, got "${text}"`);
  return Number(text);
}

process.exitCode = main();
