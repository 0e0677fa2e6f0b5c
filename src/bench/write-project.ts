import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generate-scorecard.ts';

/**
 * Writes generated files into a project folder. It first deletes the
 * folder's `data/` and `content/`, so that notes left from a larger earlier
 * run cannot name indicators the new data lack. Nothing else in the folder
 * is touched.
 */
export function writeProject(root: string, files: readonly GeneratedFile[]): void {
  rmSync(join(root, 'data'), { recursive: true, force: true });
  rmSync(join(root, 'content'), { recursive: true, force: true });
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}
