import { parse, View, type Runtime } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartJob, ChartKind } from './chart-job.ts';
import { HISTORY_TEMPLATE } from './history-chart.ts';
import { labelSvg } from './label-svg.ts';
import { SPC_TEMPLATE } from './spc-chart.ts';

/** The Vega-Lite template of each chart kind. */
export const CHART_TEMPLATES: Record<ChartKind, TopLevelSpec> = { history: HISTORY_TEMPLATE, spc: SPC_TEMPLATE };

/**
 * Renders chart jobs to SVG strings with no browser and no network. Each
 * chart kind's template is compiled and parsed by Vega once, the first time
 * it is needed; every chart then gets a new view of that parsed runtime, fed
 * its own datasets and parameters.
 */
export class ChartRenderer {
  readonly #runtimes = new Map<ChartKind, Runtime>();

  async render(job: ChartJob): Promise<string> {
    const view = new View(this.#runtime(job.kind), { renderer: 'none' });
    try {
      for (const [name, rows] of Object.entries(job.datasets)) view.data(name, rows);
      for (const [name, value] of Object.entries(job.params)) view.signal(name, value);
      return labelSvg(await view.toSVG(), job.id, job.title, job.description);
    } finally {
      view.finalize();
    }
  }

  #runtime(kind: ChartKind): Runtime {
    let runtime = this.#runtimes.get(kind);
    if (!runtime) {
      runtime = parse(compile(CHART_TEMPLATES[kind]).spec);
      this.#runtimes.set(kind, runtime);
    }
    return runtime;
  }
}

/**
 * Builds the whole Vega-Lite spec of a job, with its data inline, for vega-embed to
 * draw the interactive chart in the browser.
 */
export function buildEmbeddableSpec(job: ChartJob): TopLevelSpec {
  const template = CHART_TEMPLATES[job.kind] as TopLevelSpec & { params: { name: string; value: unknown }[] };
  return {
    ...template,
    description: job.title,
    datasets: job.datasets,
    params: template.params.map((param) => ({ ...param, value: job.params[param.name] ?? param.value })),
  } as TopLevelSpec;
}
