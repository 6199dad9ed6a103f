'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TopologyData, TraceResponse } from '@/lib/topology/types';
import { k8sKeys } from './keys';

/**
 * The topology page's model of a context; refetched on every watch batch (useLiveUpdates invalidates
 * derived views). A large cluster is scoped by the server (`initial.scope.mode === 'server'`): then
 * `scope` (the view's filters as lib/topology/scope.ts `scopeKey` writes them) is part of the query, and
 * the previous view stays on screen while the next one is read.
 */
export function useTopology(initial: TopologyData, scope = '') {
  const scoped = initial.scope?.mode === 'server';
  const key = scoped ? scope : '';
  const initialKey = initial.scope?.mode === 'server' ? initial.scope.key : '';
  return useQuery({
    queryKey: k8sKeys.derived({ context: initial.context, view: `topology${key ? ` ${key}` : ''}` }),
    queryFn: async ({ signal }): Promise<TopologyData> => {
      const q = `context=${encodeURIComponent(initial.context)}&view=1${key ? `&${key}` : ''}`;
      const res = await fetch(`/api/topology?${q}`, { signal, cache: 'no-store' });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        throw new Error(body.message ?? `Reading the topology failed with HTTP ${res.status}; the graph may be out of date.`);
      }
      return (await res.json()) as TopologyData;
    },
    // The server rendered the page for the link's filters: that answer serves only their key.
    ...(key === initialKey ? { initialData: initial } : {}),
    placeholderData: keepPreviousData,
  });
}

/** A node's focused paths only (detail pages); refetched on every watch batch like the whole graph. */
export function useFocusedTopology(initial: TopologyData, focus: string, collapse: boolean) {
  return useQuery({
    queryKey: k8sKeys.derived({ context: initial.context, view: `topology focus ${focus}${collapse ? ' collapsed' : ''}` }),
    queryFn: async ({ signal }): Promise<TopologyData> => {
      const q = new URLSearchParams({ context: initial.context, focus, ...(collapse ? { collapse: '1' } : {}) });
      const res = await fetch(`/api/topology?${q.toString()}`, { signal, cache: 'no-store' });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        throw new Error(body.message ?? `Reading the traffic paths failed with HTTP ${res.status}; they may be out of date.`);
      }
      return (await res.json()) as TopologyData;
    },
    initialData: initial,
  });
}

/** What the trace box sends. */
export interface TraceQuery {
  url: string;
  method: string;
  headers: string[];
}

/**
 * The engine's decision for a traced request. Keyed as a derived view, so a
 * change in the cluster re-traces it and the highlighted path stays true.
 */
export function useTrace(context: string, q: TraceQuery | undefined) {
  return useQuery({
    queryKey: k8sKeys.derived({ context, view: `trace ${q?.method ?? ''} ${q?.url ?? ''} ${(q?.headers ?? []).join('\n')}` }),
    enabled: Boolean(q?.url),
    queryFn: async ({ signal }): Promise<TraceResponse> => {
      const res = await fetch(`/api/trace?context=${encodeURIComponent(context)}`, {
        method: 'POST',
        signal,
        cache: 'no-store',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(q),
      });
      const body = (await res.json().catch(() => ({}))) as TraceResponse & { message?: string };
      if (!res.ok) throw new Error(body.message ?? `Tracing the request failed with HTTP ${res.status}`);
      return body;
    },
    retry: false,
  });
}
