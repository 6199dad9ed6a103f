'use client';

import { useQuery } from '@tanstack/react-query';
import type { Overview } from '@/lib/model/overview';
import { k8sKeys } from './keys';

/** The overview checklist; refetched whenever the watch reports a change (see useLiveUpdates). */
export function useOverview(initial: Overview) {
  return useQuery({
    queryKey: k8sKeys.derived({ context: initial.context, view: 'overview' }),
    queryFn: async ({ signal }): Promise<Overview> => {
      const res = await fetch(`/api/overview?context=${encodeURIComponent(initial.context)}`, { signal, cache: 'no-store' });
      if (!res.ok) throw new Error(`Reading the overview failed with HTTP ${res.status}; the list below may be out of date.`);
      return (await res.json()) as Overview;
    },
    initialData: initial,
    // CRDs are not watched (their schemas are large): look again now and then.
    refetchInterval: 15_000,
  });
}
