/**
 * Reading the status a controller wrote: which conditions say what. Pure helpers for display; they
 * never compute status themselves (that is the engine's job, in lib/gateway-api).
 */
import type { HealthCounts, HealthState } from './overview';

export interface StatusCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/**
 * The health of an object from the conditions its controller wrote: `pending` when there are none
 * (no controller handles it yet), `error` when a required condition is False, `warning` when a
 * required condition is Unknown or written for an older generation.
 */
export function healthOf(
  conditions: readonly StatusCondition[] | undefined,
  required: readonly string[],
  generation?: number,
): HealthState {
  if (!conditions || conditions.length === 0) return 'pending';
  let state: HealthState = 'ok';
  for (const type of required) {
    const c = conditions.find((x) => x.type === type);
    if (!c || c.status === 'Unknown') state = 'warning';
    else if (c.status === 'False') return 'error';
    else if (generation !== undefined && c.observedGeneration !== undefined && c.observedGeneration < generation)
      state = 'warning';
  }
  return state;
}

/** The conditions that explain a non-ok health: False ones first, then Unknown. */
export function failingConditions(
  conditions: readonly StatusCondition[] | undefined,
  required: readonly string[],
): StatusCondition[] {
  return (conditions ?? [])
    .filter((c) => required.includes(c.type) && c.status !== 'True')
    .sort((a, b) => (a.status === 'False' ? -1 : 0) - (b.status === 'False' ? -1 : 0));
}

export function emptyCounts(): HealthCounts {
  return { ok: 0, warning: 0, error: 0, pending: 0 };
}
