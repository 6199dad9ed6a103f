/**
 * `buildTopology`: the graph of entry points, Gateways, listeners, routes,
 * rules and backends, from a snapshot and the engine's status.
 */
import type { EngineStatus, Snapshot } from '../types';
import { objectKey } from '../types';
import { addGateway } from './gateway-nodes';
import { GraphBuilder } from './graph-builder';
import type { TopologyModel } from './model';
import { addRoute } from './route-nodes';

/**
 * Builds the topology of everything the status covers (Gateways this
 * controller handles and routes with a parent entry from it). Output is
 * sorted by id, so it is identical for any input order.
 */
export function buildTopology(snapshot: Snapshot, status: EngineStatus): TopologyModel {
  const g = new GraphBuilder();
  for (const gw of snapshot.gateways) {
    const st = status.gateways[objectKey(gw)];
    if (st) addGateway(g, gw, st);
  }
  const byRoute = new Map<string, EngineStatus['attachments']>();
  for (const a of status.attachments) {
    const k = `${a.routeKind}:${a.route}`;
    const list = byRoute.get(k) ?? [];
    list.push(a);
    byRoute.set(k, list);
  }
  for (const [kind, routes, statuses] of [
    ['HTTPRoute', snapshot.httpRoutes, status.httpRoutes],
    ['GRPCRoute', snapshot.grpcRoutes, status.grpcRoutes],
  ] as const) {
    for (const r of routes) {
      const key = objectKey(r);
      const st = statuses[key];
      if (st) addRoute(g, kind, r, st, status.backends[kind][key] ?? [], byRoute.get(`${kind}:${key}`) ?? []);
    }
  }
  return g.build();
}
