import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFilesAtomically } from '../../../src/lib/legacy/atomic-write.ts';
import { importExport } from '../../../src/lib/legacy/import-project.ts';

/**
 * Counts calls to writeSync and renameSync, and makes the call numbered
 * `failWriteAt` or `failRenameAt` throw, as a full disk or a killed process
 * would interrupt an import. Every other call goes to the real fs.
 */
const fault = vi.hoisted(() => ({ failWriteAt: 0, failRenameAt: 0, writes: 0, renames: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const writeSync = (...args: unknown[]) => {
    fault.writes++;
    if (fault.writes === fault.failWriteAt) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (actual.writeSync as (...forwarded: unknown[]) => number)(...args);
  };
  const renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    fault.renames++;
    if (fault.renames === fault.failRenameAt) throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}'`), { code: 'EIO' });
    actual.renameSync(from, to);
  };
  return { ...actual, writeSync, renameSync };
});

const roots: string[] = [];

beforeEach(() => {
  Object.assign(fault, { failWriteAt: 0, failRenameAt: 0, writes: 0, renames: 0 });
});

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'scorecard-atomic-'));
  roots.push(root);
  return root;
}

/** Reads every file under `root` into a map from relative path to text. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

const temporaryFiles = (root: string) => [...snapshot(root).keys()].filter((file) => file.endsWith('.tmp'));

/** Three files with old text, and the new text for each. */
function threeFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of ['indicators.csv', 'targets.csv', 'values.csv']) {
    writeFileSync(join(root, name), `old ${name}\n`);
    files.set(join(root, name), `new ${name}\n`);
  }
  return files;
}

describe('writeFilesAtomically', () => {
  it('writes every file', () => {
    const root = newRoot();
    const files = threeFiles(root);
    files.set(join(root, 'content/sections/workforce.mdx'), '---\nsection: "Workforce"\n---\n');

    writeFilesAtomically(files);

    expect(snapshot(root)).toEqual(
      new Map([
        ['content/sections/workforce.mdx', '---\nsection: "Workforce"\n---\n'],
        ['indicators.csv', 'new indicators.csv\n'],
        ['targets.csv', 'new targets.csv\n'],
        ['values.csv', 'new values.csv\n'],
      ]),
    );
  });

  it('failed write leaves old files', () => {
    const root = newRoot();
    const files = threeFiles(root);
    fault.failWriteAt = 2;

    expect(() => writeFilesAtomically(files)).toThrow('ENOSPC');
    expect(read(root, 'indicators.csv')).toBe('old indicators.csv\n');
    expect(read(root, 'targets.csv')).toBe('old targets.csv\n');
    expect(read(root, 'values.csv')).toBe('old values.csv\n');
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('failed rename leaves whole files', () => {
    const root = newRoot();
    const files = threeFiles(root);
    fault.failRenameAt = 2;

    expect(() => writeFilesAtomically(files)).toThrow('EIO');
    // The first rename went through; the others did not start. No file is half written.
    expect(read(root, 'indicators.csv')).toBe('new indicators.csv\n');
    expect(read(root, 'targets.csv')).toBe('old targets.csv\n');
    expect(read(root, 'values.csv')).toBe('old values.csv\n');
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('target that is folder fails cleanly', () => {
    // A folder in place of targets.csv makes its rename fail with the real fs.
    const root = newRoot();
    const files = threeFiles(root);
    rmSync(join(root, 'targets.csv'));
    mkdirSync(join(root, 'targets.csv'));
    writeFileSync(join(root, 'targets.csv', 'keep.txt'), 'keep\n');

    expect(() => writeFilesAtomically(files)).toThrow();
    expect(read(root, 'targets.csv/keep.txt')).toBe('keep\n');
    expect(read(root, 'values.csv')).toBe('old values.csv\n');
    expect(temporaryFiles(root)).toEqual([]);
  });
});

describe('importExport interrupted', () => {
  const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)), 'utf8');

  it('keeps whole project on failed write', () => {
    const root = newRoot();
    importExport(fixture('scorecard-export-2018-07.tsv'), 'scorecard-export-2018-07.tsv', { root, force: false });
    const before = snapshot(root);

    // The later import stages several files. Its second write fails after the first temporary file is complete.
    fault.writes = 0;
    fault.failWriteAt = 2;
    expect(() => importExport(fixture('reimport/scorecard-export-2018-08.tsv'), 'scorecard-export-2018-08.tsv', { root, force: true })).toThrow('ENOSPC');

    expect(snapshot(root)).toEqual(before);
  });
});

function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}
