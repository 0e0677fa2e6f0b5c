import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteBuilds } from '../support/site-builds.ts';

const site = siteBuilds().root.outDir;
const read = (path: string) => readFileSync(join(site, path), 'utf8');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface ScorecardJson {
  period: string;
  indicators: { code: string; rag: string; basisValue: number | null; url: string; target: { value: number | null } | null; latest: { month: string; value: number | null } }[];
}

describe('shipped site', () => {
  it('has overview, sections and indicator pages', () => {
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    expect(readdirSync(join(site, 'sections')).filter((name) => existsSync(join(site, 'sections', name, 'index.html')))).toHaveLength(8);
    expect(readdirSync(join(site, 'indicators')).filter((name) => existsSync(join(site, 'indicators', name, 'index.html')))).toHaveLength(35);
  });

  it('rates worked examples in scorecard.json', () => {
    const json = JSON.parse(read('scorecard.json')) as ScorecardJson;
    const byCode = new Map(json.indicators.map((indicator) => [indicator.code, indicator]));
    expect(json.period).toBe('2018-07');

    // Each pair is worked by hand from the export's Apr–Jul 2018 columns and its RAG rule text.
    const expected: [string, number | null, string][] = [
      ['W 1', 20.1, 'red'], // 19.2, 20.1, 20.6, 20.4 → 20.075 → 20.1; lower is better, red at 20.1 or above
      ['W1 d', 20.3, 'amber'], // 21.2, 20.3, 18.9, 20.9 → 20.325 → 20.3; green 20 or below, red 23 or above
      ['CIN 4', 58, 'red'], // 57, 58, 57, 58 → 57.5 → 58; higher is better, red at 68 or below
      ['LAC 10', 89, 'amber'], // 90, 92, 90, 85 → 89.25 → 89; green 95, red 86
      ['AD 7', 567, 'amber'], // 682, 543.2, 521.22, 521.22 → 566.91 → 567; green 558 or below, red 609 or above
      ['CL a', 79, 'red'], // 74, 74, 82, 86 → 79; red at 84 or below
      ['QA 1', 70, 'red'], // 65, 65, 75, 74 → 69.75 → 70; the rule reads higher is better, red at 85 or below
      ['CL 1', null, 'none'], // no target and no cut points
    ];
    for (const [code, figure, rag] of expected) {
      expect(byCode.get(code)?.rag, code).toBe(rag);
      expect(byCode.get(code)?.basisValue, code).toBe(figure);
    }
  });

  it('links each indicator to its page', () => {
    const json = JSON.parse(read('scorecard.json')) as ScorecardJson;
    for (const indicator of json.indicators) {
      expect(existsSync(join(site, indicator.url, 'index.html')), indicator.code).toBe(true);
    }
  });

  it('shows chart, target and RAG on W 1', () => {
    const html = read('indicators/w-1/index.html');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<title id="chart-w-1-title">');
    expect(html).toContain('Target 2018-19');
    expect(html).toContain('17.0');
    expect(html).toMatch(/class="rag rag-red"[\s\S]*?Red/);
    expect(html).toContain('20.075, rounded to 20.1');
  });

  it('shows SPC view or its reason', () => {
    const json = JSON.parse(read('scorecard.json')) as { indicators: { code: string; url: string; spc: { available: boolean; reason: string | null; variationLabel: string | null } }[] };
    for (const indicator of json.indicators) {
      const html = read(join(indicator.url, 'index.html'));
      if (indicator.spc.available) {
        expect(html, indicator.code).toMatch(/<svg role="img" aria-labelledby="spc-/);
        expect(html, indicator.code).toContain(indicator.spc.variationLabel!);
      } else {
        expect(indicator.spc.reason, indicator.code).not.toBeNull();
        expect(html, indicator.code).toContain(escapeHtml(indicator.spc.reason!));
      }
    }

    // LAC 19 (12m) is a rolling measure and QA 2 has one month of data: neither can have limits.
    const byCode = new Map(json.indicators.map((indicator) => [indicator.code, indicator]));
    expect(byCode.get('LAC 19 (12m)')?.spc.available).toBe(false);
    expect(byCode.get('QA 2')?.spc.available).toBe(false);
    expect(byCode.get('W 1')?.spc.available).toBe(true);
  });

  it('publishes the data as CSV', () => {
    expect(read('data/values.csv').split('\n')[0]).toBe('code,month,value,note');
    expect(read('indicators/w-1/data.csv')).toContain('W 1,2018-07,20.4,');
  });

  it('prefixes links under a sub-path', () => {
    const html = readFileSync(join(siteBuilds().subPath.outDir, 'index.html'), 'utf8');
    expect(html).toContain('href="/performance/scorecard/indicators/w-1/"');
    expect(html).not.toMatch(/(href|src)="\/(?!performance\/scorecard\/)/);
  });
});
