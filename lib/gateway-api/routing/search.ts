/**
 * Scans a listener's host index in precedence order. Spec (HTTPRoute.hostnames):
 * rules of routes with the longest matching exact hostname come first, then
 * the longest matching wildcard, then routes without hostnames; within each, the
 * pre-sorted match precedence applies. The first candidate that matches wins.
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

/** How a search reports on candidates when explaining. */
export interface SearchExplainer<C> {
  label: (c: C) => string;
  misses: (c: C) => string[];
  lostTo: (winner: C, loser: C) => string;
}

/** Bound on explanation steps per decision, so traces of huge listeners stay cheap. */
const MAX_STEPS = 40;

/** Finds the winning candidate; when `explain` is given, records why each candidate won or lost. */
export function searchTiers<C>(
  tiers: HostTier<C>[],
  hits: (c: C) => boolean,
  explain?: { steps: ExplanationStep[]; ex: SearchExplainer<C> },
): { winner: C; tier: HostTier<C> } | undefined {
  let found: { winner: C; tier: HostTier<C> } | undefined;
  let budget = MAX_STEPS;
  for (const tier of tiers) {
    for (const c of tier.candidates) {
      if (!found) {
        if (hits(c)) {
          found = { winner: c, tier };
          if (!explain) return found;
          const via = tier.hostname ? `route hostname ${tier.hostname}` : 'route without hostnames';
          explain.steps.push({ step: 'rule', candidate: explain.ex.label(c), chosen: true, reason: `highest-precedence match (${via})` });
        } else if (explain && budget-- > 0) {
          explain.steps.push({ step: 'rule', candidate: explain.ex.label(c), chosen: false, reason: explain.ex.misses(c).join('; ') });
        }
      } else if (!explain || budget <= 0) {
        return found;
      } else if (c !== found.winner && hits(c)) {
        budget--;
        const reason =
          tier === found.tier
            ? explain.ex.lostTo(found.winner, c)
            : `matches too, but route hostname ${found.tier.hostname || '(none)'} is more specific than ${tier.hostname || '(none)'}`;
        explain.steps.push({ step: 'rule', candidate: explain.ex.label(c), chosen: false, reason });
      }
    }
  }
  return found;
}

/** The fast path without explanation: first candidate `hits` accepts, scanning tiers in order. */
export function firstHit<C, X>(tiers: HostTier<C>[], hits: (c: C, x: X) => boolean, x: X): { winner: C; tier: HostTier<C> } | undefined {
  for (const tier of tiers) {
    for (const c of tier.candidates) if (hits(c, x)) return { winner: c, tier };
  }
  return undefined;
}
