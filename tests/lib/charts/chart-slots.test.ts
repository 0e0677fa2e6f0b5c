import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartPath, writeCachedChart } from '../../../src/lib/charts/chart-cache.ts';
import { chartSlot, fillSlotsInFiles, hasChartSlots, splitAtSlots, svgReader, writeFilledPage } from '../../../src/lib/charts/chart-slots.ts';

const svgs: Record<string, string> = {
  'chart-w-1': '<svg><title>W 1 – £ and $& stay as written</title></svg>',
  'spc-w-1': '<svg><title>SPC</title></svg>',
};

let folder = '';

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function fill(html: string): string | undefined {
  const parts = splitAtSlots(Buffer.from(html), (id) => Buffer.from(svgs[id]!));
  return parts === null ? undefined : Buffer.concat(parts).toString('utf8');
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

describe('splitAtSlots', () => {
  it('replaces every slot with its SVG', () => {
    const html = `<p>Mär – 5</p>${chartSlot('chart-w-1')}<p>between</p>${chartSlot('spc-w-1')}<p>end</p>`;

    expect(fill(html)).toBe(`<p>Mär – 5</p>${svgs['chart-w-1']}<p>between</p>${svgs['spc-w-1']}<p>end</p>`);
  });

  it('fills a slot at the very start and end', () => {
    expect(fill(chartSlot('spc-w-1'))).toBe(svgs['spc-w-1']);
  });

  it('returns null for a page without slots', () => {
    expect(splitAtSlots(Buffer.from('<p>no charts</p>'), () => Buffer.from('unused'))).toBeNull();
  });

  it('rejects a slot without its end', () => {
    expect(() => fill('<p><!--scorecard-chart chart-w-1</p>')).toThrow(/has no end/);
  });
});

describe('fillSlotsInFiles', () => {
  it('fills only pages with slots', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const cache = join(folder, 'cache');
    writeCachedChart('key-w-1', svgs['chart-w-1']!, cache);
    const page = join(folder, 'page.html');
    const plain = join(folder, 'plain.html');
    writeFileSync(page, `<main>${chartSlot('chart-w-1')}</main>`);
    writeFileSync(plain, '<main>none</main>');

    const filled = fillSlotsInFiles([page, plain], svgReader(new Map([['chart-w-1', chartPath('key-w-1', cache)]]), cache));

    expect(filled).toBe(1);
    expect(readFileSync(page, 'utf8')).toBe(`<main>${svgs['chart-w-1']}</main>`);
    expect(readFileSync(plain, 'utf8')).toBe('<main>none</main>');
  });

  it('names a chart that has no cache key', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const page = join(folder, 'page.html');
    writeFileSync(page, chartSlot('chart-x-9'));

    const fill = () => fillSlotsInFiles([page], svgReader(new Map(), join(folder, 'cache')));

    expect(fill).toThrow(`Filling the chart slots of ${page} failed: a page has a slot for the chart "chart-x-9", which the build did not draw.`);
    expect(fill).toThrow('Delete the chart cache folder');
  });
});

describe('hasChartSlots', () => {
  it('finds a slot in a view of a larger buffer', () => {
    const bytes = Buffer.from(`padding<p>${chartSlot('chart-w-1')}</p>`);

    expect(hasChartSlots(bytes.subarray(7))).toBe(true);
    expect(hasChartSlots(bytes.subarray(0, 20))).toBe(false);
    expect(hasChartSlots(Buffer.from('<p>no charts</p>'))).toBe(false);
  });
});

describe('writeFilledPage', () => {
  it('writes the filled page into a new folder', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const file = join(folder, 'indicators', 'w-1', 'index.html');
    const html = Buffer.from(`<p>Mär</p>${chartSlot('chart-w-1')}<p>end</p>`);

    const bytes = writeFilledPage(file, html, (id) => Buffer.from(svgs[id]!));

    const expected = `<p>Mär</p>${svgs['chart-w-1']}<p>end</p>`;
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
  });

  it('writes a page without slots unchanged', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const file = join(folder, 'index.html');

    const bytes = writeFilledPage(file, Buffer.from('<p>none</p>'), () => Buffer.from('unused'));

    expect(readFileSync(file, 'utf8')).toBe('<p>none</p>');
    expect(bytes).toBe(11);
  });

  it('names the page and writes nothing on failure', () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-slots-'));
    const file = join(folder, 'index.html');
    const write = () => writeFilledPage(file, Buffer.from(chartSlot('chart-x-9')), svgReader(new Map(), folder));

    expect(write).toThrow(`Filling the chart slots of ${file} failed: a page has a slot for the chart "chart-x-9"`);
    expect(existsSync(file)).toBe(false);
  });
});
