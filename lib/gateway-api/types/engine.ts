/**
 * The engine's output: statuses keyed by {@link objectKey}, accepted
 * attachments, and the resolved backends of every route rule.
 */
import type { GatewayClassStatus, GatewayStatus } from './gateway';
import type { RouteKind, RouteStatus } from './routes';
import type { Attachment } from './snapshot';

/**
 * Why a backendRef does not resolve: the `ResolvedRefs` reasons of
 * GEP-1364 / `RouteConditionReason` in the spec.
 */
export type BackendRefProblem = 'RefNotPermitted' | 'BackendNotFound' | 'InvalidKind' | 'UnsupportedProtocol';

/** One backendRef of a route rule after resolution against the snapshot. */
export interface ResolvedBackend {
  group: string;
  kind: string;
  /** Defaulted to the route's namespace, as the spec says. */
  namespace: string;
  name: string;
  port?: number;
  /** Defaulted to 1 (spec: `weight` default). 0 means "never picked". */
  weight: number;
  /** True when the ref resolves to a Service port the route may use. */
  valid: boolean;
  problem?: BackendRefProblem;
  message?: string;
  /** `namespace/name` of the Service when it exists. */
  service?: string;
  /** Ready endpoints of that Service (EndpointSlices), 0 when unknown. */
  endpoints: number;
  /** Whether a ReferenceGrant was needed (cross-namespace) and found. */
  crossNamespace: boolean;
  /** `namespace/name` of the ReferenceGrant that allowed the reference. */
  referenceGrant?: string;
}

/** The backends of one rule, in spec order. */
export interface ResolvedRule {
  index: number;
  name?: string;
  backends: ResolvedBackend[];
}

/** Per route: resolved rules, keyed by route kind then `namespace/name`. */
export type RouteBackends = Record<RouteKind, Record<string, ResolvedRule[]>>;

/** Everything `computeStatus` produces. */
export interface EngineStatus {
  /** Only classes whose controllerName the engine handles. */
  gatewayClasses: Record<string, GatewayClassStatus>;
  /** Only Gateways of a handled class. */
  gateways: Record<string, GatewayStatus>;
  /** Route statuses: only the parents entries this controller owns. */
  httpRoutes: Record<string, RouteStatus>;
  grpcRoutes: Record<string, RouteStatus>;
  /** Accepted attachments, sorted by gateway, listener, route kind, route. */
  attachments: Attachment[];
  /** Resolved backends for every route that has at least one handled parent. */
  backends: RouteBackends;
}
