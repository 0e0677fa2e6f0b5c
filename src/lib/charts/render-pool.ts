import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartJob } from './chart-job.ts';

/**
 * Renders chart jobs on worker threads, one per core by default. Each worker
 * parses each chart template once, so the cost per chart is one Vega view
 * run. Jobs run in the order they are submitted, and each resolves as soon
 * as its SVG is ready, so pages can be rendered while later charts are
 * still being drawn.
 */
export class RenderPool {
  readonly #size: number;
  readonly #queue: { job: ChartJob; resolve: (svg: string) => void; reject: (error: Error) => void }[] = [];
  readonly #idle: Worker[] = [];
  readonly #workers: Worker[] = [];

  constructor(size = availableParallelism()) {
    this.#size = Math.max(1, size);
  }

  render(job: ChartJob): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker. Jobs still queued are rejected. */
  async close(): Promise<void> {
    for (const waiting of this.#queue.splice(0)) waiting.reject(new Error('the chart render pool was closed'));
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? this.#start();
      if (!worker) return;
      const task = this.#queue.shift()!;

      const onMessage = (message: { svg?: string; error?: string }) => {
        worker.off('error', onError);
        this.#idle.push(worker);
        if (message.error !== undefined) task.reject(new Error(`rendering chart "${task.job.title}" failed: ${message.error}`));
        else task.resolve(message.svg!);
        this.#dispatch();
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        task.reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ job: task.job });
    }
  }

  #start(): Worker | null {
    if (this.#workers.length >= this.#size) return null;
    const worker = new Worker(new URL('./chart-worker.ts', import.meta.url));
    // Idle workers must not keep the process alive once the build is done.
    worker.unref();
    this.#workers.push(worker);
    return worker;
  }
}
