import { parentPort, workerData } from 'node:worker_threads';
import { fillSlotsInFiles, svgReader, writeFilledPage } from './chart-slots.ts';

/**
 * Worker thread that fills chart slots, so the build fills pages on a core
 * that Astro leaves free. It takes two kinds of request: a list of files
 * that Astro has already written, or one rendered page to write with its
 * charts. It imports only `chart-slots.ts`, so it is ready in about 60 ms.
 */

/** Data the build passes to each slot worker. */
export interface SlotWorkerData {
  /** SVG file by chart id. */
  svgFiles: Map<string, string>;
  cacheDir: string;
}

/**
 * A request to the worker, which sends a reply with the same id. `files`
 * requests that it fill those files in place. `page` requests that it write
 * the UTF-8 page `html` to `file` with its slots filled.
 */
export type SlotRequest = { id: number; files: string[] } | { id: number; page: { file: string; html: ArrayBuffer } };

/** The reply to a request: how many files had slots, or how many bytes the page has, or the error message. */
export type SlotReply = { id: number; value: number } | { id: number; error: string };

const { svgFiles, cacheDir } = workerData as SlotWorkerData;
const svgFor = svgReader(svgFiles, cacheDir);

parentPort!.on('message', (request: SlotRequest) => {
  let reply: SlotReply;
  try {
    const value = 'files' in request ? fillSlotsInFiles(request.files, svgFor) : writeFilledPage(request.page.file, Buffer.from(request.page.html), svgFor);
    reply = { id: request.id, value };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
