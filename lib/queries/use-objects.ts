'use client';

import { useQuery } from '@tanstack/react-query';
import { kinds, type KindName } from '@/lib/model/kinds';
import type { ObjectList } from '@/lib/model/lists';
import { k8sKeys } from './keys';

/** Fetches a kind's objects; kept current by {@link useLiveUpdates} rather than by polling. */
export function useObjects(context: string, kind: KindName, namespace?: string) {
  return useQuery({
    queryKey: k8sKeys.list({ context, group: kinds[kind].group, kind, ...(namespace ? { namespace } : {}) }),
    queryFn: async ({ signal }): Promise<ObjectList> => {
      const params = new URLSearchParams({ context, ...(namespace ? { namespace } : {}) });
      const res = await fetch(`/api/objects/${kind}?${params}`, { signal, cache: 'no-store' });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        throw new Error(
          body.message ?? `Listing ${kind} objects failed with HTTP ${res.status}. Check the cluster connection and retry.`,
        );
      }
      return (await res.json()) as ObjectList;
    },
  });
}
