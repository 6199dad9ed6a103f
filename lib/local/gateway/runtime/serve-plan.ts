/**
 * What the local gateway serves, derived from the engine's output (pure, no I/O): which
 * loopback address each Gateway is reached on, which HTTPS listeners need certificates, and
 * the resulting set of ports. Only listeners the compiled route table serves (Accepted,
 * Programmed, not Conflicted) get a port.
 */
import type { EngineStatus, Gateway, Snapshot } from '@/lib/gateway-api';
import type { RouteTable } from '@/lib/gateway-api/routing';
import type { CompiledListener } from '@/lib/gateway-api/routing/table';
import type { CertificateSpec } from '../certificates';
import type { ListenerSpec } from '../listener-set';

/** `namespace/name#listener`. */
export type ListenerId = string;

/** An HTTPS listener that terminates TLS with the certificates of these Secrets. */
export interface TlsNeed {
  id: ListenerId;
  hostname?: string;
  /** Secret refs in order (`namespace`, `name`); the first loadable one is served. */
  secrets: Array<{ namespace: string; name: string }>;
}

const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for an IPv4 loopback address (127.0.0.0/8): the only addresses a local process can own. */
export function isLoopback(address: string): boolean {
  const m = LOOPBACK_V4.exec(address);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/** Every listener the table serves, once. */
export function servedListeners(table: RouteTable): CompiledListener[] {
  const seen = new Set<CompiledListener>();
  for (const list of table.byPort.values()) for (const l of list) seen.add(l);
  return [...seen];
}

/**
 * The address each served Gateway is reached on: the first loopback IPAddress of its computed
 * `status.addresses` (the bound ingress gateway Service's load-balancer IP, or the provisioned
 * 127.0.X.Y). Gateways whose addresses are all non-local are reported in `unreachable`.
 */
export function gatewayAddresses(
  status: EngineStatus,
  table: RouteTable,
): { addresses: Record<string, string>; unreachable: string[] } {
  const addresses: Record<string, string> = {};
  const unreachable: string[] = [];
  for (const gw of new Set(servedListeners(table).map((l) => l.gateway))) {
    const ip = (status.gateways[gw]?.addresses ?? []).find((a) => (a.type ?? 'IPAddress') === 'IPAddress' && isLoopback(a.value));
    if (ip) addresses[gw] = ip.value;
    else unreachable.push(gw);
  }
  return { addresses, unreachable };
}

/**
 * HTTPS listeners in Terminate mode that the engine resolved (ResolvedRefs True: Secrets exist
 * with the right type and keys, cross-namespace refs permitted by a ReferenceGrant).
 */
export function tlsNeeds(snapshot: Snapshot, status: EngineStatus, table: RouteTable): TlsNeed[] {
  const gateways = new Map<string, Gateway>(
    snapshot.gateways.map((g) => [`${g.metadata.namespace ?? 'default'}/${g.metadata.name}`, g]),
  );
  const out: TlsNeed[] = [];
  for (const l of servedListeners(table)) {
    if (l.protocol !== 'HTTPS') continue;
    const gw = gateways.get(l.gateway);
    const spec = gw?.spec.listeners.find((x) => x.name === l.name);
    const resolved = status.gateways[l.gateway]?.listeners
      ?.find((x) => x.name === l.name)
      ?.conditions.find((c) => c.type === 'ResolvedRefs')?.status;
    if (!gw || !spec || (spec.tls?.mode ?? 'Terminate') !== 'Terminate' || resolved !== 'True') continue;
    const ns = gw.metadata.namespace ?? 'default';
    out.push({
      id: `${l.gateway}#${l.name}`,
      ...(l.hostname ? { hostname: l.hostname } : {}),
      secrets: (spec.tls?.certificateRefs ?? []).map((r) => ({ namespace: r.namespace ?? ns, name: r.name })),
    });
  }
  return out;
}

/**
 * Takes listeners out of the table (they stay visible as inactive, with `reason`): an HTTPS
 * listener without a usable certificate is not programmed, and requests must not be routed
 * through it while the other listeners keep serving.
 */
export function withoutListeners(table: RouteTable, drop: ReadonlyMap<ListenerId, string>): RouteTable {
  if (drop.size === 0) return table;
  const keep = (l: CompiledListener): boolean => !drop.has(`${l.gateway}#${l.name}`);
  const filter = <K>(m: Map<K, CompiledListener[]>): Map<K, CompiledListener[]> => {
    const out = new Map<K, CompiledListener[]>();
    for (const [k, list] of m) {
      const kept = list.filter(keep);
      if (kept.length > 0) out.set(k, kept);
    }
    return out;
  };
  const inactive = [...table.inactive];
  for (const l of servedListeners(table)) {
    const reason = drop.get(`${l.gateway}#${l.name}`);
    if (reason !== undefined) inactive.push({ gateway: l.gateway, listener: l.name, port: l.port, reason });
  }
  return { byAddressPort: filter(table.byAddressPort), byPort: filter(table.byPort), inactive };
}

/** The ports to serve and, per port, the listeners (`namespace/name#listener`) behind it. */
export interface ServePlan {
  specs: ListenerSpec[];
  /** `address:port` → Gateway keys served there. */
  gatewaysByPort: Map<string, Set<string>>;
  /** `address:port` → listeners (`namespace/name#listener`) served there (for the Gateway annotations). */
  listenersByPort: Map<string, Set<ListenerId>>;
  /** Problems worth a log line (protocol clashes on one port). */
  problems: string[];
}

/**
 * Groups the served listeners by address and port. Listeners sharing an HTTPS port are told
 * apart by SNI, so their certificates all go on that port (Listener.hostname).
 */
export function buildServePlan(
  table: RouteTable,
  addresses: Record<string, string>,
  certificates: ReadonlyMap<ListenerId, CertificateSpec>,
): ServePlan {
  const specs = new Map<string, ListenerSpec>();
  const gatewaysByPort = new Map<string, Set<string>>();
  const listenersByPort = new Map<string, Set<ListenerId>>();
  const problems: string[] = [];
  for (const l of servedListeners(table)) {
    const address = addresses[l.gateway];
    if (!address || (l.protocol !== 'HTTP' && l.protocol !== 'HTTPS')) continue;
    const key = `${address}:${l.port}`;
    let spec = specs.get(key);
    if (!spec)
      specs.set(
        key,
        (spec = { address, port: l.port, protocol: l.protocol, ...(l.protocol === 'HTTPS' ? { certificates: [] } : {}) }),
      );
    else if (spec.protocol !== l.protocol) {
      problems.push(`${l.gateway}/${l.name}: ${l.protocol} on ${key} clashes with ${spec.protocol} already served there`);
      continue;
    }
    const cert = certificates.get(`${l.gateway}#${l.name}`);
    if (cert) spec.certificates?.push(cert);
    let gws = gatewaysByPort.get(key);
    if (!gws) gatewaysByPort.set(key, (gws = new Set()));
    gws.add(l.gateway);
    let ids = listenersByPort.get(key);
    if (!ids) listenersByPort.set(key, (ids = new Set()));
    ids.add(`${l.gateway}#${l.name}`);
  }
  return { specs: [...specs.values()], gatewaysByPort, listenersByPort, problems };
}
