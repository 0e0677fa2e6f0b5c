import { parseArgs } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../../src/bench/command-line.ts';

const options = { out: { type: 'string' }, help: { type: 'boolean', default: false } } as const;

function parse(args: string[]) {
  return parseCommandLine(() => parseArgs({ args, options }), 'Usage: example');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseCommandLine', () => {
  it('returns the parsed options', () => {
    expect(parse(['--out', 'folder'])).toEqual({ out: 'folder', help: false });
  });

  it('rejects an unknown option', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(parse(['--bogus'])).toBe(2);
    expect(error.mock.calls[0]![0]).toMatch(/'--bogus'[\s\S]*\n\nUsage: example$/);
  });

  it('prints the usage for help', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

    expect(parse(['--help'])).toBe(0);
    expect(log).toHaveBeenCalledWith('Usage: example');
  });
});
