import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** Path of the project's command line entry point. */
export const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'scorecard.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scorecard <args>` with the Node that runs the tests (the project's
 * pinned runtime) and resolves with its exit code and output, never rejecting
 * on a non-zero exit.
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      let code = 0;
      if (error) code = typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
