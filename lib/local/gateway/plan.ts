/**
 * What the data plane does with one request, independent of how routing decided it.
 * An adapter fills these from the engine's `RoutingDecision` (lib/gateway-api/routing) plus
 * EndpointSlice lookups; the proxy only executes them.
 */

/**
 * One ordered header edit, the HTTPHeaderFilter semantics (Gateway API spec, HTTPHeaderFilter):
 * `set` overwrites, `add` appends to existing values, `remove` drops. Structurally identical to
 * the engine's `HeaderOp`, so decisions pass through unchanged.
 */
export interface HeaderOp {
  op: 'set' | 'add' | 'remove';
  name: string;
  value?: string;
}

/** One endpoint address as an EndpointSlice lists it (address + the Service port's target port). */
export interface Endpoint {
  host: string;
  port: number;
}

/**
 * How the gateway talks to a backend, from the Service port's `appProtocol`
 * (Gateway API GEP-1911: `kubernetes.io/h2c`, `kubernetes.io/ws`; anything else HTTP/1.1).
 */
export type BackendProtocol = 'http/1.1' | 'h2c' | 'websocket';

/** A backend Service port resolved to its ready endpoints. */
export interface UpstreamTarget {
  /** Display name for logs, e.g. `default/httpbin:8000`. */
  name: string;
  /** Ready endpoints; empty means "no healthy upstream" (503), as kube-proxy would drop the connection. */
  endpoints: Endpoint[];
  protocol: BackendProtocol;
}

/** Labels of the routing result that the access log records. */
export interface PlanMeta {
  gateway?: string;
  listener?: string;
  route?: string;
  rule?: string;
}

/** Forward the request to one upstream (already chosen by weight). */
export interface ForwardPlan {
  kind: 'forward';
  meta: PlanMeta;
  target: UpstreamTarget;
  /** Upstream request header edits, in filter order. */
  requestHeaders: HeaderOp[];
  /** Downstream response header edits, in filter order. */
  responseHeaders: HeaderOp[];
  /** Replacement path (with query) from a URLRewrite filter. */
  rewritePath?: string;
  /** Replacement Host from a URLRewrite filter. */
  rewriteHost?: string;
  /** RequestMirror targets; each fires with probability `fraction` (0..1), responses ignored. */
  mirrors: Array<{ target: UpstreamTarget; fraction: number }>;
  /** HTTPRouteTimeouts: `request` bounds the whole exchange, `backendRequest` each upstream attempt. */
  timeouts?: { requestMs?: number; backendRequestMs?: number };
  /** HTTPRouteRetry: retry on these response codes (and connection errors) up to `attempts` more times. */
  retry?: { codes: number[]; attempts?: number; backoffMs?: number };
}

/** Answer with a redirect (RequestRedirect filter). */
export interface RedirectPlan {
  kind: 'redirect';
  meta: PlanMeta;
  status: number;
  location: string;
  responseHeaders?: HeaderOp[];
}

/** Answer directly: 404 no route, 500 invalid backend, 421 misdirected, CORS preflight… */
export interface DirectPlan {
  kind: 'direct';
  meta: PlanMeta;
  status: number;
  body?: string;
  /** Extra response headers (e.g. CORS). */
  headers?: Record<string, string>;
  responseHeaders?: HeaderOp[];
}

/** Everything the proxy may be told to do. */
export type Plan = ForwardPlan | RedirectPlan | DirectPlan;

/** What the planner sees of one request. */
export interface RequestInfo {
  scheme: 'http' | 'https';
  /** Host header or `:authority`, as received. */
  host: string;
  /** Listener port as configured (before any privileged-port remapping). */
  port: number;
  /** Local address the request arrived on. */
  address: string;
  method: string;
  /** Request target (path + query). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** TLS SNI, for HTTPS. */
  sni?: string;
  remoteAddress: string;
  /** HTTP version the client spoke. */
  httpVersion: '1.0' | '1.1' | '2.0';
}

/** Decides the plan for one request; may be async (e.g. waits for a table swap). */
export type Planner = (info: RequestInfo) => Plan | Promise<Plan>;
