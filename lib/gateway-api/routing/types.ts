/**
 * Public shapes of the routing engine: the request model, the decision it
 * returns, and the explanation trail the console's trace view renders.
 */

/** Header values as a Node/fetch server hands them over (repeated headers as arrays). */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** One HTTP request as it reaches a gateway address and port. */
export interface HttpRequestInput {
  scheme: 'http' | 'https';
  /** The Host header (or `:authority`); a port suffix is ignored, as the spec requires. */
  host: string;
  /** The listener port the request arrived on. */
  port: number;
  method: string;
  /** Path, possibly with `?query`; a `#fragment` is ignored. */
  path: string;
  headers: HeaderBag;
  /** TLS SNI for https; defaults to the Host when absent. */
  sni?: string;
  /**
   * Gateway address the request was sent to: an IP or hostname from the Gateway's
   * addresses, its bound Service, or the Gateway's `namespace/name`. Absent = any
   * Gateway listening on `port`.
   */
  address?: string;
}

/** One gRPC call (HTTP/2 POST `/{service}/{method}`). */
export interface GrpcRequestInput {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Fully-qualified service, e.g. `grpc.health.v1.Health`. */
  service: string;
  method: string;
  headers: HeaderBag;
  sni?: string;
  address?: string;
}

/** An ordered header edit with HTTPHeaderFilter semantics (set overwrites, add appends, remove drops); apply in array order. */
export interface HeaderOp {
  op: 'set' | 'add' | 'remove';
  name: string;
  value?: string;
}

/** A backend named by a backendRef, with its configured weight. */
export interface BackendTarget {
  service: string;
  namespace: string;
  port?: number;
  weight: number;
}

/** One weighted backend of the matched rule and the share of traffic it receives. */
export interface WeightedAlternative extends BackendTarget {
  /** weight / sum of weights of the rule (spec: HTTPBackendRef.weight). */
  probability: number;
  valid: boolean;
  /** Why the ref is invalid (ResolvedRefs reason), when it is. */
  problem?: string;
  /** Ready endpoints as resolved by the status engine (0 = none or unknown). */
  endpoints: number;
}

/** One RequestMirror filter of the matched rule. */
export interface MirrorDecision extends BackendTarget {
  /** Configured share of requests mirrored, 0..1 (percent or fraction; default 1). */
  fraction: number;
  /** Whether this request is mirrored (drawn with the same random source). */
  selected: boolean;
  valid: boolean;
  problem?: string;
}

/** The CORS filter's effect on this request. */
export interface CorsDecision {
  /** An OPTIONS request with Origin and Access-Control-Request-Method. */
  preflight: boolean;
  /** Whether the Origin is allowed (absent Origin: not a CORS request). */
  originAllowed: boolean;
  /** CORS response headers to add (lower-case names). */
  headers: Record<string, string>;
}

/** Retry policy of the matched rule (HTTPRouteRetry, Extended). */
export interface RetryDecision {
  codes: number[];
  attempts?: number;
  backoffMs?: number;
}

/** One step of the routing trail: a candidate considered and why it won or lost. */
export interface ExplanationStep {
  step: 'listener' | 'route' | 'rule' | 'backend' | 'filter';
  candidate: string;
  chosen: boolean;
  reason: string;
}

/** What a conformant gateway does with one request. */
export interface RoutingDecision {
  outcome: 'forward' | 'redirect' | 'direct-response';
  /** Set unless forwarding: 404 no route, 421 misdirected, 500 invalid backend/filter, 3xx redirect, 200 CORS preflight. */
  status?: number;
  /** gRPC status for routeGrpc failures: 12 UNIMPLEMENTED (no match), 14 UNAVAILABLE (invalid backend). */
  grpcStatus?: number;
  /** `namespace/name` of the Gateway that took the request. */
  gateway?: string;
  listener?: string;
  /** `namespace/name` of the matched route. */
  route?: string;
  routeKind?: 'HTTPRoute' | 'GRPCRoute';
  ruleIndex?: number;
  ruleName?: string;
  matchIndex?: number;
  backend?: BackendTarget;
  alternatives: WeightedAlternative[];
  /** Edits to the upstream request headers, in filter order (rule filters, then backend filters). */
  requestHeaders: HeaderOp[];
  /** Edits to the downstream response headers. */
  responseHeaders: HeaderOp[];
  /** Upstream path including query, when a URLRewrite changed it. */
  rewrittenPath?: string;
  rewrittenHost?: string;
  redirect?: { location: string; status: number };
  mirrors: MirrorDecision[];
  timeouts?: { request?: string; backendRequest?: string; requestMs?: number; backendRequestMs?: number };
  retry?: RetryDecision;
  cors?: CorsDecision;
  explanation: ExplanationStep[];
}
