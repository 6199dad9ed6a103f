/**
 * What the configuration promises for a request, asked of the routing engine (never
 * re-derived here): rule, backend, status, header edits, rewrite and redirect. Pure.
 */
import {
  applyHeaderOps,
  routeGrpc,
  routeHttp,
  type BackendTarget,
  type HeaderOp,
  type RouteTable,
} from '@/lib/gateway-api/routing';
import { httpbinStatusFor } from './httpbin-status';
import type { VerificationRequest } from './types';

/** The engine's prediction for one request, in the terms {@link compare} checks. */
export interface Expectation {
  outcome: 'forward' | 'redirect' | 'direct-response';
  /**
   * Exact status expected; undefined when forwarding to a backend whose answers are unknown, which
   * is then expected to succeed (a 2xx or 3xx status, see {@link compare}).
   */
  status?: number;
  /** gRPC status for GRPCRoute failures (12 UNIMPLEMENTED, 14 UNAVAILABLE). */
  grpcStatus?: number;
  gateway?: string;
  listener?: string;
  route?: string;
  ruleIndex?: number;
  /** The backend the engine drew (deterministically, the first by weight). */
  backend?: BackendTarget;
  /** Every backend that may answer (`namespace/name`, valid and weight > 0). */
  backends: string[];
  method: string;
  /** Path the backend should see (rewritten, without query). */
  upstreamPath: string;
  rewrittenPath?: string;
  rewrittenHost?: string;
  /** Upstream request headers set or added by filters, with their final value (lower-case names). */
  requestHeadersAdded: Record<string, string>;
  /** Upstream request headers removed by filters (lower-case). */
  requestHeadersRemoved: string[];
  responseHeadersAdded: Record<string, string>;
  responseHeadersRemoved: string[];
  redirectLocation?: string;
  /** The engine's reasoning, one line per step. */
  explanation: string[];
}

/** Final values of every header an edit list touches, starting from `initial`. */
function edits(initial: Record<string, string>, ops: readonly HeaderOp[]): { added: Record<string, string>; removed: string[] } {
  const start = new Map(Object.entries(initial).map(([k, v]) => [k.toLowerCase(), v]));
  const end = applyHeaderOps(start, ops);
  const added: Record<string, string> = {};
  const removed: string[] = [];
  for (const name of new Set(ops.map((o) => o.name.toLowerCase()))) {
    const v = end.get(name);
    if (v === undefined) removed.push(name);
    else added[name] = v;
  }
  return { added, removed };
}

/** httpbin's endpoints have known statuses: a forward to httpbin there has an exact expected status. */
function httpbinStatus(backend: BackendTarget | undefined, method: string, path: string): number | undefined {
  if (!backend || !/httpbin/i.test(backend.service)) return undefined;
  return httpbinStatusFor(method, path);
}

/**
 * Predicts the outcome of `req` sent to the Gateway at `address` (an IP, a Service name
 * or the Gateway's `namespace/name`; the engine indexes all of them).
 */
export function predict(table: RouteTable, req: VerificationRequest, address: string): Expectation {
  const base = { scheme: req.scheme, host: req.host, port: req.port, headers: req.headers, sni: req.sni, address };
  const g = req.routeKind === 'GRPCRoute' ? /^\/([^/]+)\/([^/?]+)/.exec(req.path) : null;
  // random = 0: the first backend by weight, so a prediction is reproducible.
  const d = g
    ? routeGrpc(table, { ...base, service: g[1] ?? '', method: g[2] ?? '' }, { random: () => 0 })
    : routeHttp(table, { ...base, method: req.method, path: req.path }, { random: () => 0 });
  const reqEdits = edits(req.headers, d.requestHeaders);
  const resEdits = edits({}, d.responseHeaders);
  const upstream = (d.rewrittenPath ?? req.path).split('?')[0] ?? '/';
  const status = d.status ?? (d.outcome === 'forward' ? httpbinStatus(d.backend, req.method, upstream) : undefined);
  return {
    outcome: d.outcome,
    ...(status !== undefined ? { status } : {}),
    ...(d.grpcStatus !== undefined ? { grpcStatus: d.grpcStatus } : {}),
    gateway: d.gateway,
    listener: d.listener,
    route: d.route,
    ruleIndex: d.ruleIndex,
    ...(d.backend ? { backend: d.backend } : {}),
    backends: d.alternatives.filter((a) => a.valid && a.weight > 0).map((a) => `${a.namespace}/${a.service}`),
    method: req.method,
    upstreamPath: upstream,
    ...(d.rewrittenPath !== undefined ? { rewrittenPath: d.rewrittenPath } : {}),
    ...(d.rewrittenHost !== undefined ? { rewrittenHost: d.rewrittenHost } : {}),
    requestHeadersAdded: reqEdits.added,
    requestHeadersRemoved: reqEdits.removed,
    responseHeadersAdded: resEdits.added,
    responseHeadersRemoved: resEdits.removed,
    ...(d.redirect ? { redirectLocation: d.redirect.location } : {}),
    explanation: d.explanation.map((s) => `${s.chosen ? '✓' : '✗'} ${s.step} ${s.candidate}: ${s.reason}`),
  };
}
