import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartJob } from './chart-job.ts';

/**
 * Renders many chart jobs on worker threads, one per core, and returns the
 * SVGs in job order. Each worker parses each chart template once, so the
 * cost per chart is one Vega view run.
 */
export async function renderInPool(jobs: readonly ChartJob[], workerCount = availableParallelism()): Promise<string[]> {
  const results: string[] = new Array(jobs.length);
  if (jobs.length === 0) return results;

  const size = Math.max(1, Math.min(workerCount, jobs.length));
  let next = 0;

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./chart-worker.ts', import.meta.url));
      const send = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        worker.postMessage({ index, job: jobs[index] });
      };

      worker.on('message', (message: { index: number; svg?: string; error?: string }) => {
        if (message.error !== undefined) {
          void worker.terminate();
          reject(new Error(`rendering chart "${jobs[message.index]!.title}" failed: ${message.error}`));
          return;
        }
        results[message.index] = message.svg!;
        send();
      });
      worker.on('error', reject);
      send();
    });

  await Promise.all(Array.from({ length: size }, runWorker));
  return results;
}
