/**
 * Browser code: reveals each chart's "interactive" button and, when a reader
 * presses it, loads vega-embed (a separate bundle, fetched only then from the
 * site itself) and replaces the static SVG with the interactive chart.
 */
export function enhanceCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-chart]')) {
    const controls = figure.querySelector<HTMLElement>('.chart-controls');
    const button = figure.querySelector<HTMLButtonElement>('[data-chart-interactive]');
    const specScript = figure.querySelector<HTMLScriptElement>('[data-chart-spec]');
    const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
    if (!controls || !button || !specScript || !canvas) continue;

    controls.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Loading the interactive chart…';
      try {
        const { default: embed } = await import('vega-embed');
        const spec = JSON.parse(specScript.textContent ?? '{}');
        const holder = document.createElement('div');
        await embed(holder, spec, { actions: false, renderer: 'svg', tooltip: true });
        const svg = canvas.querySelector('svg');
        const label = svg?.getAttribute('aria-labelledby');
        const inner = holder.querySelector('svg');
        if (inner && label) {
          inner.setAttribute('role', 'img');
          inner.setAttribute('aria-labelledby', label);
        }
        const title = svg?.querySelector('title');
        const desc = svg?.querySelector('desc');
        canvas.replaceChildren(holder);
        if (inner && title && desc) inner.prepend(title, desc);
        controls.hidden = true;
      } catch (error) {
        button.disabled = false;
        button.textContent = 'The interactive chart could not load. Try again';
        console.error(error);
      }
    });
  }
}
