/**
 * Backend resolution as kube-proxy does it: a Service port is matched by number, its
 * EndpointSlices are found by the `kubernetes.io/service-name` label, the slice port is the
 * one with the same name as the Service port, and only ready endpoints receive traffic.
 */
import { SERVICE_NAME_LABEL, type EndpointSlice, type Service, type ServicePort, type Snapshot } from '@/lib/gateway-api';
import type { BackendTarget } from '@/lib/gateway-api/routing';
import type { BackendResolver } from '../from-decision';
import type { BackendProtocol, Endpoint, UpstreamTarget } from '../plan';

/**
 * Backend protocol from the port's `appProtocol` (GEP-1911, Backend Protocol Selection):
 * `kubernetes.io/h2c` is HTTP/2 cleartext, `kubernetes.io/ws` WebSocket; anything else
 * (or nothing) HTTP/1.1.
 */
export function protocolOf(appProtocol: string | undefined): BackendProtocol {
  if (appProtocol === 'kubernetes.io/h2c') return 'h2c';
  if (appProtocol === 'kubernetes.io/ws' || appProtocol === 'kubernetes.io/wss') return 'websocket';
  return 'http/1.1';
}

/**
 * EndpointSlice conditions: `ready` unset means ready (discovery.k8s.io/v1 EndpointConditions:
 * "nil should be interpreted as true"); a terminating endpoint is never ready.
 */
function isReady(c: { ready?: boolean; terminating?: boolean } | undefined): boolean {
  return c?.ready !== false && c?.terminating !== true;
}

/** Ready endpoints of one Service port across all its EndpointSlices, deduplicated. */
export function readyEndpoints(port: ServicePort, slices: readonly EndpointSlice[]): Endpoint[] {
  const wanted = port.name ?? '';
  const seen = new Set<string>();
  const out: Endpoint[] = [];
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue; // kube-proxy ignores FQDN slices
    const sp = (slice.ports ?? []).find((p) => (p.name ?? '') === wanted);
    if (!sp || sp.port === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      // Consumers must use only the first address (EndpointSlice API: Endpoint.addresses).
      const host = ep.addresses[0];
      if (!host || !isReady(ep.conditions)) continue;
      const key = `${host}|${sp.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ host, port: sp.port });
    }
  }
  return out;
}

/**
 * Builds the resolver for one snapshot. Answers are memoised: the snapshot is immutable and a
 * busy route asks for the same target on every request.
 */
export function createBackendResolver(snapshot: Snapshot): BackendResolver {
  const services = new Map<string, Service>();
  for (const s of snapshot.services) services.set(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`, s);
  const slices = new Map<string, EndpointSlice[]>();
  for (const s of snapshot.endpointSlices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = `${s.metadata.namespace ?? 'default'}/${svc}`;
    const list = slices.get(key);
    if (list) list.push(s);
    else slices.set(key, [s]);
  }
  const memo = new Map<string, UpstreamTarget>();
  return (target: BackendTarget): UpstreamTarget => {
    const key = `${target.namespace}/${target.service}`;
    const name = `${key}:${target.port ?? ''}`;
    const known = memo.get(name);
    if (known) return known;
    const svc = services.get(key);
    const port = svc?.spec.ports?.find((p) => p.port === target.port);
    let resolved: UpstreamTarget;
    if (!svc || !port || svc.spec.type === 'ExternalName') resolved = { name, endpoints: [], protocol: 'http/1.1' };
    else resolved = { name, endpoints: readyEndpoints(port, slices.get(key) ?? []), protocol: protocolOf(port.appProtocol) };
    memo.set(name, resolved);
    return resolved;
  };
}
