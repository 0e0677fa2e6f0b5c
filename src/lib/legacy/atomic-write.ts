import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes several files so that each is either wholly old or wholly new: all
 * contents go to temporary files beside their targets first, and only when
 * every one is written and flushed are they renamed into place. An import
 * interrupted before the renames leaves every old file untouched.
 */
export function writeFilesAtomically(files: ReadonlyMap<string, string>): void {
  const staged: [string, string][] = [];

  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const descriptor = openSync(temporary, 'w');
      try {
        writeSync(descriptor, text);
        fsyncSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
      staged.push([temporary, path]);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    throw error;
  }

  for (const [temporary, path] of staged) renameSync(temporary, path);
}
