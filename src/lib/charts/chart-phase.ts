import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Month } from '../data/types.ts';
import type { IndicatorView } from '../site/build-edition.ts';
import { fillSlotsInFiles } from './chart-slots.ts';
import type { ChartInput, ChartWorkerData, ChartWorkerMessage, FillRequest } from './chart-worker.ts';
import { drawCharts, IndicatorQueue, type DrawnCharts } from './draw-charts.ts';

/**
 * The build's chart phase. Worker threads draw every chart that is not in
 * the cache while Astro renders the pages with a slot for each chart (see
 * `chart-slots.ts`). When Astro is done, the main thread draws whatever the
 * workers have not claimed yet. Then the workers and the main thread fill
 * the slots with the SVGs.
 */

export interface ChartCounts {
  rendered: number;
  cached: number;
  /** Milliseconds from the start of the phase until the last chart was in the cache. */
  drawMs: number;
}

/**
 * Returns how many chart workers to start: one per core but one, which is
 * left to Astro, and at least one.
 */
export function chartWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Returns the old-generation heap limit of a chart worker, in MB, for an input
 * of `inputBytes` serialised bytes. A worker's live heap is about five times
 * its input (the indicator views) plus some 30 MB of Vega. Without a limit,
 * V8 let the garbage of thousands of charts grow it by several hundred MB.
 * The limit leaves room for about twice the live heap.
 */
export function workerHeapLimitMb(inputBytes: number): number {
  return Math.ceil(128 + (8 * inputBytes) / 1024 ** 2);
}

export class ChartPhase {
  readonly #started = performance.now();
  readonly #cacheDir: string;
  readonly #queue = new IndicatorQueue();
  readonly #workers: ChartWorkerHandle[];
  #keys: [string, string][] = [];

  constructor(input: ChartInput, cacheDir: string, workers = chartWorkerCount()) {
    this.#cacheDir = cacheDir;
    // One serialisation for every worker: each gets a copy of the bytes, which is cheaper than cloning the objects again.
    const bytes = serialize(input);
    this.#workers = Array.from({ length: workers }, () => new ChartWorkerHandle({ input: bytes, queue: this.#queue.buffer, cacheDir }));
  }

  /**
   * Draws on this thread the charts that no worker has claimed yet, waits
   * for the workers and returns the counts. `views` and `noteMonths` must be
   * the ones the workers' input gives.
   */
  async finish(views: readonly IndicatorView[], noteMonths: ReadonlyMap<string, readonly Month[]>): Promise<ChartCounts> {
    const mainThread = await drawCharts(views, noteMonths, this.#queue, this.#cacheDir);
    const mainDone = mainThread.keys.length > 0 ? performance.now() : this.#started;
    const results = await Promise.all(this.#workers.map((worker) => worker.next('drawn')));

    const all: DrawnCharts[] = [mainThread, ...results];
    this.#keys = all.flatMap((drawn) => drawn.keys);
    const lastDone = Math.max(mainDone, ...this.#workers.map((worker) => worker.drawnAt));
    return {
      rendered: all.reduce((sum, drawn) => sum + drawn.rendered, 0),
      cached: all.reduce((sum, drawn) => sum + drawn.cached, 0),
      drawMs: Math.round(lastDone - this.#started),
    };
  }

  /**
   * Fills the chart slots of the HTML files `files` (absolute paths), after
   * `finish`. The workers and this thread each take a share of the files.
   * Returns how many pages had slots.
   */
  async fillSlots(files: readonly string[]): Promise<number> {
    const keys = this.#keys;
    const shares = this.#workers.length + 1;
    const shareOf = (share: number) => files.filter((_file, index) => index % shares === share);

    const replies = this.#workers.map((worker, index) => {
      worker.post({ files: shareOf(index + 1), keys });
      return worker.next('filled');
    });
    const filledHere = fillSlotsInFiles(shareOf(0), new Map(keys), this.#cacheDir);
    const filled = await Promise.all(replies);
    return filled.reduce((sum, message) => sum + message.pages, filledHere);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

type MessageOf<T extends ChartWorkerMessage['type']> = Extract<ChartWorkerMessage, { type: T }>;

/** A worker and the reply it owes. A worker does one task at a time, so one pending reply is enough. */
class ChartWorkerHandle {
  readonly #worker: Worker;
  #pending: { type: string; resolve: (message: ChartWorkerMessage) => void; reject: (error: Error) => void } | null = null;
  #early: ChartWorkerMessage[] = [];
  #failure: Error | null = null;

  /** When the worker reported its charts drawn, from `performance.now()`; 0 until then. */
  drawnAt = 0;

  constructor(data: ChartWorkerData) {
    this.#worker = new Worker(new URL('./chart-worker.ts', import.meta.url), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb(data.input.byteLength) },
    });
    this.#worker.on('message', (message: ChartWorkerMessage) => this.#receive(message));
    this.#worker.on('error', (error) => this.#fail(new Error(`A chart worker failed: ${error.message}`)));
    this.#worker.on('exit', (code) => this.#fail(new Error(`A chart worker stopped with exit code ${code} before it finished.`)));
  }

  post(request: FillRequest): void {
    this.#worker.postMessage(request);
  }

  next<T extends ChartWorkerMessage['type']>(type: T): Promise<MessageOf<T>> {
    if (this.#failure) return Promise.reject(this.#failure);
    const early = this.#early.shift();
    if (early) return early.type === type ? Promise.resolve(early as MessageOf<T>) : Promise.reject(toError(early));
    return new Promise((resolve, reject) => {
      this.#pending = { type, resolve: resolve as (message: ChartWorkerMessage) => void, reject };
    });
  }

  async terminate(): Promise<void> {
    this.#failure ??= new Error('The chart phase was stopped.');
    await this.#worker.terminate();
  }

  #receive(message: ChartWorkerMessage): void {
    if (message.type === 'drawn') this.drawnAt = performance.now();
    const pending = this.#pending;
    if (!pending) {
      this.#early.push(message);
      return;
    }
    this.#pending = null;
    if (message.type === pending.type) pending.resolve(message);
    else pending.reject(toError(message));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(this.#failure);
  }
}

function toError(message: ChartWorkerMessage): Error {
  return new Error(message.type === 'failed' ? message.error : `A chart worker sent "${message.type}" out of turn.`);
}
