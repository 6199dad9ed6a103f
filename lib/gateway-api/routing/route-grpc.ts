/**
 * `routeGrpc`: GRPCRoute matching and decisions.
 * Spec (GRPCRouteRule.matches): Exact or RegularExpression on service and method;
 * precedence by characters in the matching service, then method, then header
 * matches; no match → the call fails (404 / UNIMPLEMENTED); all backends invalid
 * → UNAVAILABLE.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#grpcroute
 */
import { blankDecision, decideRule, ruleLabel } from './decide';
import { normalizeHost } from './hostname';
import { selectListener } from './listener-select';
import { valueMatches } from './matchers';
import { compareGrpcCandidates, compareTies } from './precedence';
import { foldHeaders, parseTarget } from './request';
import type { RouteOptions } from './route-http';
import { firstHit, hostTiers, searchExplained, type Ordering } from './search';
import type { CompiledGrpcMatch, GrpcCandidate, RouteTable } from './table';
import type { GrpcRequestInput, RoutingDecision } from './types';

function partMisses(
  kind: string,
  want: string | undefined,
  rx: RegExp | null | undefined,
  type: string,
  actual: string,
): string | undefined {
  if (want === undefined) return undefined;
  const ok = type === 'Exact' ? want === actual : rx ? rx.test(actual) : false;
  return ok ? undefined : `${kind} ${actual} does not match ${type} ${want}`;
}

/** Conditions of a gRPC match the call fails (empty = match). */
export function grpcMatchMisses(m: CompiledGrpcMatch, service: string, method: string, headers: Map<string, string>): string[] {
  const out: string[] = [];
  const s = partMisses('service', m.service, m.serviceRegex, m.type, service);
  if (s) out.push(s);
  const t = partMisses('method', m.method, m.methodRegex, m.type, method);
  if (t) out.push(t);
  for (const h of m.headers)
    if (!valueMatches(h, headers.get(h.name))) out.push(`header ${h.name} does not match ${h.type} ${h.value}`);
  return out;
}

/** Spec (GRPCRouteRule.matches): hostname characters come first, so buckets are scanned in hostname order. */
const ORDER: Ordering<GrpcCandidate> = { ties: compareTies };

interface Probe {
  service: string;
  method: string;
  headers: Map<string, string>;
}

function probeHits(c: GrpcCandidate, p: Probe): boolean {
  return grpcHits(c.match, p.service, p.method, p.headers);
}

function grpcHits(m: CompiledGrpcMatch, service: string, method: string, headers: Map<string, string>): boolean {
  if (m.service !== undefined && !(m.type === 'Exact' ? m.service === service : !!m.serviceRegex?.test(service))) return false;
  if (m.method !== undefined && !(m.type === 'Exact' ? m.method === method : !!m.methodRegex?.test(method))) return false;
  for (const h of m.headers) if (!valueMatches(h, headers.get(h.name))) return false;
  return true;
}

/** Routes one gRPC call through the listener's GRPCRoutes. */
export function routeGrpc(table: RouteTable, req: GrpcRequestInput, opts: RouteOptions = {}): RoutingDecision {
  const random = opts.random ?? Math.random;
  const explain = opts.explain !== false;
  const sel = selectListener(table, req, explain);
  const d = blankDecision(sel.steps);
  if (!sel.listener) {
    d.status = sel.status ?? 404;
    d.grpcStatus = 12;
    return d;
  }
  const l = sel.listener;
  d.gateway = l.gateway;
  d.listener = l.name;
  const host = normalizeHost(req.host);
  const headers = foldHeaders(req.headers);
  const tiers = hostTiers(l.grpc, host);
  const p: Probe = { service: req.service, method: req.method, headers };
  const found = explain
    ? searchExplained(tiers, ORDER, (c) => probeHits(c, p), d.explanation, {
        label: (c) => (c.label ??= ruleLabel(c.route, c.rule, c.matchIndex)),
        misses: (c) => grpcMatchMisses(c.match, req.service, req.method, headers),
        lostTo: (w, c) =>
          compareGrpcCandidates(w, c) < 0
            ? 'lower precedence (service, method, header matches, route age, name, rule order)'
            : 'tie',
      })
    : firstHit(tiers, ORDER, probeHits, p);
  if (!found) {
    d.status = 404;
    d.grpcStatus = 12;
    d.explanation.push({
      step: 'route',
      candidate: `${l.gateway}/${l.name}`,
      chosen: false,
      reason: `no GRPCRoute rule matches ${req.service}/${req.method}: UNIMPLEMENTED`,
    });
    return d;
  }
  const c = found.winner;
  d.matchIndex = c.matchIndex;
  d.explanation.push({
    step: 'route',
    candidate: c.route.key,
    chosen: true,
    reason: found.tier.hostname ? `hostname ${found.tier.hostname} admits ${host}` : 'route has no hostnames',
  });
  const target = parseTarget(`/${req.service}/${req.method}`);
  return decideRule(
    d,
    c.route,
    c.rule,
    {
      scheme: req.scheme,
      host,
      method: 'POST',
      target,
      headers,
      listenerPort: l.port,
      routeNamespace: c.route.namespace,
      random,
      explain,
    },
    true,
  );
}
