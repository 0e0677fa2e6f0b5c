import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroPrerenderer, PrerenderResult } from 'astro';
import { describe, expect, it } from 'vitest';
import { pageFile, withChartPages, type PageSink } from '../../../src/lib/charts/chart-pages.ts';
import { chartSlot } from '../../../src/lib/charts/chart-slots.ts';

const outFolder = join('/tmp', 'site staging');
const outDir = pathToFileURL(`${outFolder}/`);

describe('pageFile', () => {
  it('puts a page in its folder', () => {
    expect(pageFile('http://localhost/indicators/w-1/', '/', outDir)).toBe(join(outFolder, 'indicators', 'w-1', 'index.html'));
    expect(pageFile('http://localhost/', '/', outDir)).toBe(join(outFolder, 'index.html'));
  });

  it('leaves the base path out', () => {
    const expected = join(outFolder, 'board-pack', 'index.html');

    expect(pageFile('http://localhost/performance/scorecard/board-pack/', '/performance/scorecard/', outDir)).toBe(expected);
    expect(pageFile('http://localhost/performance/scorecard/board-pack/', '/performance/scorecard', outDir)).toBe(expected);
  });

  it('decodes an encoded path', () => {
    expect(pageFile('http://localhost/notes/caf%C3%A9/', '/', outDir)).toBe(join(outFolder, 'notes', 'café', 'index.html'));
  });

  it('rejects a page that is not a folder', () => {
    expect(() => pageFile('http://localhost/404', '/', outDir)).toThrow(`the page /404 has charts but is not a folder under the base path /.`);
    expect(() => pageFile('http://localhost/other/w-1/', '/performance/', outDir)).toThrow(/is not a folder under the base path \/performance\//);
  });
});

/** A sink that keeps each page it is given as text. */
class RecordingSink implements PageSink {
  readonly pages = new Map<string, string>();

  async write(file: string, html: ArrayBuffer): Promise<void> {
    this.pages.set(file, Buffer.from(html).toString('utf8'));
  }
}

/** Creates a prerenderer whose every page is `response()`. */
function fakePrerenderer(response: () => Response, metadata?: PrerenderResult['metadata']): AstroPrerenderer {
  return {
    name: 'fake',
    getStaticPaths: async () => [],
    render: async () => (metadata ? { response: response(), metadata } : response()),
  };
}

const html = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'text/html' } });

async function renderWith(base: AstroPrerenderer, sink: PageSink, url = 'http://localhost/indicators/w-1/') {
  const prerenderer = withChartPages(base, sink, outDir, '/');
  const result = await prerenderer.render(new Request(url), { routeData: {} as never });
  return result instanceof Response ? { response: result } : result;
}

describe('withChartPages', () => {
  it('sends a page with slots to the sink', async () => {
    const page = `<main>${chartSlot('chart-w-1')}</main>`;
    const sink = new RecordingSink();

    const { response, metadata } = await renderWith(fakePrerenderer(() => html(page), { contentEntryKeys: [], staticImages: [] }), sink);

    expect(sink.pages).toEqual(new Map([[join(outFolder, 'indicators', 'w-1', 'index.html'), page]]));
    // Astro writes no file for a response without a body.
    expect(response.body).toBeNull();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(metadata).toEqual({ contentEntryKeys: [], staticImages: [] });
  });

  it('returns a page without slots to Astro', async () => {
    const sink = new RecordingSink();

    const { response } = await renderWith(fakePrerenderer(() => html('<main>Mär</main>')), sink);

    expect(sink.pages.size).toBe(0);
    expect(await response.text()).toBe('<main>Mär</main>');
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  it('passes other responses through', async () => {
    const sink = new RecordingSink();
    const json = new Response(`{"slot":"${chartSlot('chart-w-1')}"}`, { headers: { 'content-type': 'application/json' } });
    const missing = new Response(chartSlot('chart-w-1'), { status: 404, headers: { 'content-type': 'text/html' } });

    expect((await renderWith(fakePrerenderer(() => json), sink, 'http://localhost/scorecard.json')).response).toBe(json);
    expect((await renderWith(fakePrerenderer(() => missing), sink)).response).toBe(missing);
    expect(sink.pages.size).toBe(0);
  });

  it('fails the page when the sink fails', async () => {
    const sink: PageSink = { write: async () => Promise.reject(new Error('disk full')) };

    await expect(renderWith(fakePrerenderer(() => html(chartSlot('chart-w-1'))), sink)).rejects.toThrow('disk full');
  });
});
