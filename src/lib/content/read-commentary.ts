import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileSync } from '@mdx-js/mdx';
import { parseDocument } from 'yaml';
import type { Finding } from '../findings.ts';
import { isMonth } from '../data/month.ts';
import type { Scorecard } from '../data/load-scorecard.ts';
import { groupByCode } from '../data/group-by-code.ts';
import { evaluateRag } from '../rag/evaluate-rag.ts';
import { slugify } from '../text/slug.ts';

/**
 * Checks the commentary in `content/` against the data, before Astro reads
 * it: a note must name a known indicator and a month the indicator has a row
 * for, and a section file must name a known section. Front matter is YAML.
 *
 * - `content/sections/*.mdx`: `section` (its title), optional `month`.
 * - `content/notes/**.mdx`: `indicator` (its code) and `month` (`YYYY-MM`).
 */

export interface CommentaryFile {
  /** Path relative to the project root. */
  file: string;
  /** The whole file's text, for checking the live-figure components it uses. */
  text: string;
  kind: 'section' | 'note';
  frontMatter: Record<string, unknown>;
  /** 1-based line of each front matter key, for findings. */
  lines: Record<string, number>;
}

export function readCommentary(root: string, findings: Finding[]): CommentaryFile[] {
  const files: CommentaryFile[] = [];
  for (const [folder, kind] of [['content/sections', 'section'], ['content/notes', 'note']] as const) {
    const base = join(root, folder);
    if (!existsSync(base)) continue;
    for (const path of listMdx(base)) {
      const file = relative(root, path).split('\\').join('/');
      const text = readFileSync(path, 'utf8');
      const parsed = readFrontMatter(text, file, findings);
      if (parsed) files.push({ file, kind, text, ...parsed });
    }
  }
  return files;
}

/** Checks each commentary file's front matter against the scorecard. */
export function checkCommentary(files: readonly CommentaryFile[], scorecard: Scorecard, findings: Finding[]): void {
  const codes = new Set(scorecard.indicators.map((indicator) => indicator.code));
  const sections = new Set(scorecard.sections.map((section) => section.title));
  const monthsByCode = new Map<string, Set<string>>();
  for (const observation of scorecard.observations) {
    const months = monthsByCode.get(observation.code) ?? new Set<string>();
    months.add(observation.month);
    monthsByCode.set(observation.code, months);
  }
  const allMonths = new Set(scorecard.observations.map((observation) => observation.month));

  for (const entry of files) {
    if (checkMdxSyntax(entry, findings)) checkComponentCodes(entry, codes, findings);
  }

  for (const entry of files) {
    const error = (key: string, code: string | null, kind: string, message: string) =>
      findings.push({ file: entry.file, line: entry.lines[key] ?? 1, column: 1, severity: 'error', code, kind, message });

    const month = entry.frontMatter.month;
    const monthText = month === undefined ? null : String(month);
    if (monthText !== null && !isMonth(monthText)) {
      // YAML reads an unquoted 201807 or 2018.07 as a number, and quotes help only a month that is not text.
      const quote = typeof month === 'string' ? '' : ' Quote it in the YAML, as month: "2018-07", so it stays text.';
      error('month', null, 'month-invalid', `Front matter month "${monthText}" is not a month in the form YYYY-MM, such as 2018-07.${quote}`);
      continue;
    }

    if (entry.kind === 'section') {
      const section = entry.frontMatter.section;
      if (typeof section !== 'string' || !sections.has(section)) {
        error('section', null, 'unknown-section', `Front matter section "${String(section ?? '')}" is not a section in data/indicators.csv. Use one of: ${[...sections].join(', ')}.`);
      } else if (monthText !== null && !allMonths.has(monthText)) {
        error('month', null, 'unknown-month', `Front matter month ${monthText} has no data in data/values.csv. Date the commentary with a month the data covers.`);
      }
      continue;
    }

    const code = entry.frontMatter.indicator;
    if (typeof code !== 'string' || !codes.has(code)) {
      error('indicator', typeof code === 'string' ? code : null, 'unknown-indicator', `Front matter indicator "${String(code ?? '')}" is not in data/indicators.csv. Check the code column for the exact spelling, such as "W 1".`);
      continue;
    }
    if (monthText === null) {
      error('indicator', code, 'month-missing', 'The note has no month. Add `month: "YYYY-MM"` to its front matter.');
    } else if (!monthsByCode.get(code)?.has(monthText)) {
      error('month', code, 'unknown-month', `Front matter month ${monthText} has no row for "${code}" in data/values.csv. Date the note with a month the indicator has data for.`);
    }
  }
}

function readFrontMatter(text: string, file: string, findings: Finding[]): Pick<CommentaryFile, 'frontMatter' | 'lines'> | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    findings.push({ file, line: 1, column: 1, severity: 'error', code: null, kind: 'front-matter-missing', message: 'The file has no front matter. Start it with a --- block that names the section, or the indicator and month.' });
    return null;
  }

  const document = parseDocument(match[1]!, { prettyErrors: false });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    // With prettyErrors off, yaml sets no linePos, so the location comes from the error's offset
    // into the front matter, which starts on the file's second line.
    const before = match[1]!.slice(0, first.pos[0]);
    const line = before.split('\n').length + 1;
    const column = first.pos[0] - before.lastIndexOf('\n');
    findings.push({ file, line, column, severity: 'error', code: null, kind: 'front-matter-invalid', message: `The front matter is not valid YAML: ${first.message.split('\n')[0]}` });
    return null;
  }

  const frontMatter = (document.toJS() ?? {}) as Record<string, unknown>;
  const lines: Record<string, number> = {};
  match[1]!.split(/\r?\n/).forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
    if (key && lines[key] === undefined) lines[key] = index + 2;
  });
  return { frontMatter, lines };
}

