/**
 * Weighted backend choice. Spec (HTTPBackendRef.weight, HTTPRouteRule.backendRefs):
 * share = weight / sum of weights; weight 0 is never picked; requests that fall on
 * an invalid backendRef get 500 (its share of traffic), and a rule whose refs are
 * all invalid or all weight 0 answers 500 to everything.
 */
import type { CompiledBackend, CompiledRule } from './table';
import type { WeightedAlternative } from './types';

/** Every backendRef of the rule with its probability. */
export function alternatives(rule: CompiledRule): WeightedAlternative[] {
  return rule.backends.map((b) => {
    const r = b.resolved;
    return {
      service: r.name,
      namespace: r.namespace,
      port: r.port,
      weight: r.weight,
      probability: rule.totalWeight > 0 ? Math.max(0, r.weight) / rule.totalWeight : 0,
      valid: r.valid,
      problem: r.problem ? `${r.problem}${r.message ? `: ${r.message}` : ''}` : undefined,
      endpoints: r.endpoints,
    };
  });
}

/** Picks a backendRef for a uniform draw `u` in [0, 1); undefined when all weights are 0. */
export function pickBackend(rule: CompiledRule, u: number): CompiledBackend | undefined {
  if (rule.totalWeight <= 0) return undefined;
  let x = u * rule.totalWeight;
  let last: CompiledBackend | undefined;
  for (const b of rule.backends) {
    if (b.resolved.weight <= 0) continue;
    last = b;
    if (x < b.resolved.weight) return b;
    x -= b.resolved.weight;
  }
  return last;
}
