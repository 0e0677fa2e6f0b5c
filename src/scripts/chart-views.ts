/**
 * Browser code: turns an indicator page's two chart sections (against the
 * target, and statistical process control) into one chart area with a
 * switch. Without JavaScript both sections show one after the other, and
 * in print both always show.
 */
export function enhanceChartViews(): void {
  for (const container of document.querySelectorAll<HTMLElement>('[data-chart-views]')) {
    const views = [...container.querySelectorAll<HTMLElement>('[data-chart-view]')];
    if (views.length < 2) continue;

    const toolbar = document.createElement('div');
    toolbar.className = 'chart-switch no-print';
    toolbar.setAttribute('role', 'group');
    toolbar.setAttribute('aria-label', 'Chart view');

    const buttons = views.map((view) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = view.dataset.chartViewLabel ?? view.dataset.chartView ?? '';
      button.addEventListener('click', () => show(view));
      toolbar.append(button);
      return button;
    });

    const show = (selected: HTMLElement) => {
      views.forEach((view, index) => {
        const active = view === selected;
        view.hidden = !active;
        buttons[index]!.setAttribute('aria-pressed', String(active));
      });
    };

    container.prepend(toolbar);
    show(views[0]!);
  }
}
