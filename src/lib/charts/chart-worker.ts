import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Scorecard } from '../data/load-scorecard.ts';
import type { Month } from '../data/types.ts';
import type { Finding } from '../findings.ts';
import { buildEdition, type IndicatorView } from '../site/build-edition.ts';
import { drawCharts, IndicatorQueue, type DrawnCharts } from './draw-charts.ts';

/**
 * Worker thread of the chart phase. It builds the edition from the scorecard
 * it is given, then draws the charts of the indicators it claims from the
 * shared queue, skipping those in the cache.
 */

/** Data the build passes to each worker. */
export interface ChartWorkerData {
  /** `ChartInput`, serialised once with `v8.serialize` so every worker gets a copy of the bytes. */
  input: Uint8Array;
  /** The `IndicatorQueue` shared by every thread of the chart phase. */
  queue: SharedArrayBuffer;
  cacheDir: string;
}

/** The scorecard the pages are built from, with what the chart jobs need besides it. */
export interface ChartInput {
  scorecard: Scorecard;
  findings: Finding[];
  /** The edition month, so the worker's edition is the pages' edition. */
  month: Month;
  /** Months of each indicator's notes, oldest first, by indicator code. */
  noteMonths: Map<string, Month[]>;
}

export type ChartWorkerMessage =
  | ({ type: 'drawn' } & DrawnCharts)
  | { type: 'failed'; error: string };

const { input, queue, cacheDir } = workerData as ChartWorkerData;
const port = parentPort!;

draw().then(
  (message) => port.postMessage(message),
  (error: Error) => port.postMessage({ type: 'failed', error: error.message } satisfies ChartWorkerMessage),
);

async function draw(): Promise<ChartWorkerMessage> {
  const { views, noteMonths } = readInput();
  return { type: 'drawn', ...(await drawCharts(views, noteMonths, new IndicatorQueue(queue), cacheDir)) };
}

/** Builds the indicator views from the input. The scorecard is not kept, which keeps the worker's heap small. */
function readInput(): { views: IndicatorView[]; noteMonths: Map<string, Month[]> } {
  const { scorecard, findings, month, noteMonths } = deserialize(input) as ChartInput;
  return { views: buildEdition(scorecard, findings, month).indicators, noteMonths };
}
