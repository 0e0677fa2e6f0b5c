import { appendFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/lib/data/month.ts';
import { evaluateRag } from '../../src/lib/rag/evaluate-rag.ts';
import { loadProject } from '../../src/lib/load-project.ts';
import { copyProject, PROJECT_ROOT } from '../support/project-copy.ts';
import { runCli } from '../support/run-cli.ts';
import { siteBuilds } from '../support/site-builds.ts';

interface ScorecardJson {
  period: string;
  indicators: { code: string; rag: string; yearToDate: { months: number }; latest: { month: string; value: number | null } }[];
}

/** Reads the RAG changes the changes page lists, as code → [from, to]. */
function listedRagChanges(html: string): Map<string, [string, string]> {
  const rows = [...html.matchAll(/<tr data-code="([^"]+)" data-from="([a-z]+)" data-to="([a-z]+)"/g)];
  return new Map(rows.map((match) => [decodeEntities(match[1]!), [match[2]!, match[3]!]]));
}

/** The RAG changes the evaluator implies between the edition month and the month before. */
function expectedRagChanges(root: string): Map<string, [string, string]> {
  const { scorecard } = loadProject(root);
  const changes = new Map<string, [string, string]>();
  for (const indicator of scorecard!.indicators) {
    const now = evaluateRag(indicator, scorecard!.observations, scorecard!.targets, scorecard!.edition).status;
    const before = evaluateRag(indicator, scorecard!.observations, scorecard!.targets, addMonths(scorecard!.edition, -1)).status;
    if (now !== before) changes.set(indicator.code, [before, now]);
  }
  return changes;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

describe('changes page of shipped data', () => {
  it('lists every RAG change the evaluator implies', () => {
    const html = readFileSync(join(siteBuilds().root.outDir, 'changes', 'index.html'), 'utf8');
    const expected = expectedRagChanges(PROJECT_ROOT);

    // W 1 moves from 20.0 (Apr–Jun 2018 mean 19.97) to 20.1 (Apr–Jul mean 20.075): Amber to Red.
    expect(expected.get('W 1')).toEqual(['amber', 'red']);
    expect(listedRagChanges(html)).toEqual(expected);
  });

  it('names stale indicators', () => {
    const html = readFileSync(join(siteBuilds().root.outDir, 'changes', 'index.html'), 'utf8');
    // QA 2 and QA 3 have one value each, for Feb 2018.
    expect(html).toMatch(/<li data-code="QA 2">[\s\S]*?latest value is for Feb 2018/);
    expect(html).toMatch(/<li data-code="QA 3">[\s\S]*?latest value is for Feb 2018/);
  });
});

describe('new month applied to a copy', () => {
  const staleCodes = ['MC 1', 'CL 3'];
  let root: string;
  let outDir: string;

  beforeAll(async () => {
    root = copyProject('august');
    outDir = join(root, 'dist');

    // August 2018 for every indicator: July's value moved by a fixed step, except two left blank (stale).
    const { scorecard } = loadProject(root);
    const rows: string[] = [];
    for (const indicator of scorecard!.indicators) {
      const july = scorecard!.observations.find((row) => row.code === indicator.code && row.month === '2018-07')?.value ?? null;
      const value = staleCodes.includes(indicator.code) || july === null ? '' : String(july + 3);
      rows.push(`${indicator.code.includes(',') ? `"${indicator.code}"` : indicator.code},2018-08,${value},`);
    }
    appendFileSync(join(root, 'data', 'values.csv'), `${rows.join('\n')}\n`);

    mkdirSync(join(root, 'content', 'notes'), { recursive: true });
    writeFileSync(join(root, 'content', 'notes', 'w-1-2018-08.mdx'), '---\nindicator: "W 1"\nmonth: "2018-08"\n---\n\nCaseloads rose to <Latest code="W 1" /> in August.\n');

    const result = await runCli(['build', '--root', root, '--out', outDir], { SCORECARD_COMMIT: 'augusttest' });
    if (result.code !== 0) throw new Error(`build of the August edition failed:\n${result.stdout}\n${result.stderr}`);
  });

  it('runs the edition to August 2018', () => {
    const json = JSON.parse(readFileSync(join(outDir, 'scorecard.json'), 'utf8')) as ScorecardJson;
    expect(json.period).toBe('2018-08');
  });

  it('uses five months year to date', () => {
    const json = JSON.parse(readFileSync(join(outDir, 'scorecard.json'), 'utf8')) as ScorecardJson;
    const w1 = json.indicators.find((indicator) => indicator.code === 'W 1')!;
    // Apr–Aug 2018: 19.2, 20.1, 20.6, 20.4 and 23.4 (20.4 + 3).
    expect(w1.yearToDate.months).toBe(5);
    expect(w1.latest).toEqual({ month: '2018-08', value: 23.4 });
  });

  it('lists the RAG changes the evaluator implies', () => {
    const html = readFileSync(join(outDir, 'changes', 'index.html'), 'utf8');
    const expected = expectedRagChanges(root);
    expect(expected.size).toBeGreaterThan(0);
    expect(listedRagChanges(html)).toEqual(expected);
  });

  it('names the stale indicators', () => {
    const html = readFileSync(join(outDir, 'changes', 'index.html'), 'utf8');
    expect(html).toMatch(/<li data-code="MC 1">[\s\S]*?latest value is for Jul 2018/);
    expect(html).toMatch(/<li data-code="CL 3">[\s\S]*?latest value is for Jul 2018/);
  });

  it('shows the new note with a live figure', () => {
    const html = readFileSync(join(outDir, 'indicators', 'w-1', 'index.html'), 'utf8');
    expect(html).toMatch(/Caseloads rose to <span class="live-figure" data-code="W 1">23\.4<\/span> in August/);
    expect(html).toContain('Aug 2018 (this month)');
  });
});

describe('reproducible build', () => {
  // A warm build writes each page with its charts during Astro, to a file named from the page's URL, so both bases count.
  it.each(['root', 'subPath'] as const)('builds identical trees cold and warm: %s', async (name) => {
    const folder = copyProject('repeat');
    const env = { SCORECARD_BASE: siteBuilds()[name].base, SCORECARD_COMMIT: 'testcommit', SCORECARD_CACHE_DIR: join(folder, 'chart-cache') };

    // Cold: an empty chart cache, so every chart is rendered.
    const cold = await runCli(['build', '--root', PROJECT_ROOT, '--out', join(folder, 'cold')], { ...env, SCORECARD_TIMINGS_FILE: join(folder, 'cold.json') });
    expect(cold.code).toBe(0);
    expect(readTimings(join(folder, 'cold.json')).charts.rendered).toBeGreaterThan(0);

    // Warm: the cache the cold build filled, so no chart is rendered again.
    const warm = await runCli(['build', '--root', PROJECT_ROOT, '--out', join(folder, 'warm')], { ...env, SCORECARD_TIMINGS_FILE: join(folder, 'warm.json') });
    expect(warm.code).toBe(0);
    expect(readTimings(join(folder, 'warm.json')).charts.rendered).toBe(0);

    const coldTree = hashTree(join(folder, 'cold'));
    expect(hashTree(join(folder, 'warm'))).toEqual(coldTree);
    expect(hashTree(siteBuilds()[name].outDir)).toEqual(coldTree);
  });
});

function readTimings(path: string): { charts: { rendered: number; cached: number } } {
  return JSON.parse(readFileSync(path, 'utf8')) as { charts: { rendered: number; cached: number } };
}

/** Maps each file's path under `folder` to the SHA-256 of its bytes. */
function hashTree(folder: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else hashes[relative(folder, child)] = createHash('sha256').update(readFileSync(child)).digest('hex');
    }
  };
  walk(folder);
  return hashes;
}
