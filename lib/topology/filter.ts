/**
 * Narrows the graph to what a reviewer asked about, keeping whole paths:
 * a matching node brings everything upstream (who can reach it) and
 * downstream (where its traffic goes), so a filtered view never shows a
 * route without the listener that serves it.
 */
import { hostnameCovers } from '@/lib/gateway-api/hostnames';
import { adjacency, pathsThrough, reach } from './graph-walk';
import type { TopologyFilters, ViewModel, ViewNode } from './types';

/** Keeps only the edges whose both ends are kept. */
export function induced(model: ViewModel, keep: ReadonlySet<string>): ViewModel {
  return {
    nodes: model.nodes.filter((n) => keep.has(n.id)),
    edges: model.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}

function namespaceOf(n: ViewNode): string | undefined {
  const key = n.objectKey;
  if (!key) return undefined;
  const slash = key.indexOf('/');
  return slash >= 0 ? key.slice(0, slash) : undefined;
}

/** Hostname patterns a node serves: listener hostname, route hostnames; undefined = not host-scoped. */
function hostPatterns(n: ViewNode): string[] | undefined {
  const d = n.detail;
  if (n.kind === 'listener') return [String(d?.hostname ?? '*')];
  if (n.kind === 'route')
    return String(d?.hostnames ?? '*')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
  return undefined;
}

/**
 * True when a listener or route with these hostname patterns serves `host`.
 * Patterns intersect per HTTPRouteSpec.hostnames: either side may be the
 * wildcard that covers the other; `*` (no hostname) serves every host.
 */
export function servesHost(patterns: readonly string[], host: string): boolean {
  const h = host.trim().toLowerCase();
  return patterns.some((p) => {
    const q = p.toLowerCase();
    return q === '*' || q === '' || hostnameCovers(q, h) || hostnameCovers(h, q);
  });
}

function textOf(n: ViewNode): string {
  return `${n.label} ${n.objectKey ?? ''} ${n.reason ?? ''} ${n.rules?.join(' ') ?? ''}`.toLowerCase();
}

/** True when no filter is set. */
export function noFilters(f: TopologyFilters): boolean {
  return !f.namespace && !f.gateway && !f.hostname && !f.text;
}

/**
 * The node test of the namespace, hostname and text filters (all must hold):
 * the nodes whose paths {@link filterModel} keeps.
 */
export function seedFilter(f: TopologyFilters): (n: ViewNode) => boolean {
  const host = f.hostname?.trim();
  const text = f.text?.trim().toLowerCase();
  const ns = f.namespace?.trim();
  return (n) => {
    if (ns && namespaceOf(n) !== ns) return false;
    if (host) {
      const p = hostPatterns(n);
      if (!p || !servesHost(p, host)) return false;
    }
    if (text && !textOf(n).includes(text)) return false;
    return true;
  };
}

/**
 * Applies the filters. `gateway` restricts the graph to that Gateway's entry
 * points and everything downstream of it; `namespace`, `hostname` and `text`
 * (all must hold on the same node) pick seed nodes whose paths are kept.
 */
export function filterModel(model: ViewModel, f: TopologyFilters): ViewModel {
  if (noFilters(f)) return model;
  let out = model;
  if (f.gateway) {
    const adj = adjacency(model.edges);
    const gwId = `gateway:${f.gateway}`;
    if (!model.nodes.some((n) => n.id === gwId)) return { nodes: [], edges: [] };
    out = induced(model, pathsThrough([gwId], adj));
  }
  const host = f.hostname?.trim();
  const text = f.text?.trim().toLowerCase();
  const ns = f.namespace?.trim();
  if (!host && !text && !ns) return out;
  const seeds = out.nodes.filter(seedFilter(f));
  const adj = adjacency(out.edges);
  // A listener matched by host keeps only its upstream: its other routes serve other hosts.
  const upOnly = host ? seeds.filter((n) => n.kind === 'listener').map((n) => n.id) : [];
  const keep = pathsThrough(
    seeds.filter((n) => !(host && n.kind === 'listener')).map((n) => n.id),
    adj,
  );
  reach(upOnly, adj.in, keep);
  return induced(out, keep);
}
