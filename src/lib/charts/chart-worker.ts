import { parentPort } from 'node:worker_threads';
import type { ChartJob } from './chart-job.ts';
import { ChartRenderer } from './chart-renderer.ts';

/** Worker thread of the render pool: renders each job it receives and posts the SVG, or the error, back. */
const renderer = new ChartRenderer();

parentPort!.on('message', async (message: { job: ChartJob }) => {
  try {
    parentPort!.postMessage({ svg: await renderer.render(message.job) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
