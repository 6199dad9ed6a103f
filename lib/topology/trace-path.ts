/**
 * Turns the engine's routing decision into what the graph highlights: the
 * nodes and edges of the request's path, the chosen backend and its
 * weighted alternatives, or the node where the request stops and why.
 */
import { topologyIds as ids } from '@/lib/gateway-api/topology';
import type { NoMatchExplanation, RoutingDecision } from '@/lib/gateway-api/routing';
import type { ViewModel } from './types';

/** One hop of the traced path, as the side panel lists it. */
export interface TraceHop {
  kind: 'entry' | 'gateway' | 'listener' | 'route' | 'rule' | 'backend' | 'stop';
  nodeId?: string;
  text: string;
}

/** What to highlight for one traced request. */
export interface TracePath {
  /** Nodes on the path (chosen backend included). */
  nodes: string[];
  /** Edges on the path, in the current view (collapsed or not). */
  edges: string[];
  /** Weighted alternatives of the matched rule (other backends that share the traffic). */
  alternatives: string[];
  /** Closest candidates of a request that matched nothing. */
  nearMisses: string[];
  hops: TraceHop[];
  /** Where and why the request stops short of a backend (404, 421, 500, redirect…). */
  stop?: { nodeId?: string; status?: number; reason: string };
}

function backendId(model: ViewModel, ns: string, name: string): string {
  const svc = ids.service(`${ns}/${name}`);
  return model.nodes.some((n) => n.id === svc) ? svc : ids.missing('Service', `${ns}/${name}`);
}

/** The highlighted path of a decision (and, when nothing matched, the engine's near misses). */
export function tracePath(model: ViewModel, d: RoutingDecision, noMatch?: NoMatchExplanation): TracePath {
  const hops: TraceHop[] = [];
  const path: string[] = [];
  const alternatives: string[] = [];
  const nearMisses: string[] = [];
  const gw = d.gateway ?? noMatch?.gateway;
  const listener = d.listener ?? noMatch?.listener;
  let last: string | undefined;
  if (gw) {
    last = ids.gateway(gw);
    path.push(last);
    hops.push({ kind: 'gateway', nodeId: last, text: `Gateway ${gw}` });
  }
  if (gw && listener) {
    last = ids.listener(gw, listener);
    path.push(last);
    // Entry points into this listener are where the client connected.
    for (const e of model.edges) if (e.kind === 'entry' && e.target === last) path.push(e.source);
    hops.push({ kind: 'listener', nodeId: last, text: `Listener ${listener}` });
  }
  if (gw && listener && d.route && d.routeKind) {
    last = ids.route(d.routeKind, d.route);
    path.push(last);
    hops.push({ kind: 'route', nodeId: last, text: `${d.routeKind} ${d.route}` });
    if (d.ruleIndex !== undefined) {
      last = ids.rule(d.routeKind, d.route, d.ruleIndex);
      path.push(last);
      const ruleNode = model.nodes.find((n) => n.id === last);
      hops.push({ kind: 'rule', nodeId: last, text: `Rule ${d.ruleIndex}${ruleNode ? `: ${ruleNode.label}` : ''}` });
    }
  }
  if (d.backend && d.outcome === 'forward') {
    last = backendId(model, d.backend.namespace, d.backend.service);
    path.push(last);
    const alt = d.alternatives.find((a) => a.service === d.backend?.service && a.namespace === d.backend?.namespace);
    const share = alt ? ` (${Math.round(alt.probability * 100)}% of requests)` : '';
    hops.push({
      kind: 'backend',
      nodeId: last,
      text: `Service ${d.backend.namespace}/${d.backend.service}${d.backend.port ? `:${d.backend.port}` : ''}${share}`,
    });
  }
  for (const a of d.alternatives) {
    const id = backendId(model, a.namespace, a.service);
    if (!path.includes(id)) alternatives.push(id);
  }
  if (noMatch && d.routeKind === undefined) {
    for (const c of noMatch.closest) if (c.route) nearMisses.push(ids.route('HTTPRoute', c.route));
  }
  let stop: TracePath['stop'];
  if (d.outcome !== 'forward' || d.status !== undefined) {
    const reason =
      d.redirect !== undefined
        ? `Redirect ${d.redirect.status} to ${d.redirect.location}`
        : (noMatch?.summary ?? [...d.explanation].reverse().find((s) => !s.chosen)?.reason ?? `answered ${d.status ?? ''}`);
    stop = { ...(last ? { nodeId: last } : {}), ...(d.status !== undefined ? { status: d.status } : {}), reason };
    hops.push({
      kind: 'stop',
      ...(last ? { nodeId: last } : {}),
      text: `Stops${d.status ? ` with HTTP ${d.status}` : ''}: ${reason}`,
    });
  }
  const onPath = new Set(path);
  const ruleId = d.routeKind && d.route && d.ruleIndex !== undefined ? ids.rule(d.routeKind, d.route, d.ruleIndex) : undefined;
  const edges = model.edges
    .filter((e) => e.kind !== 'rejected' && onPath.has(e.source) && onPath.has(e.target))
    // Collapsed view: a route → backend edge is on the path only when it carries the matched rule.
    .filter((e) => !e.via || (ruleId !== undefined && e.via.includes(ruleId)))
    .map((e) => e.id);
  return { nodes: path, edges, alternatives, nearMisses, hops, ...(stop ? { stop } : {}) };
}
