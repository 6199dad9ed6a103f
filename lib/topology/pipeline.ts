/**
 * The view pipeline in one call: model → filter → collapse → focus. Layout
 * is the asynchronous last step (see layout.ts), run off the main thread.
 */
import { collapseRules } from './collapse';
import { filterModel } from './filter';
import { focusOn } from './focus';
import type { TopologyFilters, ViewModel } from './types';

/** The view's knobs that change which nodes and edges are drawn. */
export interface PipelineOptions extends TopologyFilters {
  collapse?: boolean;
  focus?: string;
}

/** The graph to draw for these options. */
export function viewOf(model: ViewModel, o: PipelineOptions): ViewModel {
  const filtered = filterModel(model, o);
  const shaped = o.collapse ? collapseRules(filtered) : filtered;
  return focusOn(shaped, o.focus);
}
