/** Colours and shared settings of every chart, chosen for 3:1 contrast against white. */
export const CHART_COLOURS = {
  line: '#1d3f6e',
  target: '#5a2d82',
  green: '#00703c',
  amber: '#b35c00',
  red: '#c2261f',
  grid: '#d9d9d9',
  text: '#0b0c0c',
};

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;

/**
 * Padding around the plot that fits the axis labels, worked out again on
 * every run. The build draws every chart of a kind with one reused view, and
 * Vega's default works the padding out on the first run only.
 */
export const AUTOSIZE = { type: 'pad', resize: true } as const;

export const BASE_CONFIG = {
  font: 'Arial, Helvetica, sans-serif',
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: CHART_COLOURS.text, titleColor: CHART_COLOURS.text, gridColor: CHART_COLOURS.grid },
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: CHART_COLOURS.text, titleColor: CHART_COLOURS.text, orient: 'bottom' },
  mark: { invalid: 'break-paths-show-path-domains' },
  view: { stroke: null },
};

/**
 * The x axis shared by every chart: months at the first day in UTC,
 * labelled like `Apr 2018` in UTC, so no time zone moves a point or label.
 * About eight ticks and no vertical grid lines, whatever the length of the
 * series: ticks are the largest share of Vega's work for a long series.
 */
export const MONTH_AXIS = {
  type: 'temporal',
  // 6 px of padding at each end, so the first month's point stays clear of the y axis line.
  scale: { type: 'utc', padding: 6 },
  axis: { title: null, format: '%b %Y', labelAngle: 0, tickCount: 8, labelOverlap: true, grid: false },
};

/** Converts `YYYY-MM` to the ISO instant of the month's first day in UTC, as the charts' x field. */
export function monthToDate(month: string): string {
  return `${month}-01T00:00:00Z`;
}
