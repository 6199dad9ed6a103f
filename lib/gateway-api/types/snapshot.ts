/** The engine's input and the attachment record routing consumes. */
import type { ASMMeshConfig, EndpointSlice, Namespace, ReferenceGrant, SecretSummary, Service } from './core';
import type { Gateway, GatewayClass } from './gateway';
import type { GRPCRoute, HTTPRoute, RouteKind } from './routes';

/** Every object the engine reads, in any order (the output never depends on it). */
export interface Snapshot {
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: HTTPRoute[];
  grpcRoutes: GRPCRoute[];
  referenceGrants: ReferenceGrant[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  secrets: SecretSummary[];
  namespaces: Namespace[];
  meshConfig?: ASMMeshConfig;
  /**
   * Which of the route kinds the engine models (HTTPRoute, GRPCRoute) the cluster serves, i.e. whose
   * CRDs are installed. Listeners advertise only served kinds in `supportedKinds` (Gateway API v0.6
   * has no GRPCRoute). Undefined: all of them.
   */
  servedRouteKinds?: RouteKind[];
}

/** An empty snapshot, handy for building inputs in tests and tools. */
export function emptySnapshot(): Snapshot {
  return {
    gatewayClasses: [],
    gateways: [],
    httpRoutes: [],
    grpcRoutes: [],
    referenceGrants: [],
    services: [],
    endpointSlices: [],
    secrets: [],
    namespaces: [],
  };
}

/** One accepted attachment of a route rule set to a listener, the input of routing. */
export interface Attachment {
  /** `namespace/name` of the Gateway. */
  gateway: string;
  listener: string;
  port: number;
  protocol: string;
  routeKind: RouteKind;
  /** `namespace/name` of the route. */
  route: string;
  /** Effective hostnames: intersection of listener and route hostnames; empty array = any. */
  hostnames: string[];
}
