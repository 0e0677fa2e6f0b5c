import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExport } from '../../../src/lib/legacy/import-project.ts';
import { loadProject } from '../../../src/lib/load-project.ts';
import { evaluateRag } from '../../../src/lib/rag/evaluate-rag.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
const JULY = readFileSync(fixture('scorecard-export-2018-07.tsv'), 'utf8');
// The July export with an Aug-18 column for every indicator, and W 1's Jun-18 revised from 20.6 to 20.7.
const AUGUST = readFileSync(fixture('reimport/scorecard-export-2018-08.tsv'), 'utf8');

const roots: string[] = [];

function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'scorecard-import-'));
  roots.push(root);
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Reads every file under `root` into a map from relative path to bytes. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

function rateW1(root: string) {
  const { scorecard, findings } = loadProject(root);
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (!scorecard) throw new Error(`project has errors: ${errors.map((finding) => finding.message).join('; ')}`);
  const w1 = scorecard.indicators.find((indicator) => indicator.code === 'W 1')!;
  return { edition: scorecard.edition, rating: evaluateRag(w1, scorecard.observations, scorecard.targets, scorecard.edition) };
}

describe('importExport first import', () => {
  let root: string;
  let result: ReturnType<typeof importExport>;

  beforeAll(() => {
    root = newRoot();
    result = importExport(JULY, 'scorecard-export-2018-07.tsv', { root, force: false });
  });

  it('writes data and section stubs', () => {
    expect(result.written).toEqual([
      'data/indicators.csv',
      'data/targets.csv',
      'data/values.csv',
      'content/sections/workforce.mdx',
      'content/sections/front-door.mdx',
      'content/sections/assessment.mdx',
      'content/sections/children-in-need-of-help-and-protection.mdx',
      'content/sections/looked-after-children.mdx',
      'content/sections/fostering-and-adoption.mdx',
      'content/sections/care-leavers.mdx',
      'content/sections/quality-assurance.mdx',
    ]);
    expect(result.kept).toEqual([]);
  });

  it('writes one row per indicator and month', () => {
    const lines = read(root, 'data/values.csv').trimEnd().split('\n');
    // Header plus 35 indicators × 16 months.
    expect(lines).toHaveLength(1 + 35 * 16);
    expect(lines[0]).toBe('code,month,value,note');
    // Month by month, in export order: April 2017 starts with P1 (blank) then W 1 as written, "16.0".
    expect(lines[1]).toBe('P1,2017-04,,');
    expect(lines[2]).toBe('W 1,2017-04,16.0,');
  });

  it('writes project that passes check', () => {
    const { scorecard, findings } = loadProject(root);

    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(scorecard?.indicators).toHaveLength(35);
    expect(scorecard?.sections).toHaveLength(8);
    expect(scorecard?.edition).toBe('2018-07');
  });

  it('same export again writes nothing', () => {
    const before = snapshot(root);
    const again = importExport(JULY, 'scorecard-export-2018-07.tsv', { root, force: false });
    const after = snapshot(root);

    expect(again.written).toEqual([]);
    expect(again.findings.filter((finding) => finding.kind === 'value-revised')).toEqual([]);
    for (const file of ['data/indicators.csv', 'data/targets.csv', 'data/values.csv']) {
      expect(after.get(file)?.equals(before.get(file)!)).toBe(true);
    }
  });
});

