/**
 * `drawTopology`: the graph {@link buildTopology} builds from a snapshot and
 * its computed status, drawn without holding that status whole. Each route is
 * evaluated, drawn and dropped in turn, so on a large cluster (10,000 routes)
 * the status of every route and the model never live at once: the server's
 * memory peak while it computes the topology is what it keeps, not twice that.
 */
import type { ComputeStatusOptions } from '../compute-status';
import { gatewayStatus } from '../gateway-status';
import { evaluateGateways } from '../gateways';
import { compareAttachments, evaluateRoute, routeStatus } from '../route-status';
import { indexSnapshot } from '../snapshot-index';
import type { Snapshot } from '../types';
import { objectKey } from '../types';
import { addGateway, ids } from './gateway-nodes';
import type { GraphSink } from './graph-builder';
import { addRoute } from './route-nodes';

/**
 * Draws into `sink` the same nodes and edges `buildTopology(snapshot,
 * computeStatus(snapshot, opts))` returns (the sink sorts them). Routes are
 * drawn first, in the snapshot's order as buildTopology does, with every
 * handled Gateway and listener already known to `has` (a route's rejected
 * parent edge points at them); Gateways follow, once their attached route
 * counts are known.
 */
export function drawTopology(snapshot: Snapshot, opts: ComputeStatusOptions, sink: GraphSink): void {
  const index = indexSnapshot(snapshot);
  const gateways = evaluateGateways(snapshot.gateways, index, opts);
  const known = new Set<string>();
  for (const [key, gw] of gateways) {
    known.add(ids.gateway(key));
    for (const l of gw.gateway.spec.listeners ?? []) known.add(ids.listener(key, l.name));
  }
  const g: GraphSink = {
    node: (n) => sink.node(n),
    edge: (e) => sink.edge(e),
    has: (id) => known.has(id) || sink.has(id),
  };
  // Attached routes per Gateway, then listener (ListenerStatus.attachedRoutes), as computeStatus counts them.
  const counts = new Map<string, Map<string, number>>();
  const fallback = opts.controllerNames[0];
  for (const [kind, routes] of [
    ['HTTPRoute', snapshot.httpRoutes],
    ['GRPCRoute', snapshot.grpcRoutes],
  ] as const) {
    for (const r of routes) {
      const key = objectKey(r);
      const ev = evaluateRoute(r, kind, key, gateways, index, fallback);
      for (const a of ev.attachments) {
        let m = counts.get(a.gateway);
        if (!m) counts.set(a.gateway, (m = new Map<string, number>()));
        m.set(a.listener, (m.get(a.listener) ?? 0) + 1);
      }
      // A route without a parent this controller handles has no status, and buildTopology skips it.
      if (ev.parents.length === 0) continue;
      const previous = opts.previous?.[kind === 'HTTPRoute' ? 'httpRoutes' : 'grpcRoutes'][key] ?? r.status;
      addRoute(g, kind, r, routeStatus(ev, opts.now, previous), ev.rules, [...ev.attachments].sort(compareAttachments));
    }
  }
  for (const gw of snapshot.gateways) {
    const key = objectKey(gw);
    const state = gateways.get(key);
    if (state)
      addGateway(
        sink,
        gw,
        gatewayStatus(state, counts.get(key) ?? new Map(), opts.now, opts.previous?.gateways[key] ?? gw.status),
      );
  }
}
