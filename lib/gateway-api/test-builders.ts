/**
 * Small object builders for tests and the benchmark generator: a handled
 * class, a Gateway, a route, a Service, with the spec's defaults left unset
 * unless a test sets them.
 */
import type { Gateway, GRPCRoute, HTTPRoute, Listener, ReferenceGrant, SecretSummary, Service, Snapshot } from './types';
import { emptySnapshot } from './types';

/** The controller name the builders' GatewayClass uses. */
export const TEST_CONTROLLER = 'portico.dev/local-gateway';

/** A snapshot with one GatewayClass `test` handled by {@link TEST_CONTROLLER}. */
export function baseSnapshot(): Snapshot {
  const s = emptySnapshot();
  s.gatewayClasses.push({ metadata: { name: 'test' }, spec: { controllerName: TEST_CONTROLLER } });
  return s;
}

/** A Gateway in class `test`, provisioned (no addresses) unless `addresses` is given. */
export function gateway(
  ns: string,
  name: string,
  listeners: Listener[],
  extra: Partial<Gateway['spec']> = {},
  created = '2026-01-01T00:00:00Z',
): Gateway {
  return {
    metadata: { name, namespace: ns, generation: 1, creationTimestamp: created },
    spec: { gatewayClassName: 'test', listeners, ...extra },
  };
}

/** An HTTP listener accepting routes from all namespaces. */
export function httpListener(name: string, port: number, hostname?: string, extra: Partial<Listener> = {}): Listener {
  const l: Listener = { name, port, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } }, ...extra };
  if (hostname) l.hostname = hostname;
  return l;
}

/** An HTTPRoute with one rule to `backend:port`. */
export function httpRoute(
  ns: string,
  name: string,
  spec: Partial<HTTPRoute['spec']> = {},
  created = '2026-01-01T00:00:00Z',
): HTTPRoute {
  return {
    metadata: { name, namespace: ns, generation: 1, creationTimestamp: created },
    spec: { rules: [{ backendRefs: [{ name: 'backend', port: 8080 }] }], ...spec },
  };
}

/** A GRPCRoute with one rule to `backend:port`. */
export function grpcRoute(ns: string, name: string, spec: Partial<GRPCRoute['spec']> = {}): GRPCRoute {
  return {
    metadata: { name, namespace: ns, generation: 1 },
    spec: { rules: [{ backendRefs: [{ name: 'backend', port: 8080 }] }], ...spec },
  };
}

/** A ClusterIP Service with the given ports. */
export function service(ns: string, name: string, ports: number[], extra: Partial<Service['spec']> = {}): Service {
  return {
    metadata: { name, namespace: ns },
    spec: { clusterIP: '10.0.0.1', ports: ports.map((port) => ({ port, protocol: 'TCP' })), ...extra },
  };
}

/** A TLS Secret summary. */
export function tlsSecret(ns: string, name: string, keys = ['tls.crt', 'tls.key'], type = 'kubernetes.io/tls'): SecretSummary {
  return { metadata: { name, namespace: ns }, type, keys };
}

/** A ReferenceGrant in `ns` from `fromKind` in `fromNs` to `toKind` (optionally one name). */
export function referenceGrant(
  ns: string,
  fromNs: string,
  fromKind: string,
  toKind: string,
  toName?: string,
  toGroup = '',
): ReferenceGrant {
  const to: ReferenceGrant['spec']['to'][number] = { group: toGroup, kind: toKind };
  if (toName) to.name = toName;
  return {
    metadata: { name: `allow-${fromNs}-${fromKind.toLowerCase()}`, namespace: ns },
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: fromKind, namespace: fromNs }], to: [to] },
  };
}
