import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PageSink } from './chart-pages.ts';
import type { SlotReply, SlotRequest, SlotWorkerData } from './slot-worker.ts';

/**
 * The build's side of the slot workers (see `slot-worker.ts`): a handle
 * that sends one worker its requests, and a page writer that spreads
 * rendered pages over several workers.
 */

const RETRY = 'Run the build again, or build without charts with SCORECARD_CHARTS=off.';

/** A slot worker and its requests still waiting for a reply. */
export class SlotWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (value: number) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #closing = false;

  constructor(data: SlotWorkerData) {
    // A small heap makes the worker collect its page and SVG buffers often. With V8's default sizes, two slot workers
    // raised the peak memory of a 2,000-indicator build from about 1.39 GB to 1.41 to 1.49 GB.
    this.#worker = new Worker(new URL('./slot-worker.ts', import.meta.url), {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    });
    this.#worker.on('message', (reply: SlotReply) => {
      const request = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if ('error' in reply) request?.reject(new Error(reply.error));
      else request?.resolve(reply.value);
    });
    this.#worker.on('error', (error) => this.#rejectAll(new Error(`A chart slot worker failed: ${error.message}. ${RETRY}`)));
    this.#worker.on('exit', (code) => {
      if (!this.#closing) this.#rejectAll(new Error(`A chart slot worker stopped with exit code ${code} before it finished. ${RETRY}`));
    });
  }

  /** Requests still waiting for a reply. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /** Fills the chart slots of `files` in place. Resolves with how many had slots. */
  fillFiles(files: string[]): Promise<number> {
    return this.#send({ id: this.#nextId++, files });
  }

  /** Writes the UTF-8 page `html` to `file` with its slots filled, and resolves with its size in bytes. `html` is moved to the worker, so it is empty here afterwards. */
  writePage(file: string, html: ArrayBuffer): Promise<number> {
    return this.#send({ id: this.#nextId++, page: { file, html } }, [html]);
  }

  async terminate(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }

  #send(request: SlotRequest, transfer: ArrayBuffer[] = []): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(request.id, { resolve, reject });
      this.#worker.postMessage(request, transfer);
    });
  }

  #rejectAll(error: Error): void {
    for (const request of this.#waiting.values()) request.reject(error);
    this.#waiting.clear();
  }
}

/**
 * Writes rendered pages with their charts on slot workers, for the build's
 * custom prerenderer (see `chart-pages.ts`). Each page goes to the worker
 * with the fewest pages waiting.
 */
export class PageWriter implements PageSink {
  readonly #workers: SlotWorker[];
  /** Size in bytes of each page written, by file. */
  readonly #written = new Map<string, number>();

  constructor(data: SlotWorkerData, workers: number) {
    this.#workers = Array.from({ length: Math.max(1, workers) }, () => new SlotWorker(data));
  }

  async write(file: string, html: ArrayBuffer): Promise<void> {
    const worker = this.#workers.reduce((best, candidate) => (candidate.waiting < best.waiting ? candidate : best));
    this.#written.set(file, await worker.writePage(file, html));
  }

  /**
   * Checks that every page written still has the size it was written with,
   * and returns how many pages were written. A page that Astro writes no
   * file for is one whose response has no body. A later Astro could write an
   * empty file for that instead, over the page with its charts. This check
   * stops that build from publishing.
   */
  verify(): number {
    for (const [file, size] of this.#written) {
      const actual = statSync(file, { throwIfNoEntry: false })?.size;
      if (actual !== size) {
        throw new Error(
          `the page ${file} has ${actual ?? 'no'} bytes after Astro ran, not the ${size} bytes written with its charts, so Astro wrote over it. Install the Astro version in package-lock.json with "npm ci" and build again.`,
        );
      }
    }
    return this.#written.size;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
