import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the resident memory of a process and all its descendants from
 * Linux's /proc. Worker threads share their process's memory, so one
 * process's VmRSS covers them; child processes (such as esbuild's service)
 * are added. Pages shared between processes are counted once per process,
 * so the sum can overstate the memory really in use.
 */

/** Returns the parent pid of every process in /proc. Processes that exit while being read are skipped. */
function readParentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in brackets may contain spaces, so fields are counted after its closing bracket.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process exited between the listing and the read.
    }
  }
  return parents;
}

/** Lists `root` and every process descended from it. */
export function listProcessTree(root: number, parents: ReadonlyMap<number, number> = readParentPids()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Reads VmRSS in bytes from the text of /proc/<pid>/status; 0 when the line is absent (a zombie). */
export function parseVmRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Sums VmRSS over `root` and its descendants, in bytes. */
export function readTreeRss(root: number): number {
  let total = 0;
  for (const pid of listProcessTree(root)) {
    try {
      total += parseVmRss(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      // The process exited since the tree was listed.
    }
  }
  return total;
}

/**
 * Polls the tree's summed RSS every `intervalMs` until stopped, and keeps
 * the peak. A peak shorter than the interval can be missed.
 */
export function startMemorySampler(root: number, intervalMs = 50): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, readTreeRss(root));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
