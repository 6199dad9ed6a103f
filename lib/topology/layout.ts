/**
 * Layout adapter: elkjs ('layered', left to right, one partition per
 * column) for the graphs a reviewer reads node by node, and the linear
 * column layout (column-layout.ts) above {@link ELK_NODE_LIMIT} nodes, where
 * ELK's layered algorithm takes far longer than the 2 s a page may take.
 * The ELK instance is passed in, so this module stays pure and the browser
 * runs it in a Web Worker.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { columnLayout } from './column-layout';
import { positionsOf, toLayoutInput, type LayoutInput } from './layout-input';
import type { Positions, ViewModel } from './types';

/** What the pipeline needs from an ELK instance (real ELK, or a worker proxy). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Largest graph laid out with ELK; measured in BENCHMARKS.md (ELK layered grows far faster than linearly). */
export const ELK_NODE_LIMIT = 300;

/** The ELK input for a layout input. Node order follows the view (sorted by id), so equal views give equal layouts. */
export function toElkGraph(input: LayoutInput): ElkNode {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': '18',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.spacing.componentComponent': '36',
      // Edges are drawn by the page, not by ELK: the cheapest routing is enough.
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: input.ids.map((id, i) => ({
      id,
      width: 232,
      height: input.heights[i] as number,
      layoutOptions: { 'elk.partitioning.partition': String(input.columns[i]) },
    })),
    edges: Array.from({ length: input.edges.length / 2 }, (_, k) => ({
      id: `e${k}`,
      sources: [input.ids[input.edges[2 * k] as number] as string],
      targets: [input.ids[input.edges[2 * k + 1] as number] as string],
    })),
  };
}

/** Flat `[x, y, width, height]` per node from a laid-out ELK graph, in input order. */
export function flatFromElk(input: LayoutInput, result: ElkNode): Float64Array {
  const out = new Float64Array(input.ids.length * 4);
  const at = new Map(input.ids.map((id, i) => [id, i]));
  for (const c of result.children ?? []) {
    const i = at.get(c.id);
    if (i === undefined) continue;
    out.set([c.x ?? 0, c.y ?? 0, c.width ?? 232, c.height ?? 0], i * 4);
  }
  return out;
}

/** Lays out a compact input: ELK up to {@link ELK_NODE_LIMIT} nodes, the column layout above. */
export async function runLayout(
  input: LayoutInput,
  elk: ElkLayouter,
): Promise<{ flat: Float64Array; engine: 'elk' | 'columns' }> {
  if (input.ids.length > ELK_NODE_LIMIT) return { flat: columnLayout(input), engine: 'columns' };
  return { flat: flatFromElk(input, await elk.layout(toElkGraph(input))), engine: 'elk' };
}

/** Lays out a view (tests and tools; the page goes through the worker with the same steps). */
export async function layoutModel(model: ViewModel, elk: ElkLayouter): Promise<Positions> {
  if (model.nodes.length === 0) return {};
  const input = toLayoutInput(model);
  return positionsOf(input.ids, (await runLayout(input, elk)).flat);
}
