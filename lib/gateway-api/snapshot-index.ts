/**
 * Lookup tables built once per snapshot so every rule is an O(1) lookup.
 * Building them sorts nothing the output depends on except where noted,
 * which keeps the engine independent of input order.
 */
import { indexReferenceGrants, type ReferenceGrantIndex } from './reference-grants';
import type { Gateway, GatewayClass, Namespace, SecretSummary, Service, Snapshot } from './types';
import { objectKey, SERVICE_NAME_LABEL } from './types';

/** Indexed view of a {@link Snapshot}. */
export interface SnapshotIndex {
  classes: ReadonlyMap<string, GatewayClass>;
  gateways: ReadonlyMap<string, Gateway>;
  services: ReadonlyMap<string, Service>;
  /** Ready endpoint count per Service key, from EndpointSlices. */
  endpoints: ReadonlyMap<string, number>;
  secrets: ReadonlyMap<string, SecretSummary>;
  namespaces: ReadonlyMap<string, Namespace>;
  grants: ReferenceGrantIndex;
  /**
   * A namespace's labels plus `kubernetes.io/metadata.name` (which the API
   * server sets on every namespace since 1.21), memoised per namespace.
   */
  namespaceLabels(namespace: string): Readonly<Record<string, string>>;
  /** The Service owning a cluster or load balancer IP (IPAddress-type Gateway addresses); built on first use. */
  serviceByIp(ip: string): Service | undefined;
  /** Whether a route kind can be listed in a listener's supportedKinds (see Snapshot.servedRouteKinds). */
  serves(kind: string): boolean;
}

const MODELLED_ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute']);

/** Builds the lookup tables of a snapshot. */
export function indexSnapshot(s: Snapshot): SnapshotIndex {
  const index: SnapshotIndex = {
    classes: byKey(s.gatewayClasses),
    gateways: byKey(s.gateways),
    services: byKey(s.services),
    endpoints: countEndpoints(s),
    secrets: byKey(s.secrets),
    namespaces: byKey(s.namespaces),
    grants: indexReferenceGrants(s.referenceGrants),
    serviceByIp: lazyServiceIps(s.services),
    namespaceLabels: () => ({}),
    serves: servesFn(s.servedRouteKinds),
  };
  const memo = new Map<string, Record<string, string>>();
  index.namespaceLabels = (ns) => {
    let labels = memo.get(ns);
    if (!labels) {
      labels = { ...(index.namespaces.get(ns)?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns };
      memo.set(ns, labels);
    }
    return labels;
  };
  return index;
}

/** Kinds outside the engine's model (TLSRoute, TCPRoute) are not the snapshot's to rule out. */
function servesFn(served: readonly string[] | undefined): (kind: string) => boolean {
  if (!served) return () => true;
  const set = new Set(served);
  return (kind) => !MODELLED_ROUTE_KINDS.has(kind) || set.has(kind);
}

/** Map by {@link objectKey}; on duplicate keys the last one wins, as a watch cache would. */
export function byKey<T extends { metadata: { name: string; namespace?: string } }>(items: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) m.set(objectKey(it), it);
  return m;
}

/**
 * Cluster and load balancer IPs → Service; the oldest Service wins a shared IP.
 * Lazy because ASM Gateways name their Service by hostname and rarely need it.
 */
function lazyServiceIps(services: readonly Service[]): (ip: string) => Service | undefined {
  let table: Map<string, Service> | undefined;
  return (ip) => {
    if (!table) {
      table = new Map();
      for (const svc of [...services].sort(compareAge)) {
        const ips = [svc.spec.clusterIP, ...(svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip)];
        for (const x of ips) if (x && x !== 'None' && !table.has(x)) table.set(x, svc);
      }
    }
    return table.get(ip);
  };
}

/**
 * Ready endpoints per Service. An endpoint counts when `conditions.ready` is
 * not false (EndpointSlice API: nil ready means ready).
 */
function countEndpoints(s: Snapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const slice of s.endpointSlices) {
    const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = `${slice.metadata.namespace ?? ''}/${svc}`;
    let n = out.get(key) ?? 0;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready !== false) n += ep.addresses.length > 0 ? 1 : 0;
    }
    out.set(key, n);
  }
  return out;
}

/** Compares two objects for the spec's "oldest first, then namespace/name" tie-break. */
export function compareAge(
  a: { metadata: { creationTimestamp?: string; name: string; namespace?: string } },
  b: { metadata: { creationTimestamp?: string; name: string; namespace?: string } },
): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) {
    // A missing timestamp sorts last: it has not been persisted yet, so it is the newest.
    if (!ta) return 1;
    if (!tb) return -1;
    return Date.parse(ta) - Date.parse(tb) || (ta < tb ? -1 : 1);
  }
  const ka = objectKey(a);
  const kb = objectKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
