import { describe, expect, it } from 'vitest';
import { compactNumbers, compactSvg, formatCoordinate, labelSvg } from '../../../src/lib/charts/label-svg.ts';

const CIRCLE = 'd="M3.1622776601683795,0A3.1622776601683795,3.1622776601683795,0,1,1,-3.1622776601683795,0A3.1622776601683795,3.1622776601683795,0,1,1,3.1622776601683795,0"';

describe('compactSvg', () => {
  it('rounds coordinates to hundredths', () => {
    expect(compactSvg('<line transform="translate(64.12263892690939,0.004)" x2="1"/>')).toBe('<line transform="translate(64.12,0)" x2="1"/>');
  });

  it('leaves numbers in text alone', () => {
    expect(compactSvg('<text>0.123456</text>')).toBe('<text>0.123456</text>');
  });

  it('turns a circular point into a circle', () => {
    const point = `<path transform="translate(5.25595401040241,165.45454545454544)" ${CIRCLE} fill="#1d3f6e" stroke-width="2"><title>May 2015: 18%</title></path>`;

    expect(compactSvg(point)).toBe('<circle cx="5.26" cy="165.45" r="3.16" fill="#1d3f6e" stroke-width="2"><title>May 2015: 18%</title></circle>');
  });

  it('converts an unlabelled circle', () => {
    expect(compactSvg(`<path transform="translate(1,2)" ${CIRCLE} fill="red"/>`)).toBe('<circle cx="1" cy="2" r="3.16" fill="red"/>');
  });

  it('keeps other symbols as paths', () => {
    const diamond = '<path transform="translate(0,260)" d="M-4.18,0L0,-4.18L4.18,0L0,4.18Z" fill="#1d4f91"/>';

    expect(compactSvg(diamond)).toBe(diamond);
  });
});

describe('labelSvg', () => {
  it('titles the chart and points', () => {
    const raw = `<svg xmlns="http://www.w3.org/2000/svg" role="graphics-document" aria-label="x"><g><path aria-label="Apr 2015: 21%" role="graphics-symbol" aria-roledescription="point" transform="translate(0,94.5)" ${CIRCLE} fill="#1d3f6e" opacity="1"/></g></svg>`;

    const svg = labelSvg(raw, 'chart-w-1', 'W 1: <rate> by month', 'W 1 was 21% in Apr 2015.');

    expect(svg).toBe(
      '<svg role="img" aria-labelledby="chart-w-1-title chart-w-1-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">' +
        '<title id="chart-w-1-title">W 1: &lt;rate&gt; by month</title><desc id="chart-w-1-desc">W 1 was 21% in Apr 2015.</desc>' +
        '<g><circle cx="0" cy="94.5" r="3.16" fill="#1d3f6e"><title>Apr 2015: 21%</title></circle></g></svg>',
    );
  });
});

describe('formatCoordinate', () => {
  it('matches compactNumbers on its text', () => {
    const values = [0, 100, 3.5, 12.34, 12.345, 12.355, -12.3456, -0.001, 0.004999, 1e-7, -5.684341886080802e-14, 1.23456e21, Number.NaN];
    // Many pixel positions of the kind a scale returns: sixths of a pixel up to 640.
    for (let sixths = 0; sixths < 640 * 6; sixths += 7) values.push(sixths / 6, -sixths / 6);

    for (const value of values) expect(formatCoordinate(value)).toBe(compactNumbers(String(value)));
  });

  it('rounds to hundredths', () => {
    expect(formatCoordinate(79.754)).toBe('79.75');
    expect(formatCoordinate(-0.004)).toBe('0');
    expect(formatCoordinate(2.5)).toBe('2.5');
  });
});
