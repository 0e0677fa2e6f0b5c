import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Month } from '../data/types.ts';
import type { IndicatorView } from '../site/build-edition.ts';
import { chartPath } from './chart-cache.ts';
import { manifestHash, readManifest, writeManifest } from './chart-manifest.ts';
import { fillSlotsInFiles, svgReader } from './chart-slots.ts';
import type { ChartInput, ChartWorkerData, ChartWorkerMessage } from './chart-worker.ts';
import { drawCharts, IndicatorQueue, type DrawnCharts } from './draw-charts.ts';
import type { SlotWorkerData } from './slot-worker.ts';
import { PageWriter, SlotWorker } from './slot-workers.ts';

/**
 * The build's chart phase. Worker threads draw every chart that is not in
 * the cache while Astro renders the pages with a slot for each chart (see
 * `chart-slots.ts`). When Astro is done, the main thread draws whatever the
 * workers have not claimed yet, then fills the slots with the SVGs, on
 * every core. When the chart manifest shows that nothing the charts are
 * built from changed, no chart worker starts at all (see `chart-manifest.ts`),
 * and slot workers write each page with its charts as Astro renders it.
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
  readonly #manifestHash: string;
  /** Cache key by chart id: from the manifest when it matched, otherwise filled in by `finish`. */
  #keys: Map<string, string> | null;

  constructor(input: ChartInput, cacheDir: string, workers = chartWorkerCount()) {
    this.#cacheDir = cacheDir;
    this.#manifestHash = manifestHash(input);
    this.#keys = readManifest(cacheDir, this.#manifestHash);
    if (this.#keys !== null) {
      this.#workers = [];
      return;
    }

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
    if (this.#keys !== null) return { rendered: 0, cached: this.#keys.size, drawMs: 0 };

    const mainThread = await drawCharts(views, noteMonths, this.#queue, this.#cacheDir);
    const mainDone = mainThread.keys.length > 0 ? performance.now() : this.#started;
    const results = await Promise.all(this.#workers.map((worker) => worker.result));

    const all: DrawnCharts[] = [mainThread, ...results];
    const keys = all.flatMap((drawn) => drawn.keys);
    writeManifest(this.#cacheDir, this.#manifestHash, keys);
    this.#keys = new Map(keys);
    const lastDone = Math.max(mainDone, ...this.#workers.map((worker) => worker.drawnAt));
    return {
      rendered: all.reduce((sum, drawn) => sum + drawn.rendered, 0),
      cached: all.reduce((sum, drawn) => sum + drawn.cached, 0),
      drawMs: Math.round(lastDone - this.#started),
    };
  }

  /**
   * Returns a page writer for Astro's pages, with one slot worker per core
   * but one, when every chart was in the cache before Astro started (the
   * manifest matched). Each page is then written with its charts while
   * Astro renders the next ones, on a core Astro leaves free. Returns null
   * otherwise, and the build calls `fillSlots` after Astro.
   */
  startPageWriter(workers = chartWorkerCount()): PageWriter | null {
    if (this.#keys === null || this.#workers.length > 0) return null;
    return new PageWriter(this.#slotWorkerData(), workers);
  }

  /**
   * Fills the chart slots of the HTML files `files` (absolute paths), after
   * `finish`, with one slot worker per core, each taking a share of the
   * files. This thread only waits: two slot workers filled 2,000 pages in
   * about 0.6 s, against 0.8 s when this thread, whose heap contains
   * Astro's work, took one share. With a single core this thread fills
   * every page itself. Returns how many pages had slots.
   */
  async fillSlots(files: readonly string[], threads = availableParallelism()): Promise<number> {
    const data = this.#slotWorkerData();
    if (threads <= 1) return fillSlotsInFiles(files, svgReader(data.svgFiles, data.cacheDir));

    const shares = Array.from({ length: threads }, (_, share) => files.filter((_file, index) => index % threads === share));
    const workers = shares.map(() => new SlotWorker(data));
    try {
      // Every thread finishes before this returns, because a failed build deletes the pages they write.
      const results = await Promise.allSettled(shares.map((share, index) => workers[index]!.fillFiles(share)));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      return results.reduce((sum, result) => sum + (result as PromiseFulfilledResult<number>).value, 0);
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #slotWorkerData(): SlotWorkerData {
    if (this.#keys === null) throw new Error('fillSlots was called before finish');
    return { svgFiles: new Map([...this.#keys].map(([id, key]) => [id, chartPath(key, this.#cacheDir)])), cacheDir: this.#cacheDir };
  }
}

/** A chart worker and the result it owes: the charts it drew, or why it failed. */
class ChartWorkerHandle {
  readonly #worker: Worker;

  /** Settles once, with the worker's first message, its error, or its exit. */
  readonly result: Promise<DrawnCharts>;

  /** When the worker reported its charts drawn, from `performance.now()`; 0 until then. */
  drawnAt = 0;

  constructor(data: ChartWorkerData) {
    this.#worker = new Worker(new URL('./chart-worker.ts', import.meta.url), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb(data.input.byteLength) },
    });
    this.result = new Promise((resolve, reject) => {
      this.#worker.on('message', (message: ChartWorkerMessage) => {
        if (message.type === 'failed') return reject(new Error(message.error));
        this.drawnAt = performance.now();
        resolve(message);
      });
      const retry = 'Run the build again, or build without charts with SCORECARD_CHARTS=off.';
      this.#worker.on('error', (error) => reject(new Error(`A chart worker failed: ${error.message}. ${retry}`)));
      this.#worker.on('exit', (code) => reject(new Error(`A chart worker stopped with exit code ${code} before it finished. ${retry}`)));
    });
    // The build awaits `result` only after Astro, so a failure before then must not count as unhandled.
    this.result.catch(() => undefined);
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}
