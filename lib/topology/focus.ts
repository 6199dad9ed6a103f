/**
 * Focus mode: one node and the paths through it (everything upstream that
 * can send it traffic, everything downstream its traffic can reach).
 */
import { induced } from './filter';
import { adjacency, pathsThrough } from './graph-walk';
import type { ViewModel } from './types';

/**
 * The focused subgraph; the whole model when `nodeId` is empty, and an
 * empty graph when the node is not in the model (e.g. it was deleted).
 */
export function focusOn(model: ViewModel, nodeId: string | undefined): ViewModel {
  if (!nodeId) return model;
  if (!model.nodes.some((n) => n.id === nodeId)) return { nodes: [], edges: [] };
  return induced(model, pathsThrough([nodeId], adjacency(model.edges)));
}