describe('importExport later export', () => {
  const SECTION_TEXT = '---\nsection: "Workforce"\n---\n\nCaseloads rose over the summer after two social workers left the assessment team.\n';
  const NOTE_TEXT = '---\nindicator: "W 1"\nmonth: "2018-07"\n---\n\nAgency social workers start in September, which should bring caseloads down.\n';

  let root: string;
  let before: Map<string, Buffer>;
  let editedIndicators: string;
  let later: ReturnType<typeof importExport>;
  let afterLater: Map<string, Buffer>;

  beforeAll(() => {
    root = newRoot();
    importExport(JULY, 'scorecard-export-2018-07.tsv', { root, force: false });

    write(root, 'content/sections/workforce.mdx', SECTION_TEXT);
    write(root, 'content/notes/w-1-2018-07.mdx', NOTE_TEXT);
    // The analyst renames W 1, which makes indicators.csv differ from what the importer wrote.
    editedIndicators = read(root, 'data/indicators.csv').replace('W 1,Average Caseload per Social Worker,', 'W 1,Average caseload per qualified social worker (FTE),');
    write(root, 'data/indicators.csv', editedIndicators);

    before = snapshot(root);
    later = importExport(AUGUST, 'scorecard-export-2018-08.tsv', { root, force: false });
    afterLater = snapshot(root);
  });

  it('leaves commentary byte-identical', () => {
    const commentary = [...before.keys()].filter((file) => file.startsWith('content/'));

    // Eight section files, one of them hand-written, and the note.
    expect(commentary).toHaveLength(9);
    for (const file of commentary) {
      expect(afterLater.get(file)?.equals(before.get(file)!), file).toBe(true);
    }
    expect([...afterLater.keys()].filter((file) => file.startsWith('content/'))).toHaveLength(9);
  });

  it('appends August rows to values', () => {
    const old = before.get('data/values.csv')!.toString('utf8');
    const now = afterLater.get('data/values.csv')!.toString('utf8');
    const added = now.slice(old.length).trimEnd().split('\n');

    expect(now.startsWith(old)).toBe(true);
    expect(added).toHaveLength(35);
    expect(added.every((line) => line.split(',')[1] === '2018-08')).toBe(true);
    // Aug-18 cells of the later export: P1 "38%", W 1 "19.8", and QA 2 blank.
    expect(added[0]).toBe('P1,2018-08,38,');
    expect(added[1]).toBe('W 1,2018-08,19.8,');
    expect(added).toContain('QA 2,2018-08,,');
  });

  it('reports revised value', () => {
    const revised = later.findings.filter((finding) => finding.kind === 'value-revised');

    expect(revised).toHaveLength(1);
    expect(revised[0]?.code).toBe('W 1');
    expect(revised[0]?.severity).toBe('warning');
    expect(revised[0]?.message).toBe('The value for 2018-06 was revised from 20.6 to 20.7. The old figure was kept; run the import with --force to take the new one.');
  });

  it('keeps old figure without force', () => {
    const values = afterLater.get('data/values.csv')!.toString('utf8');

    expect(values).toContain('\nW 1,2018-06,20.6,\n');
    expect(values).not.toContain('\nW 1,2018-06,20.7,\n');
  });

  it('keeps edited indicators file', () => {
    expect(afterLater.get('data/indicators.csv')?.toString('utf8')).toBe(editedIndicators);
    expect(later.kept.map((kept) => kept.file)).toEqual(['data/indicators.csv']);
    expect(later.kept[0]?.reason).toContain('--force');
    expect(later.written).not.toContain('data/indicators.csv');
  });

  it('leaves unchanged targets alone', () => {
    expect(afterLater.get('data/targets.csv')?.equals(before.get('data/targets.csv')!)).toBe(true);
    expect(later.written).toEqual(['data/values.csv']);
  });

  it('rates August from kept figures', () => {
    // W 1, Apr–Aug 2018 as stored: 19.2, 20.1, 20.6, 20.4, 19.8 → 100.1 / 5 = 20.02 → 20.0 → amber (17 < 20.0 < 20.1).
    const { edition, rating } = rateW1(root);

    expect(edition).toBe('2018-08');
    expect(rating.figure).toBe(20);
    expect(rating.status).toBe('amber');
  });

  describe('with force', () => {
    let forced: ReturnType<typeof importExport>;
    let afterForce: Map<string, Buffer>;

    beforeAll(() => {
      forced = importExport(AUGUST, 'scorecard-export-2018-08.tsv', { root, force: true });
      afterForce = snapshot(root);
    });

    it('takes revised value', () => {
      const oldLines = afterLater.get('data/values.csv')!.toString('utf8').split('\n');
      const newLines = afterForce.get('data/values.csv')!.toString('utf8').split('\n');
      const changed = newLines.flatMap((line, index) => (line === oldLines[index] ? [] : [[oldLines[index], line]]));

      expect(newLines).toHaveLength(oldLines.length);
      expect(changed).toEqual([['W 1,2018-06,20.6,', 'W 1,2018-06,20.7,']]);
    });

    it('says new figure was taken', () => {
      const revised = forced.findings.filter((finding) => finding.kind === 'value-revised');

      expect(revised).toHaveLength(1);
      expect(revised[0]?.message).toBe('The value for 2018-06 was revised from 20.6 to 20.7. The new figure was taken (--force).');
    });

    it('replaces edited indicators file', () => {
      const indicators = afterForce.get('data/indicators.csv')!.toString('utf8');

      expect(indicators).toContain('W 1,Average Caseload per Social Worker,');
      expect(indicators).not.toContain('(FTE)');
      expect(forced.kept).toEqual([]);
    });

    it('still leaves commentary alone', () => {
      for (const [file, bytes] of before) {
        if (file.startsWith('content/')) expect(afterForce.get(file)?.equals(bytes), file).toBe(true);
      }
    });

    it('rates August from revised figures', () => {
      // 19.2, 20.1, 20.7, 20.4, 19.8 → 100.2 / 5 = 20.04 → 20.0 → amber.
      const { rating } = rateW1(root);

      expect(rating.exactFigure).toBeCloseTo(20.04, 10);
      expect(rating.figure).toBe(20);
      expect(rating.status).toBe('amber');
    });
  });
});
