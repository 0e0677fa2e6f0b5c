import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartPath, writeCachedChart } from '../../../src/lib/charts/chart-cache.ts';
import { chartSlot, fillChartSlots, fillSlotsInFiles } from '../../../src/lib/charts/chart-slots.ts';

const svgs: Record<string, string> = {
  'chart-w-1': '<svg><title>W 1 – £ and $& stay as written</title></svg>',
  'spc-w-1': '<svg><title>SPC</title></svg>',
};

function fill(html: string): string | undefined {
  return fillChartSlots(Buffer.from(html), (id) => Buffer.from(svgs[id]!))?.toString('utf8');
}

describe('chartSlot', () => {
  it('makes an HTML comment', () => {
    expect(chartSlot('chart-w-1')).toBe('<!--scorecard-chart chart-w-1-->');
  });

  it('rejects an invalid id', () => {
    expect(() => chartSlot('chart W 1')).toThrow(/chart id "chart W 1" is invalid/);
    expect(() => chartSlot('x-->')).toThrow(/is invalid/);
  });
});

describe('fillChartSlots', () => {
  it('replaces every slot with its SVG', () => {
    const html = `<p>Mär – 5</p>${chartSlot('chart-w-1')}<p>between</p>${chartSlot('spc-w-1')}<p>end</p>`;

    expect(fill(html)).toBe(`<p>Mär – 5</p>${svgs['chart-w-1']}<p>between</p>${svgs['spc-w-1']}<p>end</p>`);
  });

  it('fills a slot at the very start and end', () => {
    expect(fill(chartSlot('spc-w-1'))).toBe(svgs['spc-w-1']);
  });

  it('returns null for a page without slots', () => {
    expect(fillChartSlots(Buffer.from('<p>no charts</p>'), () => Buffer.from('unused'))).toBeNull();
  });

  it('rejects a slot without its end', () => {
    expect(() => fill('<p><!--scorecard-chart chart-w-1</p>')).toThrow(/has no end/);
  });
});

describe('fillSlotsInFiles', () => {
  let folder = '';

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('fills only pages with slots', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const cache = join(folder, 'cache');
    writeCachedChart('key-w-1', svgs['chart-w-1']!, cache);
    const page = join(folder, 'page.html');
    const plain = join(folder, 'plain.html');
    writeFileSync(page, `<main>${chartSlot('chart-w-1')}</main>`);
    writeFileSync(plain, '<main>none</main>');

    const filled = fillSlotsInFiles([page, plain], new Map([['chart-w-1', chartPath('key-w-1', cache)]]), cache);

    expect(filled).toBe(1);
    expect(readFileSync(page, 'utf8')).toBe(`<main>${svgs['chart-w-1']}</main>`);
    expect(readFileSync(plain, 'utf8')).toBe('<main>none</main>');
  });

  it('names a chart that has no cache key', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const page = join(folder, 'page.html');
    writeFileSync(page, chartSlot('chart-x-9'));

    const fill = () => fillSlotsInFiles([page], new Map(), join(folder, 'cache'));

    expect(fill).toThrow(`Filling the chart slots of ${page} failed: a page has a slot for the chart "chart-x-9", which the build did not draw.`);
    expect(fill).toThrow('Delete the chart cache folder');
  });
});
