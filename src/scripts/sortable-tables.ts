/**
 * Browser code: makes every `table[data-sortable]` sortable by column.
 * Each column header's text is wrapped in a button, so a mouse click, Enter
 * or Space sorts the table by that column. The header's `aria-sort` exposes
 * the current order to assistive technology. Without JavaScript the table keeps
 * its published order and plain headers.
 *
 * A cell's `data-sort` attribute, when present, is its sort key; otherwise
 * the cell's text is. Keys that are numbers compare as numbers, others with
 * a natural, case-insensitive order ("W 2" before "W 10"). Empty keys sort
 * last in both directions. A header with `data-sort-disabled` gets no button.
 */

type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

export function enhanceSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    if (table.dataset.sortableReady === 'true') continue;
    const headerRow = table.tHead?.rows[0];
    const body = table.tBodies[0];
    if (!headerRow || !body) continue;

    // Remember the published order, which breaks ties between equal keys.
    [...body.rows].forEach((row, index) => (row.dataset.publishedIndex = String(index)));

    [...headerRow.cells].forEach((header, column) => {
      if (header.hasAttribute('data-sort-disabled')) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...header.childNodes);
      const icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      header.append(button);

      button.addEventListener('click', () => {
        const next: SortDirection = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortTable(table, column, next);
      });
    });
    table.dataset.sortableReady = 'true';
  }
}

/** Sorts the first body of `table` by one column and marks that column's header. */
export function sortTable(table: HTMLTableElement, column: number, direction: SortDirection): void {
  const body = table.tBodies[0];
  const headers = table.tHead?.rows[0]?.cells;
  if (!body || !headers) return;

  const rows = [...body.rows].map((row) => ({ row, key: sortKey(row.cells[column]), index: Number(row.dataset.publishedIndex ?? 0) }));
  const sign = direction === 'ascending' ? 1 : -1;
  rows.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    const order = compareKeys(a.key, b.key);
    return order === 0 ? a.index - b.index : sign * order;
  });
  body.append(...rows.map(({ row }) => row));

  for (const [index, header] of [...headers].entries()) {
    if (index === column) header.setAttribute('aria-sort', direction);
    else header.removeAttribute('aria-sort');
  }
}

function sortKey(cell: HTMLTableCellElement | undefined): string | null {
  if (!cell) return null;
  const key = (cell.dataset.sort ?? cell.textContent ?? '').trim();
  return key === '' ? null : key;
}

function compareKeys(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return collator.compare(a, b);
}
