/** The main-thread part of a layout, exactly as the page's useLayout runs it. */
import { yieldToMain } from '../../components/topology/yield-to-main';
import type { LayoutClient } from '../../components/topology/layout-client';
import type { LayoutCache } from '../../lib/topology/layout-cache';
import { needsSlicing, viewOf, viewOfSliced } from '../../lib/topology/pipeline';
import { prepareLayout } from '../../lib/topology/prepare';
import type { ViewModel } from '../../lib/topology/types';

/** One layout as the page does it: view pipeline, sliced preparation, cache lookup, worker layout. */
export async function pageLayout(
  model: ViewModel,
  collapse: boolean,
  focus: string | undefined,
  client: LayoutClient,
  cache: LayoutCache,
) {
  const t0 = performance.now();
  const options = { collapse, ...(focus ? { focus } : {}) };
  // As useView: large models with work to do are shaped in slices.
  const view = needsSlicing(model, options) ? await viewOfSliced(model, options, yieldToMain) : viewOf(model, options);
  if (!view) throw new Error('the view was abandoned');
  const prepared = await prepareLayout(view, yieldToMain);
  if (!prepared) throw new Error('the preparation was abandoned');
  const prepMs = performance.now() - t0;
  const base = { nodes: view.nodes.length, edges: view.edges.length, prepMs };
  const known = cache.getByKey(prepared.key);
  if (known) return { ...base, engine: 'cache', ms: 0, count: Object.keys(known).length };
  const res = await client.layout(prepared.input);
  cache.setByKey(prepared.key, res.positions);
  return { ...base, engine: res.engine, ms: res.ms, count: Object.keys(res.positions).length };
}

/** A copy of the model where every Service changed health (a live update that moves nothing). */
export function healthUpdate(model: ViewModel): ViewModel {
  return {
    nodes: model.nodes.map((n) =>
      n.kind === 'service' ? { ...n, health: 'warning' as const, reason: 'no ready endpoints' } : n,
    ),
    edges: model.edges,
  };
}
