/**
 * The view pipeline in one call: model → filter → collapse → focus. Layout
 * is the asynchronous last step (see layout.ts), run off the main thread.
 */
import { collapseRules } from './collapse';
import { filterModel, noFilters } from './filter';
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

/**
 * The same view, one step per task: filter, collapse and focus each run
 * between pauses, so on a large model the main thread is held for the
 * longest step rather than their sum. `undefined` when `live()` turned false
 * (the options changed meanwhile).
 */
export async function viewOfSliced(
  model: ViewModel,
  o: PipelineOptions,
  pause: () => Promise<void>,
  live: () => boolean = () => true,
): Promise<ViewModel | undefined> {
  const steps: Array<(m: ViewModel) => ViewModel> = [
    (m) => filterModel(m, o),
    (m) => (o.collapse ? collapseRules(m) : m),
    (m) => focusOn(m, o.focus),
  ];
  let out = model;
  for (const step of steps) {
    const next = step(out);
    if (next !== out) {
      await pause();
      if (!live()) return undefined;
    }
    out = next;
  }
  return out;
}

/** Models up to this many nodes get their view synchronously (a few milliseconds); larger ones in slices. */
export const SYNC_VIEW_LIMIT = 1_500;

/** True when the view of `model` should be computed with {@link viewOfSliced}: large, and some step has work to do. */
export function needsSlicing(model: ViewModel, o: PipelineOptions): boolean {
  return model.nodes.length > SYNC_VIEW_LIMIT && (!noFilters(o) || Boolean(o.collapse) || Boolean(o.focus));
}
