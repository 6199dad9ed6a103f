import type { ConditionComparison, ConditionView } from '@/lib/model/details';

interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/**
 * Pairs the conditions the cluster holds with the engine's for one scope, by type. Pure, so the
 * pairing rules (what counts as agreement, what is stale) are unit-tested.
 */
export function compareConditions(
  scope: string,
  cluster: readonly Cond[] | undefined,
  portico: readonly Cond[] | undefined,
  generation?: number,
): ConditionComparison[] {
  const types = [...new Set([...(cluster ?? []).map((c) => c.type), ...(portico ?? []).map((c) => c.type)])];
  return types.map((type) => {
    const c = cluster?.find((x) => x.type === type);
    const p = portico?.find((x) => x.type === type);
    const stale = Boolean(
      c && generation !== undefined && c.observedGeneration !== undefined && c.observedGeneration < generation,
    );
    return {
      scope,
      type,
      ...(c ? { cluster: view(c) } : {}),
      ...(p ? { portico: view(p) } : {}),
      stale,
      // No engine opinion (kind it does not analyse) is not a disagreement.
      agree: !p || (c !== undefined && c.status === p.status && c.reason === p.reason),
    };
  });
}

function view(c: Cond): ConditionView {
  return {
    status: c.status,
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
    ...(c.message !== undefined ? { message: c.message } : {}),
    ...(c.observedGeneration !== undefined ? { observedGeneration: c.observedGeneration } : {}),
    ...(c.lastTransitionTime !== undefined ? { lastTransitionTime: c.lastTransitionTime } : {}),
  };
}
