import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSite } from '../../../src/lib/site/load-site.ts';
import { copyProject } from '../../support/project-copy.ts';

let root = '';
const savedRoot = process.env.SCORECARD_ROOT;

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  if (savedRoot === undefined) delete process.env.SCORECARD_ROOT;
  else process.env.SCORECARD_ROOT = savedRoot;
});

describe('loadSite', () => {
  it('points the dev overlay at the data', () => {
    root = copyProject('load-site');
    const values = join(root, 'data', 'values.csv');
    writeFileSync(values, readFileSync(values, 'utf8').replaceAll(',', ';'));
    process.env.SCORECARD_ROOT = root;

    let thrown: unknown;
    try {
      loadSite();
    } catch (error) {
      thrown = error;
    }

    expect((thrown as Error).message).toContain('data/values.csv:1:1');
    expect((thrown as { loc?: unknown }).loc).toEqual({ file: values, line: 1, column: 1 });
  });
});
