/**
 * A chart to render: which template (chart kind), the rows of each named
 * dataset and the values of the template's parameters. Every indicator's
 * chart of one kind shares a template, so Vega parses each kind once and
 * only the data and parameters change from chart to chart.
 */
export type ChartKind = 'history' | 'spc';

export interface ChartJob {
  kind: ChartKind;
  /** Rows for each named dataset of the template; every dataset must be present, empty when unused. */
  datasets: Record<string, object[]>;
  /** Values of the template's parameters (y domain, number format, …). */
  params: Record<string, unknown>;
  /** Accessible name of the chart. */
  title: string;
  /** One-sentence summary of what the chart shows, read by screen readers. */
  description: string;
  /** Prefix for element ids inside the SVG, unique on the page. */
  id: string;
}
