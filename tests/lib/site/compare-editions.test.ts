import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/load-project.ts';
import { buildEdition } from '../../../src/lib/site/build-edition.ts';
import { compareEditions } from '../../../src/lib/site/compare-editions.ts';
import { readPreviousValues } from '../../../src/lib/site/previous-values.ts';
import { copyProject } from '../../support/project-copy.ts';

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Scorecard test', '-c', 'user.email=test@example.invalid', ...args], { cwd: root, stdio: 'ignore' });
}

/** Copies the shipped project into a new git repository: July committed, then August with W 1's June revised. */
function projectWithHistory(): string {
  const root = copyProject('history');
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'July edition');

  const valuesPath = join(root, 'data', 'values.csv');
  writeFileSync(valuesPath, readFileSync(valuesPath, 'utf8').replace('W 1,2018-06,20.6,', 'W 1,2018-06,20.7,'));
  appendFileSync(valuesPath, 'W 1,2018-08,21.0,\n');
  git(root, 'commit', '-q', '-am', 'August edition');
  return root;
}

describe('compareEditions', () => {
  it('lists revisions from git history', () => {
    const root = projectWithHistory();
    const { scorecard, findings } = loadProject(root);
    const edition = buildEdition(scorecard!, findings);

    const previous = readPreviousValues(root, scorecard!, edition.month);
    const changes = compareEditions(scorecard!, edition, previous);

    expect(edition.month).toBe('2018-08');
    expect(changes.revisions).toEqual([{ code: 'W 1', slug: 'w-1', month: '2018-06', before: 20.6, after: 20.7 }]);
  });

  it('reports revisions unknown outside git', () => {
    const root = copyProject('no-history');
    const { scorecard, findings } = loadProject(root);
    const edition = buildEdition(scorecard!, findings);

    expect(readPreviousValues(root, scorecard!, edition.month)).toBeNull();
    expect(compareEditions(scorecard!, edition, null).revisions).toBeNull();
  });

  it('names stale indicators with last month', () => {
    const root = projectWithHistory();
    const { scorecard, findings } = loadProject(root);
    const changes = compareEditions(scorecard!, buildEdition(scorecard!, findings), null);

    // Only W 1 has an August value, so every other indicator is stale; QA 2's last value is for Feb 2018.
    expect(changes.newValues.map((value) => value.code)).toEqual(['W 1']);
    expect(changes.stale).toHaveLength(34);
    expect(changes.stale.find((item) => item.code === 'QA 2')?.lastMonth).toBe('2018-02');
    expect(changes.stale.find((item) => item.code === 'W1 a')?.lastMonth).toBe('2018-07');
  });

  it('lists new targets in April', () => {
    const root = copyProject('april');
    const valuesPath = join(root, 'data', 'values.csv');
    appendFileSync(valuesPath, 'W 1,2019-04,19.0,\n');
    const targetsPath = join(root, 'data', 'targets.csv');
    appendFileSync(targetsPath, 'W 1,2019-20,16,16,19\n');

    const { scorecard, findings } = loadProject(root);
    const edition = buildEdition(scorecard!, findings);
    const changes = compareEditions(scorecard!, edition, null);
    const w1 = changes.targetChanges.find((change) => change.code === 'W 1');

    expect(edition.month).toBe('2019-04');
    expect(w1?.before?.green).toBe(17);
    expect(w1?.after?.green).toBe(16);
    expect(w1?.after?.red).toBe(19);

    // April starts 2019-20: W 1's figure is April alone, 19.0, which is at or above the new red cut of 19.
    const view = edition.indicators.find((candidate) => candidate.indicator.code === 'W 1')!;
    expect(view.rating.year).toBe('2019-20');
    expect(view.rating.monthsUsed).toEqual(['2019-04']);
    expect(view.rating.status).toBe('red');
    expect(view.lastYear.year).toBe('2018-19');
  });
});
