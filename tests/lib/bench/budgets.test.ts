import { describe, expect, it } from 'vitest';
import { chooseBudgetSizes, parseSizes } from '../../../src/bench/bench-sizes.ts';
import { allBudgetsMet, checkBudgets, DEFAULT_LIMITS, formatBytes, type BudgetInputs, type BuildMeasure } from '../../../src/bench/budgets.ts';
import { listProcessTree, parseVmRss } from '../../../src/bench/process-memory.ts';

const KIB = 1024;

function measure(name: string, wallMs: number, overrides: Partial<BuildMeasure> = {}): BuildMeasure {
  return {
    name,
    wallMs,
    pages: 100,
    peakRssBytes: 1024 ** 3,
    phases: { load: 1, evaluate: 1, charts: 1, pages: 1, slots: 1 },
    charts: { rendered: 10, cached: 0 },
    indicatorPage: { html: { raw: 90 * KIB, gzip: 12 * KIB }, css: { raw: 8 * KIB, gzip: 2 * KIB }, js: { raw: 4 * KIB, gzip: 2 * KIB } },
    ...overrides,
  };
}

/** Builds that meet every budget, in one round: 130 s full, 100 s charts off, 105 s warm with 0 charts, 30 s small. */
function passingInputs(): BudgetInputs {
  return {
    label: '2000x120',
    large: [measure('2000x120', 130_000)],
    largeChartsOff: [measure('2000x120 charts off', 100_000, { charts: { rendered: 0, cached: 0 } })],
    largeWarm: [measure('2000x120 commentary rebuild', 105_000, { charts: { rendered: 0, cached: 7_000 } })],
    small: measure('500x120', 30_000),
  };
}

function statusOf(results: ReturnType<typeof checkBudgets>, name: RegExp): string {
  const result = results.find((candidate) => name.test(candidate.name));
  if (!result) throw new Error(`no budget matches ${name}`);
  return result.status;
}

