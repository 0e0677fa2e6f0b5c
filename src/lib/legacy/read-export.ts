/**
 * Reads the council's spreadsheet export (tab-separated, as Excel saves it)
 * into indicator rows, each with its section and its source line, plus the
 * lines that are not indicator rows. It judges nothing: conversion and the
 * import report happen in `convert-export.ts`.
 *
 * The export is laid out in blocks: a section title (`WORKFORCE`, sometimes
 * wrapped in `**`), a header row starting `Indicator Number`, then one row
 * per indicator. Blank lines, lines of spaces, notes and stray cells sit
 * between the blocks.
 */

/** One indicator row, with every cell keyed by its column header. */
export interface ExportRow {
  /** 1-based line in the export. */
  line: number;
  section: string;
  cells: Map<string, ExportCell>;
}

export interface ExportCell {
  text: string;
  /** 1-based column in the export. */
  column: number;
}

/** A line that is neither a section title, a header nor an indicator row. */
export interface LooseLine {
  line: number;
  text: string;
  kind: 'note' | 'stray-cell';
}

export interface ExportTable {
  /** Month headers in file order, as written (`Apr-17`). */
  monthHeaders: string[];
  /** The target column's header (`2018-19 Target`), or null when the export has none. */
  targetHeader: string | null;
  rows: ExportRow[];
  looseLines: LooseLine[];
  /** Sections in order of first appearance, as written in the export. */
  sections: string[];
}

const HEADER_FIRST_CELL = 'indicator number';
const MONTH_HEADER = /^[A-Z][a-z]{2}-\d{2}$/;
const TARGET_HEADER = /^\d{4}-\d{2} Target$/i;
const NOTE_START = /^(note\b|n\.?\s?b\b)/i;

/** Splits the export's text into rows. Accepts a byte-order mark and CRLF line ends. */
export function readExport(text: string): ExportTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const table: ExportTable = { monthHeaders: [], targetHeader: null, rows: [], looseLines: [], sections: [] };

  let header: string[] | null = null;
  let section = '';

  lines.forEach((raw, index) => {
    const line = index + 1;
    const cells = raw.split('\t');
    const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
    if (filled.length === 0) return;

    const first = cells[0]!.trim();

    if (first.toLowerCase() === HEADER_FIRST_CELL) {
      header = cells.map((cell) => cell.trim());
      rememberHeader(table, header);
      return;
    }

    if (filled.length === 1 && isSectionTitle(filled[0]!)) {
      section = stripEmphasis(filled[0]!);
      if (!table.sections.includes(section)) table.sections.push(section);
      header = null;
      return;
    }

    // One cell that is not a section title is a note when it reads as prose, otherwise a stray value.
    if (filled.length === 1) {
      const kind = NOTE_START.test(stripEmphasis(filled[0]!)) || /\s/.test(filled[0]!) ? 'note' : 'stray-cell';
      table.looseLines.push({ line, text: filled[0]!, kind });
      return;
    }

    if (header === null || first === '' || (cells[1] ?? '').trim() === '') {
      table.looseLines.push({ line, text: filled.join(' '), kind: 'stray-cell' });
      return;
    }

    const keyed = new Map<string, ExportCell>();
    header.forEach((name, column) => {
      if (name !== '') keyed.set(name, { text: cells[column]?.trim() ?? '', column: column + 1 });
    });
    table.rows.push({ line, section, cells: keyed });
  });

  return table;
}

function rememberHeader(table: ExportTable, header: string[]): void {
  for (const name of header) {
    if (MONTH_HEADER.test(name) && !table.monthHeaders.includes(name)) table.monthHeaders.push(name);
    if (TARGET_HEADER.test(name)) table.targetHeader = name;
  }
}

/** Returns true for a section title: one cell of capitals and spaces, with or without `**` emphasis. */
function isSectionTitle(cell: string): boolean {
  const text = stripEmphasis(cell);
  return /^[A-Z][A-Z &,'-]+$/.test(text) && /[A-Z]{3}/.test(text);
}

function stripEmphasis(text: string): string {
  return text.replace(/^\*+|\*+$/g, '').trim();
}
