import { StateBadge } from '@/components/ui/state-badge';
import { failingConditions, healthOf, type StatusCondition } from '@/lib/model/conditions';

const labels = { ok: 'Ready', warning: 'Warning', error: 'Error', pending: 'No status' } as const;

/** A list cell with the object's state and, when not ready, the first failing condition's reason. */
export function StatusCell({
  conditions,
  required,
  generation,
}: {
  conditions: StatusCondition[] | undefined;
  required: string[];
  generation?: number;
}) {
  const state = healthOf(conditions, required, generation);
  const first = failingConditions(conditions, required)[0];
  return (
    <span className="status-cell">
      <StateBadge state={state} label={labels[state]} />
      {first ? <span className="muted"> {`${first.type}: ${first.reason ?? first.status}`}</span> : null}
      {state === 'pending' ? <span className="muted"> waiting for a controller</span> : null}
    </span>
  );
}
