import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertExport } from '../../../src/lib/legacy/convert-export.ts';

const EXPORT_FILE = 'scorecard-export-2018-07.tsv';
const EXPORT_TEXT = readFileSync(fileURLToPath(new URL(`../../fixtures/${EXPORT_FILE}`, import.meta.url)), 'utf8');

const HEADER = ['Indicator Number', 'Indicator Title', 'Polarity', 'Apr-18', 'May-18', 'Jun-18', '2018-19 Target', 'Target Owner', 'RAG', 'RAG Methodology'].join('\t');

/** Builds a one-section export from indicator rows written as arrays of cells. */
function exportOf(...rows: string[][]): string {
  return ['WORKFORCE', HEADER, ...rows.map((cells) => cells.join('\t'))].join('\n');
}

describe('convertExport on real export', () => {
  const converted = convertExport(EXPORT_TEXT, EXPORT_FILE);
  const { findings } = converted;
  const findingsOf = (kind: string, code?: string) => findings.filter((finding) => finding.kind === kind && (code === undefined || finding.code === code));

  it('converts 35 indicators in 8 sections', () => {
    expect(converted.indicators).toHaveLength(35);
    expect(new Set(converted.indicators.map((indicator) => indicator.section))).toEqual(
      new Set(['Workforce', 'Front door', 'Assessment', 'Children in need of help and protection', 'Looked after children', 'Fostering and adoption', 'Care leavers', 'Quality assurance']),
    );
  });

  it('runs to July 2018', () => {
    expect(converted.lastMonth).toBe('2018-07');
    // 16 months for each of 35 indicators, blank months included as no data.
    expect(converted.observations).toHaveLength(16 * 35);
  });

  it('makes 27 targets', () => {
    // 8 indicators have neither a numeric target nor a rule: MC 1, MC 3, LE 3, CL 1, CL 2, CL 3, QA 2, QA 3.
    expect(converted.targets).toHaveLength(27);
    expect(converted.targets.every((target) => target.year === '2018-19')).toBe(true);
  });

  it('reports no errors', () => {
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('names export file in findings', () => {
    expect(findings.every((finding) => finding.file === EXPORT_FILE)).toBe(true);
  });

  it.each([
    // The gap or overlap, as the message writes it.
    ['threshold-gap', 'W 1', 'leaves 17.1 to 18 between green and amber uncovered'],
    ['threshold-gap', 'W1 d', 'leaves 20.1 to 21 between green and amber uncovered'],
    ['threshold-overlap', 'W1 d', 'gives 23 to both amber and red'],
    ['threshold-overlap', 'FD 8', 'gives 21 to 22 to both green and amber'],
    ['threshold-overlap', 'CIN 4', 'gives 75 to both green and amber'],
    ['threshold-overlap', 'CP 5', 'gives 77 to both green and amber'],
    ['threshold-overlap', 'CP 10', 'gives 52 to 62 to both green and amber'],
    ['threshold-overlap', 'QA 1', 'gives 90 to both green and amber'],
    ['threshold-overlap', 'QA 1', 'gives 85 to both amber and red'],
    ['polarity-conflict', 'QA 1', 'Polarity SIB means lower is better, but the RAG rule reads "90% or above Green"'],
    ['polarity-missing', 'LE 2', 'inferred from "50% or above Green"'],
    ['polarity-missing', 'CL a', 'inferred from "95% or above Green"'],
    // LAC 10: (90 + 92 + 90 + 85) / 4 = 89.25 → 89, amber, but the export records Red.
    ['rag-mismatch', 'LAC 10', 'The export records Red, but the year-to-date figure 89 (4 months) rates Amber'],
    // AD 7: (682 + 543.2 + 521.22 + 521.22) / 4 = 566.91 → 567, amber, but the export records Green.
    ['rag-mismatch', 'AD 7', 'The export records Green, but the year-to-date figure 567 (4 months) rates Amber'],
    // CL a: (74 + 74 + 82 + 86) / 4 = 79, red, but the export records Yellow, which is Amber.
    ['rag-mismatch', 'CL a', 'The export records Amber, but the year-to-date figure 79 (4 months) rates Red'],
    ['target-not-numeric', 'CP 10', 'Target "<10% of Cohort" is not a number'],
    ['target-not-numeric', 'CL 1', 'Target "NA" means no target'],
    ['rag-synonym', 'W1 d', 'Recorded RAG "Yellow" was read as Amber'],
    ['implausible-value', 'AD 7', 'Value 0 for 2017-05 is impossible'],
    ['footnote-marker', 'W1 d', 'Value "21.2*" for 2018-04 carries a footnote marker'],
    ['markup-in-text', 'FD 3', 'The title contains HTML (<i> </i>). It was removed, and the text after "*" became the footnote "This is the number of SPOC forms".'],
  ])('reports %s for %s', (kind, code, text) => {
    const messages = findingsOf(kind, code).map((finding) => finding.message);
    expect(messages.some((message) => message.includes(text))).toBe(true);
  });

  it('reports only three RAG mismatches', () => {
    expect(findingsOf('rag-mismatch').map((finding) => finding.code)).toEqual(['LAC 10', 'AD 7', 'CL a']);
  });

  it('locates mismatch at RAG cell', () => {
    // LAC 10 is on line 94; RAG is the 22nd column.
    const [mismatch] = findingsOf('rag-mismatch', 'LAC 10');
    expect(mismatch?.line).toBe(94);
    expect(mismatch?.column).toBe(22);
  });

  it('reads every Yellow as Amber', () => {
    expect(findingsOf('rag-synonym').map((finding) => finding.code)).toEqual(['W1 d', 'CP 13', 'LAC 20', 'F 3', 'CL a']);
  });

  it('reports each AD 7 zero', () => {
    // May, Jun and Jul 2017 are columns 5, 6 and 7 of line 115.
    expect(findingsOf('implausible-value').map((finding) => [finding.code, finding.line, finding.column])).toEqual([
      ['AD 7', 115, 5],
      ['AD 7', 115, 6],
      ['AD 7', 115, 7],
    ]);
  });

  it('reports both W1 d markers', () => {
    expect(findingsOf('footnote-marker').map((finding) => [finding.code, finding.column])).toEqual([
      ['W1 d', 16],
      ['W1 d', 17],
    ]);
  });

  it('reports stray cell on line 152', () => {
    const [stray] = findingsOf('stray-cell');
    expect(findingsOf('stray-cell')).toHaveLength(1);
    expect(stray?.line).toBe(152);
    expect(stray?.message).toContain('"0.81"');
  });

  it('places QA 1 note', () => {
    const [placed] = findingsOf('note-placed');
    expect(placed?.code).toBe('QA 1');
    expect(placed?.line).toBe(154);

    const qa1 = converted.indicators.find((indicator) => indicator.code === 'QA 1');
    expect(qa1?.footnote).toMatch(/^Further investigation of QA1 data has highlighted/);
  });

  it('reports unplaced notes once each', () => {
    // "Note: Columns BELOW…" on lines 28, 67, 122 and "N.B YTD average…" on 29, 39, 49, 58, 99, 120.
    expect(findingsOf('note-not-placed').map((finding) => finding.line)).toEqual([28, 29]);
    expect(findingsOf('note-not-placed')[0]?.message).toContain('also on lines 67, 122');
  });

  it('blanks zeros and strips markers', () => {
    const value = (code: string, month: string) => converted.observations.find((observation) => observation.code === code && observation.month === month);

    expect(value('AD 7', '2017-05')?.value).toBeNull();
    expect(value('W1 d', '2018-04')?.value).toBe(21.2);
    expect(value('W1 d', '2018-04')?.note).toBe('Excludes 16-25 Case Allocations');
    // P1 starts in Oct 2017.
    expect(value('P1', '2017-09')?.value).toBeNull();
    expect(value('P1', '2017-10')?.value).toBe(43);
  });

  it('keeps value text as written', () => {
    expect(converted.valueTexts.get('W 1\u00002017-04')).toBe('16.0');
    expect(converted.valueTexts.get('AMT 2\u00002018-07')).toBe('62.9');
  });

  it.each([
    // code, polarity, unit, decimals, green cut, red cut
    ['W 1', 'lower', 'number', 1, 17, 20.1],
    // Values are whole numbers, but "21.1" in the rule needs one place.
    ['W1 d', 'lower', 'number', 1, 20, 23],
    ['FD 3', 'higher', 'percent', 0, 90, 84],
    ['AMT 2', 'higher', 'percent', 1, 85, 77],
    ['AD 7', 'lower', 'days', 0, 558, 609],
    ['QA 1', 'higher', 'percent', 0, 90, 85],
    ['CL a', 'higher', 'percent', 0, 95, 84],
  ] as const)('imports %s as %s %s', (code, polarity, unit, decimals, green, red) => {
    const indicator = converted.indicators.find((candidate) => candidate.code === code);
    const target = converted.targets.find((candidate) => candidate.code === code);

    expect(indicator?.polarity).toBe(polarity);
    expect(indicator?.unit).toBe(unit);
    expect(indicator?.decimals).toBe(decimals);
    expect(target?.green).toBe(green);
    expect(target?.red).toBe(red);
  });

  it('cleans titles and footnotes', () => {
    const fd3 = converted.indicators.find((indicator) => indicator.code === 'FD 3');
    expect(fd3?.title).toBe('Percentage of completed contacts received in the month which were actioned within 1 working day');
    expect(fd3?.footnote).toBe('This is the number of SPOC forms');
  });

  it('marks rolling measure', () => {
    const lac19 = converted.indicators.find((indicator) => indicator.code === 'LAC 19 (12m)');
    expect(lac19?.spc).toBe('rolling');
    expect(findingsOf('rolling-measure', 'LAC 19 (12m)')).toHaveLength(1);
  });

  it('keeps CP 10 target text', () => {
    const cp10 = converted.targets.find((target) => target.code === 'CP 10');
    expect(cp10).toEqual({ code: 'CP 10', year: '2018-19', value: null, text: '<10% of Cohort', green: 62, red: 63 });
  });
});

describe('convertExport', () => {
  it('reports missing month columns', () => {
    const { findings } = convertExport('Some other spreadsheet\nA\tB\n', 'other.tsv');
    expect(findings.map((finding) => [finding.severity, finding.kind])).toContainEqual(['error', 'months-missing']);
  });

  it('reports unreadable value', () => {
    const { findings, observations } = convertExport(exportOf(['W 1', 'Average caseload', 'SIB', '19.2', 'n/a', '20.6', '17', 'PS', 'Red', '17 or below Green 18-20 Amber 21 and above Red']), 'x.tsv');

    // Lines: 1 section, 2 header, 3 W 1; May-18 is column 5.
    expect(findings.filter((finding) => finding.kind === 'value-not-number').map((finding) => [finding.severity, finding.line, finding.column])).toEqual([['error', 3, 5]]);
    expect(observations.find((observation) => observation.month === '2018-05')?.value).toBeNull();
  });

  it('reports repeated indicator', () => {
    const row = ['W 1', 'Average caseload', 'SIB', '19', '20', '21', '17', 'PS', 'Red', '17 or below Green 18-20 Amber 21 and above Red'];
    const { findings, indicators } = convertExport(exportOf(row, row), 'x.tsv');

    expect(indicators).toHaveLength(1);
    expect(findings.filter((finding) => finding.kind === 'duplicate-indicator').map((finding) => finding.line)).toEqual([4]);
  });

  it('reports unreadable rule', () => {
    const { findings, targets } = convertExport(exportOf(['W 1', 'Average caseload', 'SIB', '19', '20', '21', '17', 'PS', 'Red', 'Below 17 is good']), 'x.tsv');

    expect(findings.filter((finding) => finding.kind === 'methodology-unreadable').map((finding) => [finding.severity, finding.column])).toEqual([['error', 10]]);
    // The numeric target is kept, without cut points.
    expect(targets).toEqual([{ code: 'W 1', year: '2018-19', value: 17, text: '17', green: null, red: null }]);
  });

  it('reports unknown RAG word', () => {
    const { findings } = convertExport(exportOf(['W 1', 'Average caseload', 'SIB', '19', '20', '21', '17', 'PS', 'Purple', '17 or below Green 18-20 Amber 21 and above Red']), 'x.tsv');
    expect(findings.filter((finding) => finding.kind === 'rag-unknown')).toHaveLength(1);
  });

  it('NA target with rule still rates', () => {
    // The rule supplies the cut points, so the indicator is rated though the target reads NA.
    // (19 + 20 + 21) / 3 = 20, amber between 17 and 21.
    const { targets, findings } = convertExport(exportOf(['W 1', 'Average caseload', 'SIB', '19', '20', '21', 'NA', 'PS', 'Yellow', '17 or below Green 18-20 Amber 21 and above Red']), 'x.tsv');
    const [warning] = findings.filter((finding) => finding.kind === 'target-not-numeric');

    expect(targets).toEqual([{ code: 'W 1', year: '2018-19', value: null, text: '', green: 17, red: 21 }]);
    expect(warning?.message).toBe('Target "NA" means no target, so no target line is drawn; the rating uses the cut points of the RAG rule.');
  });

  it('markup without footnote', () => {
    const { findings, indicators } = convertExport(exportOf(['W 1', 'Average <b>caseload</b>', 'SIB', '19', '20', '21', '17', 'PS', 'Red', '17 or below Green 18-20 Amber 21 and above Red']), 'x.tsv');
    const [warning] = findings.filter((finding) => finding.kind === 'markup-in-text');

    expect(indicators[0]?.title).toBe('Average caseload');
    expect(warning?.message).toBe('The title contains HTML (<b> </b>). It was removed.');
  });
});
