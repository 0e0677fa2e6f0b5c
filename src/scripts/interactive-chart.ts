/**
 * Browser code: reveals each chart's "interactive" button and, when a reader
 * presses it, loads vega-embed (a separate bundle) and the chart's spec, both
 * fetched only then from the site itself, and replaces the static SVG with
 * the interactive chart.
 * It works under a Content-Security-Policy without 'unsafe-eval' or
 * 'unsafe-inline'.
 */
export function enhanceCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-chart]')) {
    const controls = figure.querySelector<HTMLElement>('.chart-controls');
    const button = figure.querySelector<HTMLButtonElement>('[data-chart-interactive]');
    const specUrl = button?.dataset.chartSpec;
    const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
    if (!controls || !button || !specUrl || !canvas) continue;

    controls.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Loading the interactive chart…';
      try {
        const [{ default: embed }, response] = await Promise.all([import('vega-embed'), fetch(specUrl)]);
        if (!response.ok) throw new Error(`chart spec ${specUrl}: HTTP ${response.status}`);
        const spec = await response.json();
        const holder = document.createElement('div');
        // A strict Content-Security-Policy forbids eval and inline styles, so expressions run in
        // vega's interpreter (`ast`) and the embed and tooltip styles come from site.css.
        await embed(holder, spec, { actions: false, renderer: 'svg', ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } });
        const svg = canvas.querySelector('svg');
        const label = svg?.getAttribute('aria-labelledby');
        const inner = holder.querySelector('svg');
        if (inner && label) {
          inner.setAttribute('role', 'img');
          inner.setAttribute('aria-labelledby', label);
          // As in the static chart, the marks are hidden from assistive technology: the values table is the text alternative.
          for (const group of inner.querySelectorAll(':scope > g')) group.setAttribute('aria-hidden', 'true');
        }
        const title = svg?.querySelector('title');
        const desc = svg?.querySelector('desc');
        canvas.replaceChildren(holder);
        if (inner && title && desc) inner.prepend(title, desc);
        controls.hidden = true;
        // The button is gone, so focus moves to the chart, whose name a screen reader then reads out.
        canvas.tabIndex = -1;
        canvas.focus();
      } catch (error) {
        button.disabled = false;
        button.textContent = 'The interactive chart could not load. Try again';
        console.error(error);
      }
    });
  }
}
