/**
 * A fast layered layout for large graphs, where elkjs takes too long. The
 * topology already knows each node's layer (its column: entry, Gateway,
 * listener, route, rule, backend), so only the order inside each column and
 * the vertical positions are computed: barycenter sweeps (Sugiyama-style
 * crossing reduction), then each node pulled towards its parents without
 * overlapping its column neighbours. Linear in nodes + edges per sweep.
 */
import { NODE_WIDTH } from './node-size';
import type { LayoutInput } from './layout-input';

const LAYER_GAP = 72;
const NODE_GAP = 18;
const COMPONENT_GAP = 48;
const SWEEPS = 4;

/** Union-find roots: which connected component each node is in. */
function components(n: number, edges: Uint32Array): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (let e = 0; e < edges.length; e += 2) {
    const a = find(edges[e] as number);
    const b = find(edges[e + 1] as number);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  for (let i = 0; i < n; i++) parent[i] = find(i);
  return parent;
}

/** Neighbour lists as CSR arrays (offsets + flat targets), one per direction. */
function csr(n: number, edges: Uint32Array, forward: boolean): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < edges.length; e += 2) start[(edges[forward ? e : e + 1] as number) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const list = new Int32Array(edges.length / 2);
  for (let e = 0; e < edges.length; e += 2) {
    const from = edges[forward ? e : e + 1] as number;
    list[fill[from]!++] = edges[forward ? e + 1 : e] as number;
  }
  return { start, list };
}

/**
 * Positions as a flat array `[x, y, width, height]` per node, in input order.
 * Columns run left to right; connected components are stacked top to bottom
 * in input (id) order, so equal inputs give equal layouts.
 */
export function columnLayout(input: LayoutInput): Float64Array {
  const n = input.ids.length;
  const out = new Float64Array(n * 4);
  if (n === 0) return out;
  const comp = components(n, input.edges);
  const down = csr(n, input.edges, true);
  const up = csr(n, input.edges, false);
  const order = new Float64Array(n); // position of each node inside its column
  const byComp = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = comp[i] as number;
    const list = byComp.get(c);
    if (list) list.push(i);
    else byComp.set(c, [i]);
  }
  let top = 0;
  for (const members of byComp.values()) {
    const cols: number[][] = [];
    for (const i of members) (cols[input.columns[i] as number] ??= []).push(i);
    const layers = cols.filter((c): c is number[] => c !== undefined);
    layers.forEach((l) => l.forEach((i, k) => (order[i] = k)));
    const bary = (i: number, adj: { start: Int32Array; list: Int32Array }): number => {
      let sum = 0;
      let count = 0;
      for (let k = adj.start[i] as number; k < (adj.start[i + 1] as number); k++) {
        sum += order[adj.list[k] as number] as number;
        count++;
      }
      return count === 0 ? (order[i] as number) : sum / count;
    };
    for (let s = 0; s < SWEEPS; s++) {
      const forward = s % 2 === 0;
      const seq = forward ? layers.slice(1) : layers.slice(0, -1).reverse();
      for (const layer of seq) {
        const key = new Map(layer.map((i) => [i, bary(i, forward ? up : down)]));
        layer.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || (order[a] as number) - (order[b] as number));
        layer.forEach((i, k) => (order[i] = k));
      }
    }
    // Vertical placement: each node as close as possible to the centre of its parents, never overlapping.
    let bottom = top;
    for (const layer of layers) {
      let y = top;
      for (const i of layer) {
        const h = input.heights[i] as number;
        let want = y;
        let count = 0;
        let sum = 0;
        for (let k = up.start[i] as number; k < (up.start[i + 1] as number); k++) {
          const p = up.list[k] as number;
          sum += (out[p * 4 + 1] as number) + (out[p * 4 + 3] as number) / 2;
          count++;
        }
        if (count > 0) want = Math.max(y, sum / count - h / 2);
        const col = input.columns[i] as number;
        out[i * 4] = col * (NODE_WIDTH + LAYER_GAP);
        out[i * 4 + 1] = want;
        out[i * 4 + 2] = NODE_WIDTH;
        out[i * 4 + 3] = h;
        y = want + h + NODE_GAP;
      }
      bottom = Math.max(bottom, y);
    }
    top = bottom + COMPONENT_GAP;
  }
  return out;
}
