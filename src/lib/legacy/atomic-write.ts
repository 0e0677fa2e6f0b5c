import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes several files so that each is either wholly old or wholly new: all
 * contents go to temporary files beside their targets first, and only when
 * every one is written and flushed are they renamed into place. An import
 * interrupted before the renames leaves every old file untouched. A rename
 * that fails leaves the files renamed before it new and the rest old. Either
 * way the temporary files are removed before the error is thrown again.
 */
export function writeFilesAtomically(files: ReadonlyMap<string, string>): void {
  const staged: [string, string][] = [];
  const removeTemporaries = (from: number) => {
    for (const [temporary] of staged.slice(from)) rmSync(temporary, { force: true });
  };

  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const descriptor = openSync(temporary, 'w');
      // Staged as soon as it exists, so a failed write below still removes it.
      staged.push([temporary, path]);
      try {
        writeSync(descriptor, text);
        fsyncSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
    }
  } catch (error) {
    removeTemporaries(0);
    throw error;
  }

  let renamed = 0;
  try {
    for (const [temporary, path] of staged) {
      renameSync(temporary, path);
      renamed++;
    }
  } catch (error) {
    removeTemporaries(renamed);
    throw error;
  }
}
