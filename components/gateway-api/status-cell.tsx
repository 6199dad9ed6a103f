import { StateBadge } from '@/components/ui/state-badge';
import type { HealthState } from '@/lib/model/overview';

const labels = { ok: 'Ready', warning: 'Warning', error: 'Error', pending: 'No status' } as const;

/** A list cell with the object's state and, when not ready, the first failing condition's reason. */
export function StatusCell({ state, problem }: { state: HealthState; problem?: string }) {
  return (
    <span className="status-cell">
      <StateBadge state={state} label={labels[state]} />
      {problem ? <span className="muted"> {problem}</span> : null}
      {state === 'pending' ? <span className="muted"> waiting for a controller</span> : null}
    </span>
  );
}
