import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../support/project-copy.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * Text from the CSV files reaches pages as text: a title or note holding
 * markup must arrive escaped, never as elements or attributes.
 */
/** The markup outside attribute values; markup inside a quoted attribute is inert text. */
function markupOutsideAttributes(html: string): string {
  return html.replace(/="[^"]*"/g, '=""');
}

describe('text from data files', () => {
  let outDir: string;

  beforeAll(async () => {
    const root = copyProject('escape');
    const indicatorsPath = join(root, 'data', 'indicators.csv');
    const indicators = readFileSync(indicatorsPath, 'utf8').replace(
      'W 1,Average Caseload per Social Worker,',
      'W 1,"Caseload <script>window.hacked=1</script><img src=x onerror=""window.hacked=2"">",',
    );
    writeFileSync(indicatorsPath, indicators);

    const valuesPath = join(root, 'data', 'values.csv');
    writeFileSync(valuesPath, readFileSync(valuesPath, 'utf8').replace('W 1,2018-07,20.4,', 'W 1,2018-07,20.4,<b onmouseover=alert(1)>note</b>'));

    outDir = join(root, 'dist');
    const result = await runCli(['build', '--root', root, '--out', outDir], { SCORECARD_CACHE_DIR: join(root, 'chart-cache') });
    if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  });

  it('escapes title on indicator page', () => {
    const html = readFileSync(join(outDir, 'indicators', 'w-1', 'index.html'), 'utf8');
    const markup = markupOutsideAttributes(html);
    expect(html).toContain('<h1>W 1: Caseload &lt;script&gt;window.hacked=1&lt;/script&gt;');
    expect(markup.includes('<script>window.hacked')).toBe(false);
    expect(/<img[^>]*onerror/.test(markup)).toBe(false);
  });

  it('escapes title on overview', () => {
    const markup = markupOutsideAttributes(readFileSync(join(outDir, 'index.html'), 'utf8'));
    expect(markup).toContain('Caseload &lt;script&gt;');
    expect(markup.includes('<script>window.hacked')).toBe(false);
    expect(/<img[^>]*onerror/.test(markup)).toBe(false);
  });

  it('escapes value note', () => {
    const html = readFileSync(join(outDir, 'indicators', 'w-1', 'index.html'), 'utf8');
    expect(html).toContain('&lt;b onmouseover=alert(1)&gt;note&lt;/b&gt;');
    expect(/<b onmouseover/.test(markupOutsideAttributes(html))).toBe(false);
  });
});
