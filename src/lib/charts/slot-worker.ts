import { parentPort, workerData } from 'node:worker_threads';
import { fillSlotsInFiles } from './chart-slots.ts';

/**
 * Worker thread that fills the chart slots of its share of the pages, so the
 * build fills pages on every core once Astro is done. It imports only
 * `chart-slots.ts`, so it is ready in about 60 ms.
 */

/** Data the build passes to each slot worker. */
export interface SlotWorkerData {
  files: string[];
  /** SVG file by chart id. */
  svgFiles: Map<string, string>;
  cacheDir: string;
}

export type SlotWorkerMessage = { type: 'filled'; filled: number } | { type: 'failed'; error: string };

const { files, svgFiles, cacheDir } = workerData as SlotWorkerData;
let message: SlotWorkerMessage;
try {
  message = { type: 'filled', filled: fillSlotsInFiles(files, svgFiles, cacheDir) };
} catch (error) {
  message = { type: 'failed', error: (error as Error).message };
}
parentPort!.postMessage(message);