function listMdx(folder: string): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) paths.push(...listMdx(path));
    else if (entry.name.endsWith('.mdx') || entry.name.endsWith('.md')) paths.push(path);
  }
  return paths;
}

/** Components commentary may use without importing them; the site passes exactly these to MDX. */
const COMMENTARY_COMPONENTS = new Set(['Figure', 'Latest', 'Rag']);

/**
 * Compiles the file with the reference MDX compiler and reports the first
 * syntax error (an unclosed tag, a stray brace) at its line and column. It
 * also reports every component other than the live-figure ones. Without
 * this, both would surface only when the build renders the page.
 * Returns true when the file compiles.
 */
function checkMdxSyntax(entry: CommentaryFile, findings: Finding[]): boolean {
  // Blank out the front matter, keeping its lines, so positions match the file.
  const body = entry.text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/, (frontMatter) => frontMatter.replace(/[^\n]/g, ''));

  try {
    compileSync(body);
  } catch (error) {
    const place = (error as { line?: number; column?: number }) ?? {};
    const reason = ((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0];
    findings.push({ file: entry.file, line: place.line ?? 1, column: place.column ?? 1, severity: 'error', code: null, kind: 'mdx-invalid', message: `The commentary is not valid MDX: ${reason}. Close every tag, as in <Figure code="W 1" />, and write a literal { or < as \\{ or &lt;.` });
    return false;
  }

  const withoutCode = body.replace(/```[\s\S]*?```|`[^`\n]*`/g, (code) => code.replace(/[^\n]/g, ' '));
  for (const match of withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
    if (COMMENTARY_COMPONENTS.has(match[1]!)) continue;
    const before = withoutCode.slice(0, match.index);
    findings.push({
      file: entry.file,
      line: before.split('\n').length,
      column: match.index - before.lastIndexOf('\n'),
      severity: 'error',
      code: null,
      kind: 'unknown-component',
      message: `<${match[1]}> is not a component commentary can use. Use <Figure code="…" />, <Latest code="…" /> or <Rag code="…" />.`,
    });
  }
  return true;
}

const LIVE_COMPONENT = /<(Figure|Latest|Rag)\b[^>]*?\bcode=(?:"([^"]*)"|'([^']*)')/g;

/** Reports a live-figure component (`<Figure code="W 1" />`) that names an unknown indicator, at its line and column. */
function checkComponentCodes(entry: CommentaryFile, codes: ReadonlySet<string>, findings: Finding[]): void {
  for (const match of entry.text.matchAll(LIVE_COMPONENT)) {
    const code = match[2] ?? match[3] ?? '';
    if (codes.has(code)) continue;
    const before = entry.text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    findings.push({ file: entry.file, line, column, severity: 'error', code, kind: 'unknown-indicator', message: `<${match[1]} code="${code}" /> names an indicator that is not in data/indicators.csv. Use a code from its code column, such as "W 1".` });
  }
}

/**
 * Warns when an indicator rated Red or Amber in the edition month has no
 * note for that month, because readers of a red or amber rating expect an
 * explanation from its owner.
 */
export function checkNotesForRatings(files: readonly CommentaryFile[], scorecard: Scorecard, findings: Finding[]): void {
  const noted = new Set(files.filter((entry) => entry.kind === 'note').map((entry) => `${String(entry.frontMatter.indicator)}\u0000${String(entry.frontMatter.month)}`));

  const observationsByCode = groupByCode(scorecard.observations);
  for (const indicator of scorecard.indicators) {
    const rating = evaluateRag(indicator, observationsByCode.get(indicator.code) ?? [], scorecard.targets, scorecard.edition);
    if (rating.status !== 'red' && rating.status !== 'amber') continue;
    if (noted.has(`${indicator.code}\u0000${scorecard.edition}`)) continue;
    findings.push({
      file: 'content/notes',
      line: null,
      column: null,
      severity: 'warning',
      code: indicator.code,
      kind: 'note-missing',
      message: `"${indicator.code}" is rated ${rating.status === 'red' ? 'Red' : 'Amber'} for ${scorecard.edition} but has no note for that month. Add content/notes/${slugify(indicator.code)}-${scorecard.edition}.mdx with indicator "${indicator.code}" and month "${scorecard.edition}".`,
    });
  }
}

/** Months of each indicator's notes up to the edition month, oldest first, as the chart markers number them. */
export function listNoteMonths(files: readonly CommentaryFile[], edition: string): Map<string, string[]> {
  const months = new Map<string, string[]>();
  for (const entry of files) {
    if (entry.kind !== 'note') continue;
    const code = String(entry.frontMatter.indicator);
    const month = String(entry.frontMatter.month);
    if (month > edition) continue;
    months.set(code, [...(months.get(code) ?? []), month]);
  }
  for (const list of months.values()) list.sort();
  return months;
}
