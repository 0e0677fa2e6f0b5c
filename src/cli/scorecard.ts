#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runBuild } from './build-command.ts';
import { runCheck } from './check-command.ts';
import { runImport } from './import-command.ts';

/**
 * The scorecard command line: `import` converts a spreadsheet export into
 * `data/`, `check` validates `data/` and `content/`, `build` checks and then
 * builds the site into `dist/`. Run through npm: `npm run check -- --json`.
 */

const USAGE = `Usage: scorecard <command> [options]

Commands:
  import <export.tsv>   Convert a spreadsheet export into data/ and commentary stubs.
                        --force  replace data files edited since the last import and take revised values
                        --json   print the import report as one JSON object per line
  check                 Validate data/*.csv and content/ and list every problem.
                        --json   print one JSON object per finding
  build                 Check, then build the site into dist/. A failed build leaves dist/ as it was.

Options for every command:
  --root <folder>       Project folder holding data/ and content/ (default: the current folder).
  --help                Show this help.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: 'string', default: process.env.SCORECARD_ROOT ?? '.' },
    json: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const [command, ...rest] = positionals;

if (values.help || command === undefined) {
  console.log(USAGE);
  process.exit(command === undefined && !values.help ? 2 : 0);
}

let exitCode: number;
switch (command) {
  case 'import':
    exitCode = runImport(rest, { root: values.root, json: values.json, force: values.force });
    break;
  case 'check':
    exitCode = runCheck({ root: values.root, json: values.json });
    break;
  case 'build':
    exitCode = await runBuild({ root: values.root, out: values.out });
    break;
  default:
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    exitCode = 2;
}

process.exitCode = exitCode;
