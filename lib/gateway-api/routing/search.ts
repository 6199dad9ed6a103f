/**
 * Scans a listener's candidates in precedence order for one request host.
 *
 * Candidates are bucketed by the route hostname that admits them (exact, then
 * wildcards longest first, then routes without hostnames), each bucket pre-sorted.
 * Two orders are supported:
 * - `merged` (HTTPRoute): the buckets admitting the host are merged by match
 *   precedence, hostname specificity breaking ties before route age. This is what
 *   the conformance suite's HTTPRouteMatchingAcrossRoutes expects (a `/v2` rule
 *   of a `*.com` route beats a `/` rule of an `example.com` route).
 * - `tiered` (GRPCRoute): buckets in hostname order, as GRPCRouteRule.matches lists
 *   hostname characters before service and method.
 */
import type { HostIndex } from './table';
import type { ExplanationStep } from './types';

/** One bucket of candidates admitted by a route hostname. */
export interface HostTier<C> {
  /** The route hostname ('' for routes without hostnames). */
  hostname: string;
  candidates: C[];
}

/** The buckets that admit `host`, most specific first. */
export function hostTiers<C>(index: HostIndex<C>, host: string): HostTier<C>[] {
  const out: HostTier<C>[] = [];
  const exact = index.exact.get(host);
  if (exact) out.push({ hostname: host, candidates: exact });
  for (const w of index.wildcards) {
    if (host.length > w.suffix.length && host.endsWith(w.suffix)) out.push(w);
  }
  if (index.any.length) out.push({ hostname: '', candidates: index.any });
  return out;
}

/** How candidates are ordered across buckets. */
export interface Ordering<C> {
  /** Match-criteria comparison only; undefined = tiered (bucket order first). */
  matchKey?: (a: C, b: C) => number;
  /** Route age, name, rule and match order. */
  ties: (a: C, b: C) => number;
}

/** Iteration state over the buckets. */
interface Cursor<C> {
  tiers: HostTier<C>[];
  pos: number[];
  order: Ordering<C>;
}

function cursor<C>(tiers: HostTier<C>[], order: Ordering<C>): Cursor<C> {
  return { tiers, pos: tiers.map(() => 0), order };
}

/** Next candidate in precedence order, with the index of its bucket; undefined when exhausted. */
function next<C>(cur: Cursor<C>): { c: C; t: number } | undefined {
  const { tiers, pos, order } = cur;
  let bestT = -1;
  let best: C | undefined;
  for (let t = 0; t < tiers.length; t++) {
    const c = (tiers[t] as HostTier<C>).candidates[pos[t] as number];
    if (c === undefined) continue;
    if (!order.matchKey) {
      bestT = t;
      best = c;
      break;
    }
    if (best === undefined) {
      bestT = t;
      best = c;
      continue;
    }
    // Same match key: the earlier (more specific) bucket wins, so only a strictly better key moves.
    const k = order.matchKey(c, best);
    if (k < 0) {
      bestT = t;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  (pos as number[])[bestT] = (pos[bestT] as number) + 1;
  return { c: best, t: bestT };
}

/** The first candidate `hits` accepts, in precedence order (no explanation). */
export function firstHit<C, X>(
  tiers: HostTier<C>[],
  order: Ordering<C>,
  hits: (c: C, x: X) => boolean,
  x: X,
): { winner: C; tier: HostTier<C> } | undefined {
  if (tiers.length === 1) {
    const tier = tiers[0] as HostTier<C>;
    for (const c of tier.candidates) if (hits(c, x)) return { winner: c, tier };
    return undefined;
  }
  const cur = cursor(tiers, order);
  for (let n = next(cur); n; n = next(cur)) if (hits(n.c, x)) return { winner: n.c, tier: tiers[n.t] as HostTier<C> };
  return undefined;
}

/** How a search reports on candidates when explaining. */
export interface SearchExplainer<C> {
  label: (c: C) => string;
  misses: (c: C) => string[];
  lostTo: (winner: C, loser: C) => string;
}

/** Bound on explanation steps per decision, so traces of huge listeners stay cheap. */
const MAX_STEPS = 40;

/** Like {@link firstHit}, recording why each candidate won or lost. */
export function searchExplained<C>(
  tiers: HostTier<C>[],
  order: Ordering<C>,
  hits: (c: C) => boolean,
  steps: ExplanationStep[],
  ex: SearchExplainer<C>,
): { winner: C; tier: HostTier<C> } | undefined {
  const cur = cursor(tiers, order);
  const seen = new Set<C>();
  let found: { winner: C; tier: HostTier<C> } | undefined;
  let budget = MAX_STEPS;
  for (let n = next(cur); n && budget > 0; n = next(cur)) {
    const { c } = n;
    if (seen.has(c)) continue; // a route admitted by two of its hostnames appears in two buckets
    seen.add(c);
    const tier = tiers[n.t] as HostTier<C>;
    if (!found) {
      if (hits(c)) {
        found = { winner: c, tier };
        const via = tier.hostname ? `route hostname ${tier.hostname}` : 'route without hostnames';
        steps.push({ step: 'rule', candidate: ex.label(c), chosen: true, reason: `highest-precedence match (${via})` });
      } else {
        budget--;
        steps.push({ step: 'rule', candidate: ex.label(c), chosen: false, reason: ex.misses(c).join('; ') });
      }
    } else if (hits(c)) {
      budget--;
      const sameKey = order.matchKey ? order.matchKey(found.winner, c) === 0 : tier === found.tier;
      const reason =
        sameKey && tier !== found.tier
          ? `matches equally, but route hostname ${found.tier.hostname || '(none)'} is more specific than ${tier.hostname || '(none)'}`
          : !order.matchKey && tier !== found.tier
            ? `matches too, but route hostname ${found.tier.hostname || '(none)'} is more specific than ${tier.hostname || '(none)'}`
            : ex.lostTo(found.winner, c);
      steps.push({ step: 'rule', candidate: ex.label(c), chosen: false, reason });
    }
  }
  return found;
}
