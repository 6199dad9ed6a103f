'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import {
  controlAccess,
  permissionKey,
  type ControlAccess,
  type PermissionNeed,
  type PermissionsState,
  type PermissionsView,
} from '@/lib/model/permissions';
import { k8sKeys } from './keys';

/** Whether a control may act, and if not, the sentence to show beside it (as its title/description). */
export interface Permission {
  allowed: boolean;
  reason?: string;
}

/** The query of /api/auth/permissions for one namespace of one context ('' context: the selected one). */
export function permissionsQuery(context: string, namespace: string) {
  return {
    queryKey: k8sKeys.permissions({ context, namespace }),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<PermissionsView> => {
      const params = new URLSearchParams({ context, namespace });
      const res = await fetch(`/api/auth/permissions?${params}`, { signal, cache: 'no-store' });
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
        throw new Error(typeof body?.error === 'string' ? body.error : `the console server answered ${res.status}`);
      }
      return (await res.json()) as PermissionsView;
    },
    staleTime: 60_000,
  };
}

/**
 * What the signed-in user may change in `namespace` of `context`, from /api/auth/permissions.
 * `can()` answers allowed while loading or after a failure (for callers that only need the reason);
 * `access()` says `checking` while loading, so an edit control is never shown usable before the answer.
 */
export function usePermissions(context: string, namespace: string) {
  const query = useQuery(permissionsQuery(context, namespace));
  const byKey = new Map((query.data?.checks ?? []).map((c) => [permissionKey(c.verb, c.resource, c.group), c]));
  const state: PermissionsState =
    query.status === 'success'
      ? { status: 'success', view: query.data }
      : query.status === 'error'
        ? { status: 'error', message: query.error.message }
        : { status: 'pending' };
  return {
    ...query,
    /** e.g. `can('update', 'httproutes', 'gateway.networking.k8s.io')`. */
    can(verb: string, resource: string, group: string): Permission {
      const check = byKey.get(permissionKey(verb, resource, group));
      return check && !check.allowed ? { allowed: false, ...(check.reason ? { reason: check.reason } : {}) } : { allowed: true };
    },
    /** The control state for `verb` on `resource` here: checking, allowed, denied (with the reason) or unknown. */
    access(verb: string, resource: string, group: string): ControlAccess {
      return controlAccess([{ verb, resource, group, namespace }], () => state);
    },
  };
}

/**
 * The control state for needs that may span namespaces (an Apply of a multi-document manifest): one
 * permissions query per namespace (shared with every other control asking about it), then
 * {@link controlAccess}.
 */
export function useControlAccess(context: string, needs: PermissionNeed[]): ControlAccess {
  const namespaces = [...new Set(needs.map((n) => n.namespace))].sort();
  const results = useQueries({ queries: namespaces.map((ns) => permissionsQuery(context, ns)) });
  const byNamespace = new Map<string, PermissionsState>(
    namespaces.map((ns, i) => {
      const r = results[i];
      if (r?.status === 'success') return [ns, { status: 'success', view: r.data }];
      if (r?.status === 'error') return [ns, { status: 'error', message: r.error.message }];
      return [ns, { status: 'pending' }];
    }),
  );
  return controlAccess(needs, (ns) => byNamespace.get(ns) ?? { status: 'pending' });
}
