import type { HealthState } from '@/lib/model/overview';

/** A coloured state with its words: color is never the only carrier of meaning. */
export function StateBadge({ state, label }: { state: HealthState; label: string }) {
  return <span className={`badge badge-${state}`}>{label}</span>;
}
