/**
 * `routeHttp`: what a conformant gateway does with one HTTP request.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproute
 */
import { blankDecision, decideRule, ruleLabel } from './decide';
import { normalizeHost } from './hostname';
import { selectListener } from './listener-select';
import { httpMatchHits, httpMatchMisses } from './matchers';
import { httpPrecedenceReason } from './precedence';
import { foldHeaders, parseTarget } from './request';
import { hostTiers, searchTiers, type SearchExplainer } from './search';
import type { HttpCandidate, RouteTable } from './table';
import type { HttpRequestInput, RoutingDecision } from './types';

/** Options of a routing decision. */
export interface RouteOptions {
  /** Uniform [0,1) source for weighted backends and mirror fractions (seed it in tests). */
  random?: () => number;
  /** Record why every considered candidate lost (default true); false for the data plane's hot path. */
  explain?: boolean;
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
  const sel = selectListener(table, req);
  const d = blankDecision(explain ? sel.steps : []);
  if (!sel.listener) {
    d.status = sel.status ?? 404;
    return d;
  }
  const l = sel.listener;
  d.gateway = l.gateway;
  d.listener = l.name;
  const host = normalizeHost(req.host);
  const target = parseTarget(req.path);
  const headers = foldHeaders(req.headers);
  const method = req.method;
  const ex: SearchExplainer<HttpCandidate> = {
    label: (c) => ruleLabel(c.route, c.rule, c.matchIndex),
    misses: (c) => httpMatchMisses(c.match, method, target, headers),
    lostTo: (w, c) => httpPrecedenceReason(w, c),
  };
  const tiers = hostTiers(l.http, host);
  const found = searchTiers(tiers, (c) => httpMatchHits(c.match, method, target, headers), explain ? { steps: d.explanation, ex } : undefined);
  if (!found) {
    d.status = 404;
    d.explanation.push({
      step: 'route',
      candidate: `${l.gateway}/${l.name}`,
      chosen: false,
      reason: tiers.length ? 'no rule of the attached HTTPRoutes matches: 404' : `no HTTPRoute attached to this listener admits host ${host}: 404`,
    });
    return d;
  }
  const c = found.winner;
  d.matchIndex = c.matchIndex;
  d.explanation.push({ step: 'route', candidate: c.route.key, chosen: true, reason: found.tier.hostname ? `hostname ${found.tier.hostname} admits ${host}` : 'route has no hostnames' });
  return decideRule(
    d,
    c.route,
    c.rule,
    { scheme: req.scheme, host, method, target, headers, listenerPort: l.port, routeNamespace: c.route.namespace, match: c.match, random },
    false,
  );
}
