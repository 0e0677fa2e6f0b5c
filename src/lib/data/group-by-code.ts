import type { Observation } from './types.ts';

/**
 * Groups observations by indicator code, keeping their order. Callers that
 * rate every indicator pass each its own rows, because scanning all rows per
 * indicator grows with indicators × rows (2,000 × 240,000 for a large region).
 */
export function groupByCode(observations: readonly Observation[]): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    let group = groups.get(observation.code);
    if (!group) {
      group = [];
      groups.set(observation.code, group);
    }
    group.push(observation);
  }
  return groups;
}
