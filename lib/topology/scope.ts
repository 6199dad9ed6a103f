/**
 * What of a large cluster's topology crosses to the browser. A model of tens
 * of thousands of nodes (10,000 routes) is neither sendable nor readable whole:
 * above {@link SERVER_SCOPE_LIMIT} nodes the server applies the view's filters,
 * collapse and focus itself, and when the result is still too large, keeps the
 * paths of as many Gateways as fit under {@link SUMMARY_NODE_CAP} (unhealthy ones
 * first, since a reviewer looks for problems) and says how many it left out.
 */
import { worst, type Health } from '@/lib/gateway-api/topology';
import { induced, noFilters } from './filter';
import { adjacency, pathsThrough, type Adjacency } from './graph-walk';
import { viewOf, type PipelineOptions } from './pipeline';
import type { ViewModel, ViewNode } from './types';

/** Models up to this many nodes go to the browser whole, which filters and lays them out itself. */
export const SERVER_SCOPE_LIMIT = 5_000;

/** Largest graph the server sends for a large model: the column layout and React Flow stay quick at this size. */
export const SUMMARY_NODE_CAP = 1_200;

/** How the model a browser received relates to the whole topology. */
export type TopologyScope =
  | { mode: 'whole' }
  | {
      mode: 'server';
      /** The options the server applied (the browser must not filter again with others). */
      key: string;
      /** Nodes in the whole model, and in the filtered view before the cap. */
      totalNodes: number;
      viewNodes: number;
      /** Gateways in the filtered view, and how many of them were kept under the cap. */
      gateways: number;
      shownGateways: number;
      /** Nodes of the filtered view left out by the cap (Gateways' paths and unattached objects). */
      omittedNodes: number;
    };

/** The options a server-scoped view depends on, as a stable string (query key and URL of the refetch). */
export function scopeKey(o: PipelineOptions): string {
  const p = new URLSearchParams();
  if (o.namespace) p.set('ns', o.namespace);
  if (o.gateway) p.set('gw', o.gateway);
  if (o.hostname?.trim()) p.set('host', o.hostname.trim());
  if (o.text?.trim()) p.set('q', o.text.trim());
  if (o.collapse) p.set('collapse', '1');
  if (o.focus) p.set('focus', o.focus);
  return p.toString();
}

/** Reads what {@link scopeKey} wrote (the route handler's query). */
export function scopeOptions(p: URLSearchParams): PipelineOptions {
  const o: PipelineOptions = { collapse: p.get('collapse') === '1' };
  const put = (k: 'namespace' | 'gateway' | 'hostname' | 'text' | 'focus', v: string | null) => {
    if (v && v.trim() !== '') o[k] = v;
  };
  put('namespace', p.get('ns'));
  put('gateway', p.get('gw'));
  put('hostname', p.get('host'));
  put('text', p.get('q'));
  put('focus', p.get('focus'));
  return o;
}

const RANK: Record<Health, number> = { error: 0, warning: 1, ok: 2 };

/** The worst health on a Gateway's paths: a Gateway with a broken route sorts before a healthy one. */
function pathHealth(ids: ReadonlySet<string>, byId: ReadonlyMap<string, ViewNode>): Health {
  let h: Health = 'ok';
  for (const id of ids) {
    const n = byId.get(id);
    if (n) h = worst(h, n.health);
    if (h === 'error') break;
  }
  return h;
}

/** A Gateway's paths: its listeners with their entry points upstream and everything downstream. */
function gatewayPaths(id: string, adj: Adjacency): Set<string> {
  const seeds = [id, ...(adj.out.get(id) ?? [])];
  return pathsThrough(seeds, adj);
}

/**
 * Keeps whole Gateways' paths, worst health first (then by id, so equal
 * clusters give equal pictures), while they fit under `cap`; at least one.
 * With no Gateway in the view (e.g. a text filter that matched Services), the
 * first `cap` nodes of the view, worst health first, with their edges.
 */
export function capByGateway(view: ViewModel, cap: number): { model: ViewModel; gateways: number; shown: number } {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const adj = adjacency(view.edges);
  const gateways = view.nodes.filter((n) => n.kind === 'gateway');
  if (gateways.length === 0) {
    const first = [...view.nodes].sort((a, b) => RANK[a.health] - RANK[b.health] || a.id.localeCompare(b.id)).slice(0, cap);
    return { model: induced(view, new Set(first.map((n) => n.id))), gateways: 0, shown: 0 };
  }
  const ranked = gateways
    .map((g) => {
      const paths = gatewayPaths(g.id, adj);
      return { id: g.id, paths, rank: RANK[pathHealth(paths, byId)] };
    })
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  const keep = new Set<string>();
  let shown = 0;
  for (const g of ranked) {
    let added = 0;
    for (const id of g.paths) if (!keep.has(id)) added++;
    if (shown > 0 && keep.size + added > cap) continue;
    for (const id of g.paths) keep.add(id);
    shown++;
  }
  return { model: induced(view, keep), gateways: gateways.length, shown };
}

/**
 * The model to send for these view options: the whole model when it is small
 * enough for the browser (which then filters it itself), otherwise the view
 * computed here, capped by Gateway.
 */
export function scopeModel(
  model: ViewModel,
  o: PipelineOptions,
  limits: { scopeLimit?: number; cap?: number } = {},
): { model: ViewModel; scope: TopologyScope } {
  const { scopeLimit = SERVER_SCOPE_LIMIT, cap = SUMMARY_NODE_CAP } = limits;
  if (model.nodes.length <= scopeLimit) return { model, scope: { mode: 'whole' } };
  const view = noFilters(o) && !o.collapse && !o.focus ? model : viewOf(model, o);
  const capped = view.nodes.length <= cap ? undefined : capByGateway(view, cap);
  const out = capped?.model ?? view;
  const gateways = capped?.gateways ?? view.nodes.filter((n) => n.kind === 'gateway').length;
  return {
    model: out,
    scope: {
      mode: 'server',
      key: scopeKey(o),
      totalNodes: model.nodes.length,
      viewNodes: view.nodes.length,
      gateways,
      shownGateways: capped ? capped.shown : gateways,
      omittedNodes: view.nodes.length - out.nodes.length,
    },
  };
}
