import { describe, expect, it } from 'vitest';
import { boundingRows, drawLine, drawPoints, fillMarkGroup, lineBoundingRows, setLinePath, type PointLayer, type PointRow } from '../../../src/lib/charts/direct-marks.ts';

const CLASSED: PointLayer = {
  name: 'points',
  size: 40,
  shape: (row) => (row.class === 'high' ? 'diamond' : 'circle'),
  fill: (row) => (row.class === 'high' ? '#aa0000' : '#0000aa'),
};

function row(month: string, value: number, rowClass = 'usual'): PointRow {
  return { date: `${month}-01T00:00:00Z`, value, tip: `${month}: ${value}`, class: rowClass };
}

describe('boundingRows', () => {
  it('keeps each shape\'s extreme rows', () => {
    // Circles: earliest 2020-01, lowest 2020-03, latest 2020-07, highest 2020-05. Diamonds: 2020-02 and 2020-06.
    const rows = [row('2020-01', 5), row('2020-02', 9, 'high'), row('2020-03', 1), row('2020-04', 6), row('2020-05', 8), row('2020-06', 7, 'high'), row('2020-07', 4)];

    expect(boundingRows(rows, CLASSED).map((bounding) => bounding.date.slice(0, 7))).toEqual(['2020-01', '2020-02', '2020-03', '2020-05', '2020-06', '2020-07']);
  });

  it('keeps a lone row once', () => {
    expect(boundingRows([row('2020-01', 5)], CLASSED)).toHaveLength(1);
    expect(boundingRows([], CLASSED)).toEqual([]);
  });
});

describe('lineBoundingRows', () => {
  it('keeps the edge months and extreme values', () => {
    const rows = [
      { date: '2020-01-01T00:00:00Z', value: null },
      { date: '2020-02-01T00:00:00Z', value: 5 },
      { date: '2020-03-01T00:00:00Z', value: 2 },
      { date: '2020-04-01T00:00:00Z', value: 3 },
      { date: '2020-05-01T00:00:00Z', value: 9 },
      { date: '2020-06-01T00:00:00Z', value: 4 },
      { date: '2020-07-01T00:00:00Z', value: null },
    ];

    // The first and last months have no value but set the x domain. 2020-02 and 2020-06 are the first and last vertices.
    expect(lineBoundingRows(rows).map((kept) => kept.date.slice(0, 7))).toEqual(['2020-01', '2020-02', '2020-03', '2020-05', '2020-06', '2020-07']);
    expect(lineBoundingRows([])).toEqual([]);
  });
});

// Scales that are easy to check by hand: x in days since 2020-01-01, y doubled and offset.
const x = (time: number) => (time - Date.UTC(2020, 0, 1)) / 86_400_000;
const y = (value: number) => 100 - 2 * value;

describe('drawLine', () => {
  it('breaks the line at a missing month', () => {
    const rows = [
      { date: '2020-01-01T00:00:00Z', value: 5 },
      { date: '2020-02-01T00:00:00Z', value: 10.123 },
      { date: '2020-03-01T00:00:00Z', value: null },
      { date: '2020-04-01T00:00:00Z', value: 0 },
    ];

    // x: days 0, 31 and 91. y: 90, 79.754 (rounded to 79.75) and 100. The lone April point is a closed move.
    expect(drawLine(rows, x, y)).toBe('M0,90L31,79.75M91,100Z');
  });

  it('draws nothing without values', () => {
    expect(drawLine([{ date: '2020-01-01T00:00:00Z', value: null }], x, y)).toBeNull();
    expect(drawLine([], x, y)).toBeNull();
  });
});

describe('drawPoints', () => {
  it('writes shapes with escaped titles', () => {
    const rows = [{ ...row('2020-01', 5), tip: 'Jan <2020> & "more"' }, row('2020-02', 10.123, 'high')];

    const svg = drawPoints(rows, x, y, CLASSED);

    // Vega sizes both shapes by √size / 2 = √40 / 2 = 3.162…: the circle's radius, the diamond's half diagonal.
    // February is 31 days after 1 January, and 100 − 2 × 10.123 = 79.754, rounded to 79.75.
    expect(svg).toBe(
      '<circle cx="0" cy="90" r="3.16" fill="#0000aa" stroke-width="2"><title>Jan &lt;2020&gt; &amp; &quot;more&quot;</title></circle>' +
        '<path transform="translate(31,79.75)" d="M-3.16,0L0,-3.16L3.16,0L0,3.16Z" fill="#aa0000" stroke-width="2"><title>2020-02: 10.123</title></path>',
    );
  });
});

describe('fillMarkGroup', () => {
  it('fills an empty group and replaces a drawn one', () => {
    const svg = '<g class="mark-rule role-mark rules"/><g class="mark-symbol role-mark points_marks"><circle/></g><g class="mark-text role-mark labels"/>';

    expect(fillMarkGroup(svg, 'points_marks', '<path/>')).toBe(
      '<g class="mark-rule role-mark rules"/><g class="mark-symbol role-mark points_marks"><path/></g><g class="mark-text role-mark labels"/>',
    );
    expect(fillMarkGroup(svg, 'labels', 'x')).toBe('<g class="mark-rule role-mark rules"/><g class="mark-symbol role-mark points_marks"><circle/></g><g class="mark-text role-mark labels">x</g>');
  });

  it('sets the line path', () => {
    const svg = '<g class="mark-line role-mark series_marks"><path d="M0,0L1,1" stroke="#000"/></g><g class="points_marks"><path d="M9,9"/></g>';

    expect(setLinePath(svg, 'series_marks', 'M0,0L5,5')).toBe('<g class="mark-line role-mark series_marks"><path d="M0,0L5,5" stroke="#000"/></g><g class="points_marks"><path d="M9,9"/></g>');
    expect(setLinePath(svg, 'series_marks', null)).toBe(svg);
  });

  it('names a missing group', () => {
    expect(() => fillMarkGroup('<svg></svg>', 'points_marks', '')).toThrow(/no mark group named points_marks/);
  });
});
