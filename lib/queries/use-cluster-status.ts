'use client';

import { useQuery } from '@tanstack/react-query';
import type { ClusterStatus } from '@/lib/model/cluster';
import { k8sKeys } from './keys';

/** Polls the connection state shown in the header; seeded by the server's first render. */
export function useClusterStatus(initial: ClusterStatus) {
  return useQuery({
    queryKey: k8sKeys.cluster(),
    queryFn: async (): Promise<ClusterStatus> => {
      const res = await fetch('/api/cluster', { cache: 'no-store' });
      if (!res.ok) throw new Error(`The console server answered ${res.status} for the cluster status`);
      return (await res.json()) as ClusterStatus;
    },
    initialData: initial,
    refetchInterval: 10_000,
  });
}
