/**
 * "Pick a host and path from the graph": a concrete request for a listener,
 * route or rule node, to fill the trace box with. The host comes from the
 * hostnames the route attached with (the intersection of listener and route
 * hostnames), else the route's or listener's own hostname, else the
 * Gateway's address; the scheme and port from the listener; the path,
 * method and headers from the rule's first match.
 */
import type { ViewEdge, ViewModel, ViewNode } from './types';

/** A request to trace: what the trace box holds. */
export interface PickedRequest {
  url: string;
  method: string;
  headers: string[];
}

/**
 * A concrete host for a hostname pattern: `*.example.com` becomes
 * `<label>.example.com` (a wildcard stands for one or more labels,
 * Listener.hostname); `*` or empty has none.
 */
export function concreteHost(pattern: string | undefined, label = 'www'): string | undefined {
  const p = pattern?.trim();
  if (!p || p === '*') return undefined;
  return p.startsWith('*.') ? `${label}.${p.slice(2)}` : p;
}

function firstHost(patterns: Iterable<string | undefined>, label: string): string | undefined {
  for (const p of patterns) {
    const h = concreteHost(p, label);
    if (h) return h;
  }
  return undefined;
}

/** The listener, route and rule a node stands on (walking the view's edges), if any. */
function anchorsOf(view: ViewModel, node: ViewNode) {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const into = (id: string, kind: ViewEdge['kind']) => view.edges.filter((e) => e.target === id && e.kind === kind);
  const rule = node.kind === 'rule' ? node : undefined;
  const routeId = rule ? into(rule.id, 'rule')[0]?.source : node.kind === 'route' ? node.id : undefined;
  const route = routeId ? byId.get(routeId) : undefined;
  const firstRule =
    rule ?? (route ? byId.get(view.edges.find((e) => e.source === route.id && e.kind === 'rule')?.target ?? '') : undefined);
  const attachment = route ? into(route.id, 'attachment')[0] : undefined;
  const listener = node.kind === 'listener' ? node : attachment ? byId.get(attachment.source) : undefined;
  return { route, rule: firstRule, attachment, listener, byId, into };
}

/** The request to trace for a node, or undefined when none fits (not HTTP, or not reachable through a listener). */
export function pickRequest(view: ViewModel, nodeId: string): PickedRequest | undefined {
  const node = view.nodes.find((n) => n.id === nodeId);
  if (!node || !['listener', 'route', 'rule'].includes(node.kind)) return undefined;
  const { route, rule, attachment, listener, into, byId } = anchorsOf(view, node);
  if (!listener) return undefined;
  const protocol = String(listener.detail?.protocol ?? '');
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') return undefined;
  const scheme = protocol === 'HTTPS' ? 'https' : 'http';
  const port = Number(listener.detail?.port ?? (scheme === 'https' ? 443 : 80));
  const routeHosts = String(route?.detail?.hostnames ?? '').split(',');
  // A listener without a route: the hostnames its routes attached with are concrete ones it serves.
  const attachedHosts =
    node.kind === 'listener' ? view.edges.filter((e) => e.source === listener.id).flatMap((e) => e.hostnames ?? []) : [];
  const address = into(listener.id, 'entry')
    .map((e) => byId.get(e.source)?.detail?.address)
    .find((a): a is string => typeof a === 'string' && a !== '');
  // A collapsed route carries its first rule's sample itself.
  const d = rule?.detail ?? route?.detail;
  // A wildcard is filled with the backend's name (`*.aliyun.com` → `httpbin.aliyun.com`), as people name hosts.
  const from = rule?.id ?? route?.id;
  const backend = from ? view.edges.find((e) => e.source === from && e.kind === 'backend') : undefined;
  const name = backend?.target.split('/').pop() ?? '';
  const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name) ? name : 'www';
  const host =
    firstHost(
      [...(attachment?.hostnames ?? []), ...routeHosts, String(listener.detail?.hostname ?? ''), ...attachedHosts],
      label,
    ) ?? address;
  if (!host) return undefined;
  const path = typeof d?.samplePath === 'string' ? d.samplePath : '/';
  const defaultPort = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  return {
    url: `${scheme}://${host}${defaultPort ? '' : `:${port}`}${path}`,
    method: typeof d?.sampleMethod === 'string' ? d.sampleMethod : 'GET',
    headers: typeof d?.sampleHeaders === 'string' ? d.sampleHeaders.split('\n') : [],
  };
}
