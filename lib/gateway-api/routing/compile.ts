/**
 * `compileRoutes`: turns a snapshot and the status engine's output into a
 * {@link RouteTable} indexed by gateway address and port.
 */
import type { Attachment, EngineStatus, Gateway, GRPCRoute, HTTPRoute, Snapshot } from '../types';
import { compileGrpcRoute, compileHttpRoute } from './compile-rules';
import { compareListenerHostnames } from './hostname';
import { compareGrpcCandidates, compareHttpCandidates } from './precedence';
import { indexServices, makeRefResolver } from './refs';
import { gatewayAddresses, inactiveReason } from './gateway-info';
import type { CompiledListener, GrpcCandidate, HostIndex, HttpCandidate, InactiveListener, RouteTable } from './table';

/** What `compileRoutes` needs from `computeStatus`; gateway statuses are optional. */
export type RoutingStatusInput = Pick<EngineStatus, 'attachments'> & Partial<Omit<EngineStatus, 'attachments'>>;

function emptyIndex<C>(): HostIndex<C> {
  return { exact: new Map(), wildcards: [], any: [] };
}

function addToIndex<C>(index: HostIndex<C>, hostnames: string[], items: C[]): void {
  if (hostnames.length === 0) {
    index.any.push(...items);
    return;
  }
  for (const h of new Set(hostnames.map((x) => x.toLowerCase()))) {
    if (h.startsWith('*.')) {
      let w = index.wildcards.find((x) => x.hostname === h);
      if (!w) index.wildcards.push((w = { hostname: h, suffix: h.slice(1), candidates: [] }));
      w.candidates.push(...items);
    } else {
      const list = index.exact.get(h);
      if (list) list.push(...items);
      else index.exact.set(h, [...items]);
    }
  }
}

function sortIndex<C>(index: HostIndex<C>, cmp: (a: C, b: C) => number): void {
  for (const list of index.exact.values()) list.sort(cmp);
  for (const w of index.wildcards) w.candidates.sort(cmp);
  index.any.sort(cmp);
  // Spec (HTTPRoute.hostnames): the most characters in a matching hostname wins.
  index.wildcards.sort((a, b) => b.hostname.length - a.hostname.length || (a.hostname < b.hostname ? -1 : 1));
}

function createdMs(g: Gateway): number {
  const t = g.metadata.creationTimestamp ? Date.parse(g.metadata.creationTimestamp) : NaN;
  return Number.isNaN(t) ? Infinity : t;
}

/**
 * Precomputes routing for every serving listener: routes attached to it (from
 * `status.attachments`), their matches sorted by the spec's precedence, bucketed
 * by route hostname. Cost is paid once per snapshot; {@link routeHttp} then only scans.
 */
export function compileRoutes(snapshot: Snapshot, status: RoutingStatusInput): RouteTable {
  const services = indexServices(snapshot);
  const resolve = makeRefResolver(snapshot, services);
  const httpRoutes = new Map<string, HTTPRoute>(
    snapshot.httpRoutes.map((r) => [`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, r]),
  );
  const grpcRoutes = new Map<string, GRPCRoute>(
    snapshot.grpcRoutes.map((r) => [`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, r]),
  );
  const byListener = new Map<string, Attachment[]>();
  for (const a of status.attachments) {
    const k = `${a.gateway}#${a.listener}`;
    const list = byListener.get(k);
    if (list) list.push(a);
    else byListener.set(k, [a]);
  }
  const httpCache = new Map<string, HttpCandidate[]>();
  const grpcCache = new Map<string, GrpcCandidate[]>();
  const table: RouteTable = { byAddressPort: new Map(), byPort: new Map(), inactive: [] };
  const inactive: InactiveListener[] = table.inactive;

  for (const gw of snapshot.gateways) {
    const key = `${gw.metadata.namespace ?? 'default'}/${gw.metadata.name}`;
    const gwStatus = status.gateways?.[key];
    if (status.gateways && !gwStatus) continue; // not a Gateway of a handled class
    const addresses = gatewayAddresses(gw, key, gwStatus, (k) => services.get(k));
    for (const l of gw.spec.listeners) {
      const why = inactiveReason(gwStatus, l.name);
      if (why) {
        inactive.push({ gateway: key, listener: l.name, port: l.port, reason: why });
        continue;
      }
      const cl: CompiledListener = {
        gateway: key,
        gatewayCreatedMs: createdMs(gw),
        name: l.name,
        hostname: l.hostname || undefined,
        port: l.port,
        protocol: l.protocol,
        http: emptyIndex(),
        grpc: emptyIndex(),
      };
      for (const a of byListener.get(`${key}#${l.name}`) ?? []) {
        if (a.routeKind === 'HTTPRoute') {
          const r = httpRoutes.get(a.route);
          if (!r) continue;
          let c = httpCache.get(a.route);
          if (!c) httpCache.set(a.route, (c = compileHttpRoute(r, status.backends?.HTTPRoute?.[a.route], resolve)));
          addToIndex(cl.http, a.hostnames, c);
        } else {
          const r = grpcRoutes.get(a.route);
          if (!r) continue;
          let c = grpcCache.get(a.route);
          if (!c) grpcCache.set(a.route, (c = compileGrpcRoute(r, status.backends?.GRPCRoute?.[a.route], resolve)));
          addToIndex(cl.grpc, a.hostnames, c);
        }
      }
      sortIndex(cl.http, compareHttpCandidates);
      sortIndex(cl.grpc, compareGrpcCandidates);
      for (const addr of addresses) push(table.byAddressPort, `${addr}|${l.port}`, cl);
      push(table.byPort, l.port, cl);
    }
  }
  for (const list of table.byAddressPort.values()) list.sort(compareListeners);
  for (const list of table.byPort.values()) list.sort(compareListeners);
  return table;
}

function push<K>(m: Map<K, CompiledListener[]>, k: K, v: CompiledListener): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Most specific hostname first; then the older Gateway, then name, for determinism. */
function compareListeners(a: CompiledListener, b: CompiledListener): number {
  return (
    compareListenerHostnames(a.hostname, b.hostname) ||
    a.gatewayCreatedMs - b.gatewayCreatedMs ||
    (a.gateway < b.gateway ? -1 : a.gateway > b.gateway ? 1 : 0) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}
