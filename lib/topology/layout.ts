/**
 * Layout adapter to elkjs: the view model as an ELK graph ('layered', left
 * to right, one partition per column), and positions read back by node id.
 * The ELK instance is passed in, so this module stays pure and the browser
 * can run ELK in a Web Worker.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { columnOf, nodeHeight, NODE_WIDTH } from './node-size';
import type { Positions, ViewModel } from './types';

/** What the pipeline needs from an ELK instance (real ELK, or a worker proxy). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Above this many nodes, cheaper crossing minimisation keeps layout well under 2 s. */
const LARGE_GRAPH = 800;

/** The ELK input for a model. Node order follows the model (sorted by id), so equal models give equal layouts. */
export function toElkGraph(model: ViewModel): ElkNode {
  const hasOut = new Set(model.edges.map((e) => e.source));
  const large = model.nodes.length > LARGE_GRAPH;
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': '18',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.spacing.componentComponent': '36',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.thoroughness': large ? '1' : '7',
      'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'BRANDES_KOEPF',
    },
    children: model.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: nodeHeight(n),
      layoutOptions: { 'elk.partitioning.partition': String(columnOf(n, hasOut.has(n.id))) },
    })),
    edges: model.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

/** Node boxes from a laid-out ELK graph. */
export function positionsFromElk(result: ElkNode): Positions {
  const out: Positions = {};
  for (const c of result.children ?? []) {
    out[c.id] = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? NODE_WIDTH, height: c.height ?? 0 };
  }
  return out;
}

/** Lays out a model with the given ELK instance. */
export async function layoutModel(model: ViewModel, elk: ElkLayouter): Promise<Positions> {
  if (model.nodes.length === 0) return {};
  return positionsFromElk(await elk.layout(toElkGraph(model)));
}
