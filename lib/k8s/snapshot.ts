import 'server-only';
import type {
  ASMMeshConfig,
  EndpointSlice,
  Gateway,
  GatewayClass,
  GRPCRoute,
  HTTPRoute,
  Namespace,
  ReferenceGrant,
  SecretSummary,
  Service,
  Snapshot,
} from '@/lib/gateway-api/types';
import type { ClusterCache } from './cache/cluster-cache';

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;

/**
 * The engine's input from the live cache. Secrets are already reduced to type and key names on
 * arrival (sanitize.ts), so no key material can reach the engine or anything it feeds.
 */
export function snapshotOf(cache: ClusterCache): Snapshot {
  const mesh = cache.get('ASMMeshConfig', 'default') as unknown as ASMMeshConfig | undefined;
  return {
    gatewayClasses: cache.list('GatewayClass') as unknown as GatewayClass[],
    gateways: cache.list('Gateway') as unknown as Gateway[],
    httpRoutes: cache.list('HTTPRoute') as unknown as HTTPRoute[],
    grpcRoutes: cache.list('GRPCRoute') as unknown as GRPCRoute[],
    referenceGrants: cache.list('ReferenceGrant') as unknown as ReferenceGrant[],
    services: cache.list('Service') as unknown as Service[],
    endpointSlices: cache.list('EndpointSlice') as unknown as EndpointSlice[],
    secrets: cache.list('Secret').map((s) => ({
      metadata: s.metadata,
      type: String(s.type ?? 'Opaque'),
      keys: (s.keys as string[] | undefined) ?? [],
    })) as SecretSummary[],
    namespaces: cache.list('Namespace') as unknown as Namespace[],
    servedRouteKinds: ROUTE_KINDS.filter((k) => cache.served[k] !== undefined),
    ...(mesh ? { meshConfig: mesh } : {}),
  };
}
