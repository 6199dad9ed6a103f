/**
 * Precedence among route matches, exactly in the order the spec lists.
 *
 * HTTPRouteRule.matches: across all rules of applicable routes, precedence goes
 * to the match having an Exact path, then the PathPrefix with the most
 * characters, then a method match, then the most header matches, then the most
 * query param matches (RegularExpression paths are implementation-specific:
 * here they follow PathPrefix, longer patterns first). Remaining ties: the
 * oldest route (creationTimestamp), then `{namespace}/{name}` alphabetically,
 * then the first rule in list order.
 *
 * GRPCRouteRule.matches: most characters in a matching service, then method,
 * then most header matches; the same route-level tie-breaks.
 */
import type { GrpcCandidate, HttpCandidate, RouteRef } from './table';

const PATH_RANK = { Exact: 0, PathPrefix: 1, RegularExpression: 2 } as const;

/** Route-level tie-breaks: oldest first, then `namespace/name`. */
export function compareRoutes(a: RouteRef, b: RouteRef): number {
  if (a.createdMs !== b.createdMs) return a.createdMs < b.createdMs ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return 0;
}

/** Tie-breaks after match criteria: route age, `namespace/name`, rule order, match order. */
export function compareTies(a: HttpCandidate | GrpcCandidate, b: HttpCandidate | GrpcCandidate): number {
  const r = compareRoutes(a.route, b.route);
  if (r !== 0) return r;
  if (a.rule.index !== b.rule.index) return a.rule.index - b.rule.index;
  return a.matchIndex - b.matchIndex;
}

/** Sort comparator for HTTPRoute candidates: negative when `a` takes precedence. */
export function compareHttpCandidates(a: HttpCandidate, b: HttpCandidate): number {
  return compareHttpMatchKeys(a, b) || compareTies(a, b);
}

/** HTTPRoute match criteria only (path type and length, method, headers, query). */
export function compareHttpMatchKeys(a: HttpCandidate, b: HttpCandidate): number {
  const ma = a.match;
  const mb = b.match;
  const rank = PATH_RANK[ma.pathType] - PATH_RANK[mb.pathType];
  if (rank !== 0) return rank;
  if (ma.pathType !== 'Exact') {
    // Compare the effective prefix so `/foo/` and `/foo` (equivalent per spec) tie.
    const la = ma.pathType === 'PathPrefix' ? ma.prefixBase.length : ma.pathValue.length;
    const lb = mb.pathType === 'PathPrefix' ? mb.prefixBase.length : mb.pathValue.length;
    if (la !== lb) return lb - la;
  }
  const meth = (mb.method ? 1 : 0) - (ma.method ? 1 : 0);
  if (meth !== 0) return meth;
  if (ma.headers.length !== mb.headers.length) return mb.headers.length - ma.headers.length;
  if (ma.query.length !== mb.query.length) return mb.query.length - ma.query.length;
  return 0;
}

/** Sort comparator for GRPCRoute candidates: negative when `a` takes precedence. */
export function compareGrpcCandidates(a: GrpcCandidate, b: GrpcCandidate): number {
  const sa = a.match.service?.length ?? 0;
  const sb = b.match.service?.length ?? 0;
  if (sa !== sb) return sb - sa;
  const ta = a.match.method?.length ?? 0;
  const tb = b.match.method?.length ?? 0;
  if (ta !== tb) return tb - ta;
  if (a.match.headers.length !== b.match.headers.length) return b.match.headers.length - a.match.headers.length;
  return compareTies(a, b);
}

/** Why `winner` beat `loser`, in the spec's words, for the explanation trail. */
export function httpPrecedenceReason(winner: HttpCandidate, loser: HttpCandidate): string {
  const w = winner.match;
  const l = loser.match;
  if (w.pathType !== l.pathType) return `${w.pathType} path match takes precedence over ${l.pathType}`;
  if (w.pathType === 'PathPrefix' && w.prefixBase.length !== l.prefixBase.length) return 'longer path prefix takes precedence';
  if (!!w.method !== !!l.method) return 'method match takes precedence';
  if (w.headers.length !== l.headers.length) return 'more header matches take precedence';
  if (w.query.length !== l.query.length) return 'more query param matches take precedence';
  if (winner.route.key !== loser.route.key) {
    if (winner.route.createdMs !== loser.route.createdMs) return 'older route (creationTimestamp) takes precedence';
    return 'route first in {namespace}/{name} order takes precedence';
  }
  return 'earlier rule in the route takes precedence';
}
