import { parentPort } from 'node:worker_threads';
import type { ChartJob } from './chart-job.ts';
import { ChartRenderer } from './chart-renderer.ts';

/**
 * Worker thread of the render pool: queues the jobs it receives and renders
 * them one at a time, posting each SVG, or the error, back with the job's id.
 * One at a time keeps a single Vega view alive, which bounds memory.
 */
const renderer = new ChartRenderer();
const queue: { id: number; job: string }[] = [];
let running = false;

parentPort!.on('message', (message: { id: number; job: string }) => {
  queue.push(message);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  while (queue.length > 0) {
    const { id, job } = queue.shift()!;
    try {
      parentPort!.postMessage({ id, svg: await renderer.render(JSON.parse(job) as ChartJob) });
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  }
  running = false;
}
