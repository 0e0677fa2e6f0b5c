import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartJob } from './chart-job.ts';

/**
 * Renders chart jobs on worker threads, one per core by default. Each worker
 * parses each chart template once, so the cost per chart is one Vega view
 * run. Jobs are handed to the workers as soon as they are submitted and each
 * worker works through its own queue, so a main thread busy rendering pages
 * never leaves a worker idle. Each job resolves as soon as its SVG is back.
 */
export class RenderPool {
  readonly #workers: Worker[] = [];
  readonly #waiting = new Map<number, { title: string; resolve: (svg: string) => void; reject: (error: Error) => void }>();
  #nextId = 0;

  constructor(size = availableParallelism()) {
    for (let index = 0; index < Math.max(1, size); index++) {
      // A small old generation makes each worker collect garbage early: Vega leaves much behind per chart.
      const worker = new Worker(new URL('./chart-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 192 } });
      worker.on('message', (message: { id: number; svg?: string; error?: string }) => this.#settle(message));
      worker.on('error', (error) => this.#failAll(error));
      this.#workers.push(worker);
    }
  }

  render(job: ChartJob): Promise<string> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { title: job.title, resolve, reject });
      // A JSON string is copied to the worker in one piece, cheaper than cloning thousands of small objects.
      this.#workers[id % this.#workers.length]!.postMessage({ id, job: JSON.stringify(job) });
    });
  }

  /** Stops every worker. Jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.#failAll(new Error('the chart render pool was closed'));
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #settle(message: { id: number; svg?: string; error?: string }): void {
    const waiting = this.#waiting.get(message.id);
    if (!waiting) return;
    this.#waiting.delete(message.id);
    if (message.error !== undefined) waiting.reject(new Error(`rendering chart "${waiting.title}" failed: ${message.error}`));
    else waiting.resolve(message.svg!);
  }

  #failAll(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}
