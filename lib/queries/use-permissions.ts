'use client';

import { useQuery } from '@tanstack/react-query';
import { permissionKey, type PermissionsView } from '@/lib/model/permissions';
import { k8sKeys } from './keys';

/** Whether a control may act, and if not, the sentence to show beside it (as its title/description). */
export interface Permission {
  allowed: boolean;
  reason?: string;
}

/**
 * What the signed-in user may change in `namespace` of `context`, from /api/auth/permissions. While
 * loading (or when the question failed) everything counts as allowed: the API still refuses with a
 * 403 that the action reports, so a slow answer never locks the user out.
 */
export function usePermissions(context: string, namespace: string) {
  const query = useQuery({
    queryKey: k8sKeys.permissions({ context, namespace }),
    queryFn: async ({ signal }): Promise<PermissionsView> => {
      const params = new URLSearchParams({ context, namespace });
      const res = await fetch(`/api/auth/permissions?${params}`, { signal, cache: 'no-store' });
      if (!res.ok) throw new Error(`The console server answered ${res.status} for your permissions`);
      return (await res.json()) as PermissionsView;
    },
    staleTime: 60_000,
  });
  const byKey = new Map((query.data?.checks ?? []).map((c) => [permissionKey(c.verb, c.resource, c.group), c]));
  return {
    ...query,
    /** e.g. `can('update', 'httproutes', 'gateway.networking.k8s.io')`. */
    can(verb: string, resource: string, group: string): Permission {
      const check = byKey.get(permissionKey(verb, resource, group));
      return check && !check.allowed ? { allowed: false, ...(check.reason ? { reason: check.reason } : {}) } : { allowed: true };
    },
  };
}
