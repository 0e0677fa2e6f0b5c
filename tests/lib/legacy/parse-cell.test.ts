import { describe, expect, it } from 'vitest';
import { readMonthHeader, readValueCell } from '../../../src/lib/legacy/parse-cell.ts';

describe('readValueCell', () => {
  it.each([
    ['43%', { kind: 'number', value: 43, text: '43', percent: true, footnoteMarker: false, decimals: 0 }],
    ['71.3%', { kind: 'number', value: 71.3, text: '71.3', percent: true, footnoteMarker: false, decimals: 1 }],
    ['16.0', { kind: 'number', value: 16, text: '16.0', percent: false, footnoteMarker: false, decimals: 1 }],
    ['521.22', { kind: 'number', value: 521.22, text: '521.22', percent: false, footnoteMarker: false, decimals: 2 }],
    ['21.2*', { kind: 'number', value: 21.2, text: '21.2', percent: false, footnoteMarker: true, decimals: 1 }],
    [' 149 ', { kind: 'number', value: 149, text: '149', percent: false, footnoteMarker: false, decimals: 0 }],
    ['-3', { kind: 'number', value: -3, text: '-3', percent: false, footnoteMarker: false, decimals: 0 }],
    ['0', { kind: 'number', value: 0, text: '0', percent: false, footnoteMarker: false, decimals: 0 }],
  ])('reads %j', (text, expected) => {
    expect(readValueCell(text)).toEqual(expected);
  });

  it.each(['', '   '])('reads %j as empty', (text) => {
    expect(readValueCell(text)).toEqual({ kind: 'empty' });
  });

  it.each(['<10% of Cohort', 'NA', 'n/a', '1,234', '1.2.3', '4l%'])('rejects %j', (text) => {
    expect(readValueCell(text)).toEqual({ kind: 'invalid', text });
  });
});

describe('readMonthHeader', () => {
  it.each([
    ['Apr-17', '2017-04'],
    ['Mar-18', '2018-03'],
    ['Jul-18', '2018-07'],
    ['Dec-17', '2017-12'],
  ])('reads %s as %s', (header, expected) => {
    expect(readMonthHeader(header)).toBe(expected);
  });

  it.each(['Foo-17', 'April-17', 'apr-17', '2018-19 Target', 'Apr 17', ''])('rejects %j', (header) => {
    expect(readMonthHeader(header)).toBeNull();
  });
});
