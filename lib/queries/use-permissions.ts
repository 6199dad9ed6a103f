'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
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
  const state = stateOfQuery(query);
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
  const { states } = useNamespaceStates(
    context,
    needs.map((n) => n.namespace),
  );
  return controlAccess(needs, (ns) => states.get(ns) ?? { status: 'pending' });
}

/**
 * The permissions of each namespace (one query each, shared with every other control asking about it), and a string
 * that changes only when one of their answers does (to memoize on).
 */
function useNamespaceStates(
  context: string,
  namespaces: readonly string[],
): { states: Map<string, PermissionsState>; answers: string } {
  const sorted = [...new Set(namespaces)].sort();
  const results = useQueries({ queries: sorted.map((ns) => permissionsQuery(context, ns)) });
  return {
    states: new Map(sorted.map((ns, i) => [ns, stateOfQuery(results[i])])),
    answers: sorted.map((ns, i) => `${ns}:${results[i]?.status}:${results[i]?.dataUpdatedAt}`).join('|'),
  };
}

/**
 * One verb on one resource across the namespaces of a list's rows, as a lookup that keeps its identity (and returns
 * the same objects) until an answer changes: a list asks once, not once per row, so rows scrolling into view mount
 * without a query of their own, and memoized rows do not re-render for nothing.
 *
 * It asks about all namespaces first (a namespace-less access review): allowed there is allowed in each, which is
 * every row of a cluster admin in one request. Only when that is refused does it ask per namespace of the rows, since
 * a RoleBinding may still allow some; a list of 10,000 routes spans dozens of namespaces, and a request per namespace
 * up front would hold the browser's connections while the rows themselves wait.
 */
export function useAccessByNamespace(
  context: string,
  namespaces: readonly string[],
  verb: string,
  resource: string,
  group: string,
): (namespace: string) => ControlAccess {
  const wide = useQuery(permissionsQuery(context, ''));
  const wideState = stateOfQuery(wide);
  const wideAccess = controlAccess([{ verb, resource, group, namespace: '' }], () => wideState);
  const perNamespace = wideAccess.state === 'denied' || wideAccess.state === 'unknown';
  const { states, answers: perAnswers } = useNamespaceStates(context, perNamespace ? namespaces : []);
  // What the lookup depends on, as a string: the same answers give the same lookup.
  const answers = `*:${wide.status}:${wide.dataUpdatedAt}|${perAnswers}`;
  return useMemo(
    () => (perNamespace ? accessLookup(states, verb, resource, group) : () => wideAccess),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `answers` stands for `states` and `wideAccess`, new each render.
    [answers, verb, resource, group],
  );
}

/** A permissions query's result as the state {@link controlAccess} reads. */
function stateOfQuery(
  r: { status: 'pending' | 'error' | 'success'; data?: PermissionsView | undefined; error: Error | null } | undefined,
): PermissionsState {
  if (r?.status === 'success' && r.data) return { status: 'success', view: r.data };
  if (r?.status === 'error') return { status: 'error', message: r.error?.message ?? 'the permissions query failed' };
  return { status: 'pending' };
}

/** A memoizing lookup of {@link controlAccess} for one need per namespace. */
function accessLookup(
  states: ReadonlyMap<string, PermissionsState>,
  verb: string,
  resource: string,
  group: string,
): (namespace: string) => ControlAccess {
  const known = new Map<string, ControlAccess>();
  return (namespace) => {
    let access = known.get(namespace);
    if (!access) {
      access = controlAccess([{ verb, resource, group, namespace }], (ns) => states.get(ns) ?? { status: 'pending' });
      known.set(namespace, access);
    }
    return access;
  };
}
