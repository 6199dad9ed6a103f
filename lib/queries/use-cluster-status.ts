'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterStatus } from '@/lib/model/cluster';
import { k8sKeys } from './keys';

/** The connection state as the header shows it: without the time of the check, which changes on every poll. */
export type ClusterStatusView = Omit<ClusterStatus, 'checkedAt'>;

// Module-level so React Query keeps the selected value between renders; structural sharing then hands the header
// the same object after a poll that found nothing new, and the header does not render (or commit) for it.
const withoutCheckTime = ({ checkedAt: _checkedAt, ...status }: ClusterStatus): ClusterStatusView => status;

/** The header's cluster status query: polled every 10 s, seeded by the server's first render. */
export function clusterStatusQuery(initial: ClusterStatus) {
  return queryOptions({
    queryKey: k8sKeys.cluster(),
    queryFn: async (): Promise<ClusterStatus> => {
      const res = await fetch('/api/cluster', { cache: 'no-store' });
      if (!res.ok) throw new Error(`The console server answered ${res.status} for the cluster status`);
      return (await res.json()) as ClusterStatus;
    },
    initialData: initial,
    select: withoutCheckTime,
    refetchInterval: 10_000,
  });
}

/** Polls the connection state shown in the header; seeded by the server's first render. */
export function useClusterStatus(initial: ClusterStatus) {
  return useQuery(clusterStatusQuery(initial));
}
