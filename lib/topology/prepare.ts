/**
 * The main thread's share of a layout, in slices. The structure key (does a
 * cached layout fit?) and the compact worker input are built in one pass
 * over nodes and edges, pausing every `slice` items, so a graph of thousands
 * of nodes never holds the main thread for one long task: the browser may
 * paint and handle input between slices.
 */
import { columnOf, nodeHeight } from './node-size';
import type { LayoutInput } from './layout-input';
import type { ViewModel } from './types';

/** Hands the thread back to the browser (a macrotask); injected so this module stays pure. */
export type Pause = () => Promise<void>;

/** What {@link prepareLayout} returns: the structure key and the worker input of the view. */
export interface PreparedLayout {
  /** Same value as `structureKey(view)`: node ids with heights, then edge ends. */
  key: string;
  input: LayoutInput;
}

/** Nodes or edges handled between two pauses; about 5 ms of work on a slow, busy machine. */
export const DEFAULT_SLICE = 1_500;

/**
 * Builds the structure key and the layout input together (one pass, not two),
 * pausing between slices. `live()` is asked after every pause: when it says
 * false (the view changed meanwhile) the work stops and `undefined` is returned.
 */
export async function prepareLayout(
  view: ViewModel,
  pause: Pause,
  live: () => boolean = () => true,
  slice = DEFAULT_SLICE,
): Promise<PreparedLayout | undefined> {
  const n = view.nodes.length;
  const index = new Map<string, number>();
  const ids = new Array<string>(n);
  const heights = new Uint16Array(n);
  const parts = new Array<string>(n + view.edges.length);
  // Checked inline (not an awaited helper per item): thousands of awaits would cost more than the work.
  let budget = slice;
  for (let i = 0; i < n; i++) {
    const node = view.nodes[i] as ViewModel['nodes'][number];
    const h = nodeHeight(node);
    index.set(node.id, i);
    ids[i] = node.id;
    heights[i] = h;
    parts[i] = `${node.id} ${h}`;
    if (--budget === 0) {
      budget = slice;
      await pause();
      if (!live()) return undefined;
    }
  }
  const pairs = new Uint32Array(view.edges.length * 2);
  const hasOut = new Uint8Array(n);
  let used = 0;
  for (let k = 0; k < view.edges.length; k++) {
    const e = view.edges[k] as ViewModel['edges'][number];
    parts[n + k] = `${e.source}>${e.target}`;
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) {
      pairs[used++] = s;
      pairs[used++] = t;
      hasOut[s] = 1;
    }
    if (--budget === 0) {
      budget = slice;
      await pause();
      if (!live()) return undefined;
    }
  }
  const columns = new Uint8Array(n);
  for (let i = 0; i < n; i++) columns[i] = columnOf(view.nodes[i] as ViewModel['nodes'][number], hasOut[i] === 1);
  // A copy, not a view: the worker takes the buffer, which must hold exactly the pairs.
  const edges = used === pairs.length ? pairs : pairs.slice(0, used);
  return { key: parts.join('\n'), input: { ids, columns, heights, edges } };
}
