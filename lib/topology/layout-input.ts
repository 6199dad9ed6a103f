/**
 * The compact form of a view that crosses to the layout worker: ids, columns
 * and heights per node, edges as index pairs. Typed arrays are transferred,
 * not copied, so the main thread pays almost nothing to hand a large graph over.
 */
import { columnOf, nodeHeight } from './node-size';
import type { Positions, ViewModel } from './types';

/** What the layout worker receives. */
export interface LayoutInput {
  ids: string[];
  columns: Uint8Array;
  heights: Uint16Array;
  /** Pairs `[source, target]` of node indices. */
  edges: Uint32Array;
}

/** Builds the compact input; edges with an end outside the view are dropped. */
export function toLayoutInput(view: ViewModel): LayoutInput {
  const n = view.nodes.length;
  const index = new Map<string, number>();
  const ids = new Array<string>(n);
  const heights = new Uint16Array(n);
  view.nodes.forEach((node, i) => {
    index.set(node.id, i);
    ids[i] = node.id;
    heights[i] = nodeHeight(node);
  });
  const pairs: number[] = [];
  const hasOut = new Uint8Array(n);
  for (const e of view.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    pairs.push(s, t);
    hasOut[s] = 1;
  }
  const columns = new Uint8Array(n);
  view.nodes.forEach((node, i) => (columns[i] = columnOf(node, hasOut[i] === 1)));
  return { ids, columns, heights, edges: Uint32Array.from(pairs) };
}

/** Positions by id from the flat `[x, y, width, height]` array a layout returns. */
export function positionsOf(ids: readonly string[], flat: Float64Array): Positions {
  const out: Positions = {};
  for (let i = 0; i < ids.length; i++) {
    out[ids[i] as string] = {
      x: flat[i * 4] as number,
      y: flat[i * 4 + 1] as number,
      width: flat[i * 4 + 2] as number,
      height: flat[i * 4 + 3] as number,
    };
  }
  return out;
}
