/**
 * Writing status back: equality so a controller writes only on change,
 * merging route parents owned by other controllers, and the Kubernetes
 * shaped objects for the `status` subresource.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routestatus ("controllers MUST NOT remove entries they do not own")
 */
import type { GatewayClass, GatewayClassStatus, Gateway, GatewayStatus, GRPCRoute, HTTPRoute, RouteStatus } from './types';

/** JSON with object keys sorted and `undefined` dropped: a canonical form for comparison. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonicalize(v);
    }
    return out;
  }
  return value;
}

/** True when two statuses are identical (key order and undefined fields ignored). */
export function statusEquals(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? {}) === canonicalJson(b ?? {});
}

/**
 * Paths whose values differ between two statuses, e.g.
 * `listeners[0].conditions[1].status`: for logs and "what changed" views.
 */
export function statusDiff(a: unknown, b: unknown, path = ''): string[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...statusDiff(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => statusDiff(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [path || '.'];
}

/**
 * Our parents entries replace the ones we own (same controllerName among
 * `controllerNames`); entries of other controllers are kept, in their order,
 * before ours.
 */
export function mergeRouteStatus(
  existing: RouteStatus | undefined,
  ours: RouteStatus,
  controllerNames: readonly string[],
): RouteStatus {
  const others = (existing?.parents ?? []).filter((p) => !controllerNames.includes(p.controllerName));
  return { parents: [...others, ...ours.parents] };
}

/** A Kubernetes object carrying only what a status subresource write needs. */
export interface StatusObject<S> {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  status: S;
}

function shape<S>(
  obj: { apiVersion?: string; metadata: { name: string; namespace?: string; resourceVersion?: string } },
  kind: string,
  defaultVersion: string,
  status: S,
): StatusObject<S> {
  const metadata: StatusObject<S>['metadata'] = { name: obj.metadata.name };
  if (obj.metadata.namespace) metadata.namespace = obj.metadata.namespace;
  // resourceVersion makes the write conditional: a newer object is never overwritten silently.
  if (obj.metadata.resourceVersion) metadata.resourceVersion = obj.metadata.resourceVersion;
  return { apiVersion: obj.apiVersion ?? defaultVersion, kind, metadata, status };
}

/** GatewayClass `status` subresource body. */
export function gatewayClassStatusObject(cls: GatewayClass, status: GatewayClassStatus): StatusObject<GatewayClassStatus> {
  return shape(cls, 'GatewayClass', 'gateway.networking.k8s.io/v1', status);
}

/** Gateway `status` subresource body. */
export function gatewayStatusObject(gw: Gateway, status: GatewayStatus): StatusObject<GatewayStatus> {
  return shape(gw, 'Gateway', 'gateway.networking.k8s.io/v1', status);
}

/** HTTPRoute `status` subresource body; other controllers' parents are preserved. */
export function httpRouteStatusObject(
  route: HTTPRoute,
  ours: RouteStatus,
  controllerNames: readonly string[],
): StatusObject<RouteStatus> {
  return shape(route, 'HTTPRoute', 'gateway.networking.k8s.io/v1', mergeRouteStatus(route.status, ours, controllerNames));
}

/** GRPCRoute `status` subresource body; other controllers' parents are preserved. */
export function grpcRouteStatusObject(
  route: GRPCRoute,
  ours: RouteStatus,
  controllerNames: readonly string[],
): StatusObject<RouteStatus> {
  return shape(route, 'GRPCRoute', 'gateway.networking.k8s.io/v1', mergeRouteStatus(route.status, ours, controllerNames));
}
