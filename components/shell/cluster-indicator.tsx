'use client';

import { useState } from 'react';
import type { ClusterStatus } from '@/lib/model/cluster';
import { useClusterStatus } from '@/lib/queries/use-cluster-status';
import { useLiveUpdates } from '@/lib/queries/use-live-updates';
import { ContextPicker } from './context-picker';

/** Current context (with the switch) and whether its API server answers; polls so an outage shows without reload. */
export function ClusterIndicator({ initial }: { initial: ClusterStatus }) {
  const { data, refetch } = useClusterStatus(initial);
  // Only the user's own recheck shows progress: the background poll every 10 s would otherwise render (and commit)
  // the header twice per poll, on every page, for a state that usually did not change.
  const [checking, setChecking] = useState(false);
  const recheck = () => {
    setChecking(true);
    void refetch().finally(() => setChecking(false));
  };
  // One watch stream per tab, opened here because the header is on every page.
  const live = useLiveUpdates(data.reachable ? data.context?.name : undefined);
  const state = !data.configured ? 'unconfigured' : data.reachable ? 'reachable' : 'unreachable';
  const label = { unconfigured: 'No cluster', reachable: 'Connected', unreachable: 'Unreachable' }[state];
  return (
    <div className="cluster-indicator" role="status" aria-label="Cluster connection">
      <span className={`dot dot-${state}`} aria-hidden="true" />
      <ContextPicker current={data.context?.name} embedded={data.embedded} />
      <span className="connection-state">
        {label}
        {data.version ? ` · ${data.version}` : ''}
      </span>
      {data.reachable ? (
        <span className="live">
          {live === 'live' ? 'live updates' : live === 'reconnecting' ? 'reconnecting… data may be stale' : 'connecting…'}
        </span>
      ) : null}
      {data.problem ? <span className="problem">{data.problem}</span> : null}
      <button type="button" className="button-quiet" onClick={recheck} disabled={checking}>
        {checking ? 'Checking…' : 'Recheck'}
      </button>
    </div>
  );
}
