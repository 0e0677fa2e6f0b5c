/**
 * Browser code for the overview's filter form (OverviewFilters.astro).
 * Reveals the form, applies the query string's filters on load, applies
 * each change live, and keeps the address bar's query in step with the form
 * (`history.replaceState`), so the URL of a filtered view can be shared.
 *
 * A row is shown when it matches every chosen filter. Rows carry
 * `data-owner`, `data-rag` and `data-direction`; the section filter uses the
 * slug of the enclosing `[data-filter-group]`. A group with no row left is
 * hidden whole, heading included. The form's status paragraph
 * (`role="status"`) states how many indicators are shown.
 */

const FILTERS = ['section', 'owner', 'rag', 'direction'] as const;
type Filter = (typeof FILTERS)[number];
type Selection = Partial<Record<Filter, string>>;

export function enhanceOverviewFilters(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-overview-filters]');
  const status = form?.querySelector<HTMLElement>('[data-filter-status]');
  if (!form || !status) return;

  const groups = [...document.querySelectorAll<HTMLElement>('[data-filter-group]')];
  const total = groups.reduce((sum, group) => sum + rowsOf(group).length, 0);

  const apply = () => {
    const selection = readForm(form);
    const shown = applySelection(groups, selection);
    status.textContent = describe(shown, total, selection, form);
    history.replaceState(history.state, '', urlFor(selection));
  };

  readQuery(form, new URLSearchParams(location.search));
  form.hidden = false;
  apply();

  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.querySelector<HTMLAnchorElement>('[data-filter-clear]')?.addEventListener('click', (event) => {
    event.preventDefault();
    for (const select of form.querySelectorAll('select')) select.value = '';
    apply();
  });
}

function rowsOf(group: HTMLElement): HTMLTableRowElement[] {
  return [...group.querySelectorAll<HTMLTableRowElement>('tbody tr[data-rag]')];
}

/** Sets each select from the query; a value that is not one of its options leaves it at "All". */
function readQuery(form: HTMLFormElement, query: URLSearchParams): void {
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    const value = query.get(name) ?? '';
    select.value = [...select.options].some((option) => option.value === value) ? value : '';
  }
}

function readForm(form: HTMLFormElement): Selection {
  const selection: Selection = {};
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name);
    if (select instanceof HTMLSelectElement && select.value !== '') selection[name] = select.value;
  }
  return selection;
}

/** Shows matching rows, hides the rest and returns how many are shown. */
function applySelection(groups: HTMLElement[], selection: Selection): number {
  let shown = 0;
  for (const group of groups) {
    const inSection = selection.section === undefined || group.dataset.filterGroup === selection.section;
    let shownInGroup = 0;
    for (const row of rowsOf(group)) {
      const match = inSection
        && (selection.owner === undefined || row.dataset.owner === selection.owner)
        && (selection.rag === undefined || row.dataset.rag === selection.rag)
        && (selection.direction === undefined || row.dataset.direction === selection.direction);
      row.hidden = !match;
      if (match) shownInGroup++;
    }
    group.hidden = shownInGroup === 0;
    shown += shownInGroup;
  }
  return shown;
}

function urlFor(selection: Selection): string {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = selection[name];
    if (value !== undefined) query.set(name, value);
  }
  const search = query.toString();
  return `${location.pathname}${search === '' ? '' : `?${search}`}${location.hash}`;
}

/** Builds the status sentence, for example "Showing 3 of 35 indicators: Owner PS, RAG status Red." */
function describe(shown: number, total: number, selection: Selection, form: HTMLFormElement): string {
  const chosen = FILTERS.flatMap((name) => {
    if (selection[name] === undefined) return [];
    const select = form.elements.namedItem(name) as HTMLSelectElement;
    const label = form.querySelector(`label[for="${select.id}"]`)?.textContent?.replace(/\s*\(.*\)$/, '') ?? name;
    return [`${label} ${select.selectedOptions[0]?.textContent ?? ''}`];
  });
  const noun = total === 1 ? 'indicator' : 'indicators';
  if (chosen.length === 0) return `Showing all ${total} ${noun}.`;
  if (shown === 0) return `No indicators match: ${chosen.join(', ')}. Clear the filters to see all ${total}.`;
  return `Showing ${shown} of ${total} ${noun}: ${chosen.join(', ')}.`;
}
