/**
 * `routeHttp`: what a conformant gateway does with one HTTP request.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproute
 */
import { blankDecision, decideRule, ruleLabel } from './decide';
import { normalizeHost } from './hostname';
import { selectListener } from './listener-select';
import { httpMatchHits, httpMatchMisses } from './matchers';
import { compareHttpMatchKeys, compareTies, httpPrecedenceReason } from './precedence';
import { foldHeaders, parseTarget, type ParsedTarget } from './request';
import { firstHit, hostTiers, searchExplained, type Ordering } from './search';
import type { HttpCandidate, RouteTable } from './table';
import type { HttpRequestInput, RoutingDecision } from './types';

/** Options of a routing decision. */
export interface RouteOptions {
  /** Uniform [0,1) source for weighted backends and mirror fractions (seed it in tests). */
  random?: () => number;
  /** Record why every considered candidate lost (default true); false for the data plane's hot path. */
  explain?: boolean;
}

interface Probe {
  method: string;
  target: ParsedTarget;
  headers: Map<string, string>;
}

/** Match precedence across hostname buckets, hostname specificity next (see search.ts). */
const ORDER: Ordering<HttpCandidate> = { matchKey: compareHttpMatchKeys, ties: compareTies };

function hits(c: HttpCandidate, p: Probe): boolean {
  return httpMatchHits(c.match, p.method, p.target, p.headers);
}

/**
 * Routes one HTTP request: listener (SNI/Host, isolation, 421), the highest-precedence
 * matching rule across the listener's HTTPRoutes, its filters and a weighted backend.
 * 404 when no rule matches (spec HTTPRouteRule.matches), 500 for invalid backends or
 * filters, 3xx for RequestRedirect.
 */
export function routeHttp(table: RouteTable, req: HttpRequestInput, opts: RouteOptions = {}): RoutingDecision {
  const random = opts.random ?? Math.random;
  const explain = opts.explain !== false;
  const sel = selectListener(table, req, explain);
  const d = blankDecision(sel.steps);
  if (!sel.listener) {
    d.status = sel.status ?? 404;
    return d;
  }
  const l = sel.listener;
  d.gateway = l.gateway;
  d.listener = l.name;
  const host = normalizeHost(req.host);
  const p: Probe = { method: req.method, target: parseTarget(req.path), headers: foldHeaders(req.headers) };
  const tiers = hostTiers(l.http, host);
  const found = explain
    ? searchExplained(tiers, ORDER, (c) => hits(c, p), d.explanation, {
        label: (c) => (c.label ??= ruleLabel(c.route, c.rule, c.matchIndex)),
        misses: (c) => httpMatchMisses(c.match, p.method, p.target, p.headers),
        lostTo: (w, c) => httpPrecedenceReason(w, c),
      })
    : firstHit(tiers, ORDER, hits, p);
  if (!found) {
    d.status = 404;
    if (explain) {
      d.explanation.push({
        step: 'route',
        candidate: `${l.gateway}/${l.name}`,
        chosen: false,
        reason: tiers.length
          ? 'no rule of the attached HTTPRoutes matches: 404'
          : `no HTTPRoute attached to this listener admits host ${host}: 404`,
      });
    }
    return d;
  }
  const c = found.winner;
  d.matchIndex = c.matchIndex;
  if (explain) {
    const why = found.tier.hostname ? `hostname ${found.tier.hostname} admits ${host}` : 'route has no hostnames';
    d.explanation.push({ step: 'route', candidate: c.route.key, chosen: true, reason: why });
  }
  return decideRule(
    d,
    c.route,
    c.rule,
    {
      scheme: req.scheme,
      host,
      method: p.method,
      target: p.target,
      headers: p.headers,
      listenerPort: l.port,
      routeNamespace: c.route.namespace,
      match: c.match,
      random,
      explain,
    },
    false,
  );
}
