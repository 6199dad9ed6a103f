/**
 * A compact, indexed form of a large topology model, kept by the server
 * between requests. The engine's model of a large cluster (60,000 nodes,
 * 86,000 edges) held as plain objects costs ~47 MB of heap, most of it in
 * edges: three long id strings each (its own id, and copies of both ends'
 * ids) plus an object of properties. Here an edge is two node indices and a
 * shared property object (edges with equal properties share one), its id
 * rebuilt on demand; adjacency is precomputed once as index arrays, so a
 * scoped view walks the graph without building maps of the whole model.
 * Nodes are kept as they are (they are what a view sends). Measured on the
 * large benchmark mesh: 24 MB instead of 47 MB.
 */
import type { ViewEdge, ViewModel, ViewNode } from './types';

/** An edge's properties other than its id and ends. */
export type EdgeRest = Omit<ViewEdge, 'id' | 'source' | 'target'>;

/** Neighbours in compressed sparse rows: `list[start[i]..start[i+1])` are node i's edges (edge indices). */
export interface Csr {
  start: Int32Array;
  edges: Int32Array;
}

/** The compact model; built with {@link compactModel}, or drawn directly (compact-builder.ts). */
export interface CompactModel {
  /** Nodes in the model's order (sorted by id); index i is node i. */
  nodes: readonly ViewNode[];
  index: ReadonlyMap<string, number>;
  /** Edge k: from node `source[k]` to node `target[k]`, in the model's order. */
  source: Int32Array;
  target: Int32Array;
  rest: readonly EdgeRest[];
  /** Edge ids that are not the one {@link derivedId} derives (e.g. rejected attachments'). */
  odd: ReadonlyMap<number, string>;
  out: Csr;
  in: Csr;
}

/** The id the engine gives most edges: `kind:source->target`, plus `:port` on backend edges. */
function derivedId(rest: EdgeRest, source: string, target: string): string {
  const base = `${rest.kind}:${source}->${target}`;
  return rest.kind === 'backend' ? `${base}:${rest.port ?? ''}` : base;
}

function csr(n: number, from: Int32Array): Csr {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[(from[k] as number) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const edges = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) edges[fill[from[k] as number]!++] = k;
  return { start, edges };
}

/** Shares equal edge property objects: the large mesh's 86,000 edges have about 10,000 distinct ones. */
export class RestInterner {
  private readonly shared = new Map<string, EdgeRest>();

  /** The shared object equal to `own` (`own` itself the first time). */
  intern(own: EdgeRest): EdgeRest {
    const key = JSON.stringify(own);
    const known = this.shared.get(key);
    if (known) return known;
    this.shared.set(key, own);
    return own;
  }
}

/** One edge as {@link assemble} takes it: id, ends and (shared) properties. */
export type EdgeParts = [id: string, source: string, target: string, rest: EdgeRest];

/**
 * A compact model from nodes sorted by id and edges in the model's order
 * (each passed to `emit` by `edges`). Edges whose ends are not both nodes are
 * dropped (the engine never makes one; a view never draws one).
 */
export function assemble(nodes: readonly ViewNode[], count: number, edges: (emit: (e: EdgeParts) => void) => void): CompactModel {
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const source = new Int32Array(count);
  const target = new Int32Array(count);
  const rest: EdgeRest[] = [];
  const odd = new Map<number, string>();
  let k = 0;
  edges(([id, from, to, r]) => {
    const s = index.get(from);
    const t = index.get(to);
    if (s === undefined || t === undefined) return;
    source[k] = s;
    target[k] = t;
    rest.push(r);
    if (id !== derivedId(r, from, to)) odd.set(k, id);
    k++;
  });
  const src = k === count ? source : source.slice(0, k);
  const dst = k === count ? target : target.slice(0, k);
  return { nodes, index, source: src, target: dst, rest, odd, out: csr(n, src), in: csr(n, dst) };
}

/** The compact form of a plain model (its nodes are kept as they are). */
export function compactModel(model: ViewModel): CompactModel {
  const rests = new RestInterner();
  return assemble(model.nodes, model.edges.length, (emit) => {
    for (const e of model.edges) {
      const { id, source, target, ...own } = e;
      emit([id, source, target, rests.intern(own)]);
    }
  });
}

/** Edge `k` as the model had it (a fresh object; equal to the original). */
export function edgeOf(c: CompactModel, k: number): ViewEdge {
  const r = c.rest[k] as EdgeRest;
  const source = (c.nodes[c.source[k] as number] as ViewNode).id;
  const target = (c.nodes[c.target[k] as number] as ViewNode).id;
  return { id: c.odd.get(k) ?? derivedId(r, source, target), source, target, ...r };
}

/** The subgraph of the nodes in `keep` (node indices) and the edges between them, in the model's order. */
export function inducedOf(c: CompactModel, keep: Uint8Array): ViewModel {
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  const picked: number[] = [];
  for (let i = 0; i < c.nodes.length; i++) {
    if (keep[i] !== 1) continue;
    nodes.push(c.nodes[i] as ViewNode);
    for (let p = c.out.start[i] as number; p < (c.out.start[i + 1] as number); p++) {
      const k = c.out.edges[p] as number;
      if (keep[c.target[k] as number] === 1) picked.push(k);
    }
  }
  picked.sort((a, b) => a - b);
  for (const k of picked) edges.push(edgeOf(c, k));
  return { nodes, edges };
}

/** The whole model back as plain objects (a small cluster's, sent whole). */
export function wholeOf(c: CompactModel): ViewModel {
  return inducedOf(c, new Uint8Array(c.nodes.length).fill(1));
}

/**
 * Marks in `into` every node reachable from `seeds` along `dir` (seeds
 * included), walking only nodes `allowed` admits. Like graph-walk.ts `reach`,
 * a node already marked is not walked again.
 */
export function reachOf(
  c: CompactModel,
  seeds: Iterable<number>,
  dir: 'out' | 'in',
  into: Uint8Array,
  allowed?: Uint8Array,
): Uint8Array {
  const adj = c[dir];
  const ends = dir === 'out' ? c.target : c.source;
  const stack: number[] = [];
  for (const s of seeds) {
    into[s] = 1;
    stack.push(s);
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let p = adj.start[i] as number; p < (adj.start[i + 1] as number); p++) {
      const j = ends[adj.edges[p] as number] as number;
      if (into[j] === 1 || (allowed && allowed[j] !== 1)) continue;
      into[j] = 1;
      stack.push(j);
    }
  }
  return into;
}

/** Like graph-walk.ts `pathsThrough`: the seeds, all upstream (backwards only) and all downstream (forwards only). */
export function pathsOf(c: CompactModel, seeds: readonly number[], allowed?: Uint8Array): Uint8Array {
  const up = reachOf(c, seeds, 'in', new Uint8Array(c.nodes.length), allowed);
  const down = reachOf(c, seeds, 'out', new Uint8Array(c.nodes.length), allowed);
  for (let i = 0; i < up.length; i++) if (down[i] === 1) up[i] = 1;
  return up;
}
