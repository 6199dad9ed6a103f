/**
 * A compact, indexed form of a large topology model, kept by the server
 * between requests. The engine's model of a large cluster (60,000 nodes,
 * 86,000 edges) held as plain objects costs ~47 MB of heap, most of it in
 * edges: three long id strings each (its own id, and copies of both ends'
 * ids) plus an object of properties. Here an edge is two node indices and a
 * shared property object (edges with equal properties share one), its id
 * rebuilt on demand; adjacency is precomputed once as index arrays, so a
 * scoped view walks the graph without building maps of the whole model.
 * Nodes are kept as they are (they are what a view sends).
 */
import type { ViewEdge, ViewModel, ViewNode } from './types';

/** An edge's properties other than its id and ends. */
type EdgeRest = Omit<ViewEdge, 'id' | 'source' | 'target'>;

/** Neighbours in compressed sparse rows: `list[start[i]..start[i+1])` are node i's edges (edge indices). */
export interface Csr {
  start: Int32Array;
  edges: Int32Array;
}

/** The compact model; build with {@link compactModel}. */
export interface CompactModel {
  /** Nodes in the model's order (sorted by id); index i is node i. */
  nodes: readonly ViewNode[];
  index: ReadonlyMap<string, number>;
  /** Edge k: from node `source[k]` to node `target[k]`, in the model's order. */
  source: Int32Array;
  target: Int32Array;
  rest: readonly EdgeRest[];
  /** Edge ids that are not the one {@link edgeIdOf} derives (e.g. rejected attachments'). */
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

/**
 * The compact form of a model. Edges whose ends are not both nodes of the
 * model are dropped (the engine never makes one; a view never draws one).
 */
export function compactModel(model: ViewModel): CompactModel {
  const n = model.nodes.length;
  const index = new Map<string, number>();
  model.nodes.forEach((node, i) => index.set(node.id, i));
  const m = model.edges.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const rest: EdgeRest[] = [];
  const odd = new Map<number, string>();
  const shared = new Map<string, EdgeRest>();
  let k = 0;
  for (const e of model.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    const { id, source: _s, target: _t, ...own } = e;
    const key = JSON.stringify(own);
    let r = shared.get(key);
    if (!r) shared.set(key, (r = own));
    source[k] = s;
    target[k] = t;
    rest.push(r);
    if (id !== derivedId(r, e.source, e.target)) odd.set(k, id);
    k++;
  }
  const src = k === m ? source : source.slice(0, k);
  const dst = k === m ? target : target.slice(0, k);
  return { nodes: model.nodes, index, source: src, target: dst, rest, odd, out: csr(n, src), in: csr(n, dst) };
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
