/**
 * A small seeded pseudo-random generator for synthetic data. The same seed
 * gives the same sequence on every machine and Node version, because it
 * uses only 32-bit integer arithmetic (Math.random cannot be seeded).
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  integer(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Normally distributed float with mean 0 and standard deviation 1. */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Creates a generator from an integer seed. It steps a Weyl sequence (adding
 * the 32-bit golden-ratio constant) and mixes each state with the MurmurHash3
 * 32-bit finaliser, which is enough for test data, not for cryptography.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    return (mix32(state) >>> 0) / 0x1_0000_0000;
  };

  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: () => {
      // Box–Muller transform; 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
  };
  return random;
}

/** Derives a seed for one stream (such as one indicator) from a base seed and the stream's number. */
export function deriveSeed(seed: number, stream: number): number {
  return mix32((seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
}

function mix32(value: number): number {
  let z = value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}
