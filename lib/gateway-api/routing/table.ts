/**
 * The compiled route table: per gateway address and port, the listeners in
 * specificity order, each with its routes' matches pre-sorted by the spec's
 * precedence so that a routing decision is a short linear scan.
 */
import type { HTTPRouteFilter, ResolvedBackend, RouteKind } from '../types';
import type { CompiledHttpMatch, ValueMatcher } from './matchers';
import type { RetryDecision } from './types';

/** A route as precedence sees it. */
export interface RouteRef {
  /** `namespace/name`. */
  key: string;
  kind: RouteKind;
  namespace: string;
  /** creationTimestamp in ms; +Infinity when unknown (sorts as newest). */
  createdMs: number;
}

/** A filter with what compile time could resolve about it. */
export interface CompiledFilter {
  filter: HTTPRouteFilter;
  /** For RequestMirror: whether the mirror backend resolves. */
  mirrorValid?: boolean;
  mirrorProblem?: string;
}

/** A backendRef of a rule: the status engine's resolution plus its own filters. */
export interface CompiledBackend {
  resolved: ResolvedBackend;
  filters: CompiledFilter[];
}

/** One route rule, shared by all its match candidates. */
export interface CompiledRule {
  index: number;
  name?: string;
  filters: CompiledFilter[];
  backends: CompiledBackend[];
  totalWeight: number;
  timeouts?: { request?: string; backendRequest?: string };
  retry?: RetryDecision;
}

/** gRPC method match with defaults applied and patterns compiled. */
export interface CompiledGrpcMatch {
  type: 'Exact' | 'RegularExpression';
  service?: string;
  method?: string;
  serviceRegex?: RegExp | null;
  methodRegex?: RegExp | null;
  headers: ValueMatcher[];
}

/** One (rule, match) pair of an HTTPRoute, the unit the spec's precedence orders. */
export interface HttpCandidate {
  route: RouteRef;
  rule: CompiledRule;
  matchIndex: number;
  match: CompiledHttpMatch;
  /** Explanation label, built on first use and cached (candidates are shared across requests). */
  label?: string;
}

/** One (rule, match) pair of a GRPCRoute. */
export interface GrpcCandidate {
  route: RouteRef;
  rule: CompiledRule;
  matchIndex: number;
  match: CompiledGrpcMatch;
  /** Explanation label, cached like {@link HttpCandidate.label}. */
  label?: string;
}

/** Candidates bucketed by the route hostname that admits them, for hostname precedence. */
export interface HostIndex<C> {
  exact: Map<string, C[]>;
  /** Wildcard hostnames, longest first (spec: most characters in a matching hostname wins). */
  wildcards: Array<{ hostname: string; suffix: string; candidates: C[] }>;
  /** Routes without hostnames (they match every host the listener accepts). */
  any: C[];
}

/** A listener that serves traffic, with its attached routes. */
export interface CompiledListener {
  /** `namespace/name` of the Gateway. */
  gateway: string;
  gatewayCreatedMs: number;
  name: string;
  hostname?: string;
  port: number;
  protocol: string;
  http: HostIndex<HttpCandidate>;
  grpc: HostIndex<GrpcCandidate>;
}

/** A listener that exists but does not serve, and why (for explanations). */
export interface InactiveListener {
  gateway: string;
  listener: string;
  port: number;
  reason: string;
}

/** Output of `compileRoutes`: immutable, reusable for any number of decisions. */
export interface RouteTable {
  /** `address|port` → listeners, most specific first. */
  byAddressPort: Map<string, CompiledListener[]>;
  /** port → every serving listener on that port (when the request names no address). */
  byPort: Map<number, CompiledListener[]>;
  inactive: InactiveListener[];
}
