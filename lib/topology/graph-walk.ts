/**
 * Directed reachability over the view graph. Edges point from the client
 * towards the backend (entry → gateway → listener → route → rule → Service),
 * so "upstream" is everything that can send traffic to a node and
 * "downstream" everything it can send traffic to.
 */
import type { ViewEdge } from './types';

/** Adjacency lists in both directions. */
export interface Adjacency {
  out: Map<string, string[]>;
  in: Map<string, string[]>;
}

/** Builds adjacency lists from edges. */
export function adjacency(edges: readonly ViewEdge[]): Adjacency {
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const e of edges) {
    push(out, e.source, e.target);
    push(inn, e.target, e.source);
  }
  return { out, in: inn };
}

/** Every node reachable from `seeds` following `next` (seeds included). */
export function reach(seeds: Iterable<string>, next: Map<string, string[]>, into = new Set<string>()): Set<string> {
  const stack = [...seeds];
  for (const s of stack) into.add(s);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const n of next.get(id) ?? []) {
      if (!into.has(n)) {
        into.add(n);
        stack.push(n);
      }
    }
  }
  return into;
}

/**
 * The paths through `seeds`: the seeds, everything upstream of them (walking
 * edges backwards only) and everything downstream (forwards only). Walking one
 * direction at a time keeps sibling branches out: focusing a route shows its
 * listeners and Gateways, not the other routes on those listeners.
 */
export function pathsThrough(seeds: Iterable<string>, adj: Adjacency): Set<string> {
  const list = [...seeds];
  const up = reach(list, adj.in);
  // A separate set downstream: a node already seen upstream of one seed must
  // still be walked forwards when it is downstream of another.
  for (const id of reach(list, adj.out)) up.add(id);
  return up;
}
