import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository's root folder, which contains the shipped data and commentary. */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** Copies the shipped data/ and content/ into a new temporary project folder and returns its path. */
export function copyProject(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), `scorecard-${prefix}-`));
  cpSync(join(PROJECT_ROOT, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
  return root;
}
