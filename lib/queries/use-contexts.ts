'use client';

import { useQuery } from '@tanstack/react-query';
import type { ContextReachability, ContextsView } from '@/lib/model/cluster';
import { k8sKeys } from './keys';

/** What `GET /api/cluster?contexts=1` answers. */
export interface ContextsAnswer {
  view: ContextsView | null;
  reachability: ContextReachability[];
}

/** Every context with its reachability; fetched only while the picker is open (each probe is a request). */
export function useContexts(enabled: boolean) {
  return useQuery({
    queryKey: k8sKeys.contexts(),
    queryFn: async ({ signal }): Promise<ContextsAnswer> => {
      const res = await fetch('/api/cluster?contexts=1', { signal, cache: 'no-store' });
      if (!res.ok) throw new Error(`Listing the kubeconfig contexts failed with HTTP ${res.status}. Retry, or reload the page.`);
      return (await res.json()) as ContextsAnswer;
    },
    enabled,
    staleTime: 10_000,
  });
}