describe('checkBudgets', () => {
  it('passes builds within every budget', () => {
    const results = checkBudgets(passingInputs());

    expect(results.map((result) => result.status)).toEqual(Array(8).fill('pass'));
    expect(allBudgetsMet(results)).toBe(true);
  });

  it.each([
    // [charts-on ms, charts-off ms, expected]: the limit is 1.4 × charts off, inclusive.
    [140_000, 100_000, 'pass'],
    [140_100, 100_000, 'fail'],
  ])('charts overhead %i ms vs %i ms is %s', (full, off, expected) => {
    const inputs = { ...passingInputs(), large: [measure('2000x120', full)], largeChartsOff: [measure('2000x120 charts off', off)] };

    expect(statusOf(checkBudgets(inputs), /vs charts off$/)).toBe(expected);
  });

  it.each([
    // 4.5 × 30 s = 135 s.
    [135_000, 'pass'],
    [136_000, 'fail'],
  ])('growth to %i ms from 30 s is %s', (large, expected) => {
    const inputs = { ...passingInputs(), large: [measure('2000x120', large)], largeChartsOff: [measure('2000x120 charts off', 120_000)] };

    expect(statusOf(checkBudgets(inputs), /^2000x120 vs 500x120$/)).toBe(expected);
  });

  it('fails warm rebuild that renders charts', () => {
    const inputs = { ...passingInputs(), largeWarm: [measure('2000x120 commentary rebuild', 100_000, { charts: { rendered: 1, cached: 6_999 } })] };
    const results = checkBudgets(inputs);

    expect(statusOf(results, /charts rendered$/)).toBe('fail');
    expect(allBudgetsMet(results)).toBe(false);
  });

  it('fails slow warm rebuild', () => {
    // 1.1 × 100 s = 110 s.
    const inputs = { ...passingInputs(), largeWarm: [measure('2000x120 commentary rebuild', 111_000, { charts: { rendered: 0, cached: 7_000 } })] };

    expect(statusOf(checkBudgets(inputs), /commentary rebuild vs charts off$/)).toBe('fail');
  });

  it('fails memory above 1.5 GiB', () => {
    const inputs = { ...passingInputs(), large: [measure('2000x120', 130_000, { peakRssBytes: 1.5 * 1024 ** 3 + 1 })] };

    expect(statusOf(checkBudgets(inputs), /peak memory$/)).toBe('fail');
  });

  it.each([
    ['HTML', { html: { raw: 0, gzip: 15 * KIB + 1 } }],
    ['CSS', { css: { raw: 0, gzip: 10 * KIB + 1 } }],
    ['JS', { js: { raw: 0, gzip: 10 * KIB + 1 } }],
  ])('fails indicator page %s over budget', (part, weight) => {
    const page = { ...measure('x', 1).indicatorPage!, ...weight };
    const inputs = { ...passingInputs(), large: [measure('2000x120', 130_000, { indicatorPage: page })] };
    const results = checkBudgets(inputs);

    expect(results.filter((result) => result.status === 'fail').map((result) => result.name)).toEqual([
      expect.stringContaining(`indicator page ${part}`),
    ]);
  });

  it('takes the median ratio of rounds', () => {
    // Round ratios 1.12, 1.05 and 1.08, whose median, 1.08, passes. The third round ran on a slower machine,
    // so the median walls alone (112 s and 100 s) would give 1.12 and fail.
    const inputs: BudgetInputs = {
      ...passingInputs(),
      largeChartsOff: [measure('off 1', 100_000), measure('off 2', 100_000), measure('off 3', 120_000)],
      largeWarm: [measure('warm 1', 112_000, { charts: { rendered: 0, cached: 1 } }), measure('warm 2', 105_000, { charts: { rendered: 0, cached: 1 } }), measure('warm 3', 129_600, { charts: { rendered: 0, cached: 1 } })],
    };

    const result = checkBudgets(inputs).find((candidate) => /commentary rebuild vs charts off$/.test(candidate.name))!;

    expect(result.measured).toBe('1.08 × (median of 3 rounds: 1.12, 1.05, 1.08)');
    expect(result.status).toBe('pass');
  });

  it('takes the higher middle of even rounds', () => {
    const inputs: BudgetInputs = {
      ...passingInputs(),
      large: [measure('full 1', 130_000), measure('full 2', 150_000)],
      largeChartsOff: [measure('off 1', 100_000), measure('off 2', 100_000)],
    };

    const result = checkBudgets(inputs).find((candidate) => /full build vs charts off$/.test(candidate.name))!;

    expect(result.measured).toBe('1.50 × (upper median of 2 rounds: 1.30, 1.50)');
    expect(result.status).toBe('fail');
  });

  it('fails charts rendered in any round', () => {
    const warm = (rendered: number) => measure('warm', 100_000, { charts: { rendered, cached: 10 } });
    const inputs: BudgetInputs = { ...passingInputs(), largeWarm: [warm(0), warm(2), warm(0)], largeChartsOff: Array(3).fill(measure('off', 100_000)) };

    expect(statusOf(checkBudgets(inputs), /charts rendered$/)).toBe('fail');
  });

  it('checks the worst round\'s memory', () => {
    const inputs: BudgetInputs = { ...passingInputs(), large: [measure('full 1', 130_000), measure('full 2', 130_000, { peakRssBytes: 2 * 1024 ** 3 })] };

    expect(statusOf(checkBudgets(inputs), /peak memory$/)).toBe('fail');
  });

  it('marks budgets without builds not run', () => {
    const results = checkBudgets({ label: '1000x120', large: [measure('1000x120', 50_000)], largeChartsOff: [], largeWarm: [], small: null });

    expect(statusOf(results, /vs charts off$/)).toBe('not-run');
    expect(statusOf(results, /vs small$/)).toBe('not-run');
    expect(results.find((result) => /vs small$/.test(result.name))?.measured).toMatch(/^no size with a quarter of the indicators and the same months/);
    expect(statusOf(results, /peak memory$/)).toBe('pass');
    expect(allBudgetsMet(results)).toBe(true);
  });

  it('writes limits in words', () => {
    const results = checkBudgets(passingInputs());

    expect(results.map((result) => `${result.name}: ${result.measured} (limit ${result.limit})`)).toMatchInlineSnapshot(`
      [
        "2000x120 full build vs charts off: 1.30 × (130.0 s vs 100.0 s) (limit ≤ 1.40 × the charts-off build)",
        "2000x120 vs 500x120: 4.33 × (130.0 s vs 30.0 s) (limit ≤ 4.50 × the 500x120 build)",
        "2000x120 commentary rebuild: charts rendered: 0 (limit = 0)",
        "2000x120 commentary rebuild vs charts off: 1.05 × (105.0 s vs 100.0 s) (limit ≤ 1.10 × the charts-off build)",
        "2000x120 peak memory: 1.00 GB (limit ≤ 1.50 GB)",
        "2000x120 indicator page HTML (gzip): 12.0 KB (limit ≤ 15.0 KB)",
        "2000x120 indicator page CSS (gzip): 2.0 KB (limit ≤ 10.0 KB)",
        "2000x120 indicator page JS before interaction (gzip): 2.0 KB (limit ≤ 10.0 KB)",
      ]
    `);
  });

  it('uses the stated default limits', () => {
    expect(DEFAULT_LIMITS).toEqual({ chartsOverhead: 1.4, growth: 4.5, warmRebuild: 1.1, peakRssBytes: 1610612736, indicatorHtmlGzip: 15360, cssGzip: 10240, jsGzip: 10240 });
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '0.5 KB'],
    [15 * KIB, '15.0 KB'],
    [3 * 1024 ** 2, '3.0 MB'],
    [1.5 * 1024 ** 3, '1.50 GB'],
  ])('writes %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('parseSizes', () => {
  it('reads comma-separated sizes', () => {
    expect(parseSizes('500x120, 2000x120')).toEqual([
      { indicators: 500, months: 120, label: '500x120' },
      { indicators: 2000, months: 120, label: '2000x120' },
    ]);
  });

  it.each(['500', '500x', 'x120', '0x120', '500x120,500x120'])('rejects %s', (text) => {
    expect(() => parseSizes(text)).toThrow(RangeError);
  });
});

describe('chooseBudgetSizes', () => {
  it('picks largest and quarter-size sibling', () => {
    const { large, small } = chooseBudgetSizes(parseSizes('500x60,500x120,1000x120,2000x120'));

    expect(large?.label).toBe('2000x120');
    expect(small?.label).toBe('500x120');
  });

  it('leaves small empty without a quarter size', () => {
    const { large, small } = chooseBudgetSizes(parseSizes('500x60,1000x120'));

    expect(large?.label).toBe('1000x120');
    expect(small).toBeNull();
  });
});

describe('process memory', () => {
  it('reads VmRSS in bytes', () => {
    expect(parseVmRss('Name:\tnode\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t11\n')).toBe(123456 * 1024);
    expect(parseVmRss('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
  });

  it('lists a process and its descendants', () => {
    // pid → parent pid: 10 is the build; 11 and 12 its children; 13 a grandchild; 20 unrelated.
    const parents = new Map([
      [1, 0],
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 12],
      [20, 1],
    ]);

    expect(listProcessTree(10, parents).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
  });
});
