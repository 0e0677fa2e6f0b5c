import { parse, View, type Spec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartJob, ChartKind } from './chart-job.ts';
import { HISTORY_POINTS, HISTORY_TEMPLATE } from './history-chart.ts';
import { labelSvg } from './label-svg.ts';
import { boundingRows, drawLine, drawPoints, fillMarkGroup, lineBoundingRows, setLinePath, type PixelScale, type PointLayer, type PointRow, type SeriesRow } from './direct-marks.ts';
import { SPC_POINTS, SPC_TEMPLATE } from './spc-chart.ts';

/** The Vega-Lite template of each chart kind. */
export const CHART_TEMPLATES: Record<ChartKind, TopLevelSpec> = { history: HISTORY_TEMPLATE, spc: SPC_TEMPLATE };

/**
 * The layers of each chart kind that the renderer draws itself (see
 * `direct-marks.ts`): the monthly line, whose layer and dataset are both
 * named `series`, and the points.
 */
const DIRECT_MARKS: Record<ChartKind, { line: string; points: PointLayer }> = {
  history: { line: 'series', points: HISTORY_POINTS },
  spc: { line: 'series', points: SPC_POINTS },
};

interface ChartView {
  view: View;
  /** The template's named datasets, which the job fills. */
  datasets: string[];
  /** The template's parameters with their default values. */
  params: { name: string; value: unknown }[];
}

/**
 * Renders chart jobs to SVG strings with no browser and no network. Each
 * chart kind's template is compiled and parsed once, into one Vega view that
 * every chart of that kind reuses: a chart costs a dataflow run and the SVG
 * output, not a new view.
 *
 * A reused view must draw exactly what a new view would. So each job sets
 * every dataset and parameter of the template, with the template's default
 * where the job has none. The layout is worked out again on every run, and
 * axis items are put back in tick order before the SVG is written.
 *
 * Vega gets only the outermost months of the line and the points, which
 * give the same scales and layout as every month. The renderer then draws
 * the whole line and every point into the SVG from the view's scales, at a
 * fraction of Vega's cost per month.
 */
export class ChartRenderer {
  readonly #views = new Map<ChartKind, ChartView>();

  async render(job: ChartJob): Promise<string> {
    const chart = this.#view(job.kind);
    const { line, points } = DIRECT_MARKS[job.kind];
    const lineRows = (job.datasets[line] ?? []) as SeriesRow[];
    const pointRows = (job.datasets[points.name] ?? []) as PointRow[];
    const vegaRows = (name: string): object[] => {
      if (name === line) return lineBoundingRows(lineRows);
      if (name === points.name) return boundingRows(pointRows, points);
      return job.datasets[name] ?? [];
    };

    try {
      for (const name of chart.datasets) chart.view.data(name, vegaRows(name));
      for (const param of chart.params) chart.view.signal(param.name, Object.hasOwn(job.params, param.name) ? job.params[param.name] : param.value);
      await chart.view.runAsync();
      // Vega's types omit the scenegraph's root, which its renderers draw from.
      orderAxisItems((chart.view.scenegraph() as unknown as { root: SceneNode }).root);
      const svg = labelSvg(await chart.view.toSVG(), job.id, job.title, job.description);

      const x = chart.view.scale('x') as PixelScale;
      const y = chart.view.scale('y') as PixelScale;
      const withLine = setLinePath(svg, `${line}_marks`, drawLine(lineRows, x, y));
      return fillMarkGroup(withLine, `${points.name}_marks`, drawPoints(pointRows, x, y, points));
    } catch (error) {
      // A failed run can leave the view half updated, so the next chart of this kind starts from a new view.
      this.#views.delete(job.kind);
      chart.view.finalize();
      throw error;
    }
  }

  /** Releases the views. */
  close(): void {
    for (const chart of this.#views.values()) chart.view.finalize();
    this.#views.clear();
  }

  #view(kind: ChartKind): ChartView {
    let chart = this.#views.get(kind);
    if (!chart) {
      const spec = compile(CHART_TEMPLATES[kind]).spec as Spec;
      chart = {
        view: new View(parse(spec), { renderer: 'none' }),
        // Named datasets are the ones the template leaves empty for the job: no values, URL or source.
        datasets: (spec.data ?? []).filter((data) => !('source' in data) && !('values' in data) && !('url' in data)).map((data) => data.name),
        params: (CHART_TEMPLATES[kind] as { params?: { name: string; value?: unknown }[] }).params?.map(({ name, value }) => ({ name, value: value ?? null })) ?? [],
      };
      this.#views.set(kind, chart);
    }
    return chart;
  }
}

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
  datum?: { tickIndex?: number };
}

/**
 * Sorts each axis mark's items by tick index, the order a new view writes.
 * A reused view keeps a tick that the previous chart also had in its old
 * place and appends the new ones, so its SVG would list them in another order.
 */
function orderAxisItems(node: SceneNode): void {
  for (const child of node.items ?? []) {
    const items = child.items ?? [];
    if (child.role?.startsWith('axis-') && items.every((item) => typeof item.datum?.tickIndex === 'number')) {
      items.sort((a, b) => a.datum!.tickIndex! - b.datum!.tickIndex!);
    }
    orderAxisItems(child);
  }
}

/**
 * Builds the whole Vega-Lite spec of a job, with its data inline, for vega-embed to
 * draw the interactive chart in the browser. Layers whose dataset is empty are
 * left out: they draw nothing, and Vega warns about the empty extent of their
 * fields in the reader's console.
 */
export function buildEmbeddableSpec(job: ChartJob): TopLevelSpec {
  const template = CHART_TEMPLATES[job.kind] as TopLevelSpec & { params: { name: string; value: unknown }[]; layer: { data?: { name: string } }[] };
  const hasRows = (name: string) => (job.datasets[name]?.length ?? 0) > 0;
  const layer = template.layer.filter((part) => part.data === undefined || hasRows(part.data.name));
  return {
    ...template,
    description: job.title,
    datasets: Object.fromEntries(Object.entries(job.datasets).filter(([name]) => hasRows(name))),
    params: template.params.map((param) => ({ ...param, value: job.params[param.name] ?? param.value })),
    layer,
  } as TopLevelSpec;
}
