/** The main-thread part of a layout, exactly as the page runs it. */
import { structureKey } from '../../lib/topology/layout-cache';
import { toLayoutInput } from '../../lib/topology/layout-input';
import { viewOf } from '../../lib/topology/pipeline';
import type { ViewModel } from '../../lib/topology/types';

/** View, structure key (cache lookup) and compact layout input for a model. */
export function layoutKey(model: ViewModel, collapse: boolean, focus?: string) {
  const view = viewOf(model, { collapse, ...(focus ? { focus } : {}) });
  structureKey(view);
  return { input: toLayoutInput(view), nodes: view.nodes.length, edges: view.edges.length };
}
