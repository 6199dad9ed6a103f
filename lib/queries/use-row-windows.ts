'use client';

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { KindName } from '@/lib/model/kinds';
import type { ListRow } from '@/lib/model/list-rows';
import { LIST_WINDOW_ROWS, listViewParams, type ListViewState, type RowPage } from '@/lib/model/list-view';
import { k8sKeys } from './keys';

async function fetchWindow(context: string, kind: KindName, view: string, window: number, signal: AbortSignal): Promise<RowPage> {
  const params = new URLSearchParams(view);
  params.set('context', context);
  params.set('offset', String(window * LIST_WINDOW_ROWS));
  params.set('limit', String(LIST_WINDOW_ROWS));
  const res = await fetch(`/api/objects/${kind}/rows?${params}`, { signal, cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(
      body.message ?? `Listing ${kind} objects failed with HTTP ${res.status}. Check the cluster connection and retry.`,
    );
  }
  return (await res.json()) as RowPage;
}

/** What the list needs from its windows: the first (counts, namespaces, state) and a row by index, when loaded. */
export interface RowWindows {
  first: RowPage | undefined;
  /** True while the first window shows an earlier view's rows (a filter keystroke's answer is on its way). */
  previous: boolean;
  error: Error | null;
  refetch: () => void;
  rowAt: (index: number) => ListRow | undefined;
  /** The namespaces of the rows held (those in view and around them), sorted; '' for cluster-scoped rows. */
  namespaces: string[];
}

/**
 * The rows of a list in windows of {@link LIST_WINDOW_ROWS}, fetched as the table scrolls to them: the first
 * window always (it carries the counts), plus the windows `visible` names. The server page's own first
 * window seeds the cache, so the first rows paint without a request; live updates refetch what is shown.
 */
export function useRowWindows(
  context: string,
  kind: KindName,
  view: ListViewState,
  visible: readonly number[],
  initial?: { view: string; page: RowPage },
): RowWindows {
  const viewKey = listViewParams(view).toString();
  const seed = initial && initial.view === viewKey ? initial.page : undefined;
  const first = useQuery({
    queryKey: k8sKeys.rows({ context, kind, view: viewKey, window: 0 }),
    queryFn: ({ signal }) => fetchWindow(context, kind, viewKey, 0, signal),
    ...(seed ? { initialData: seed } : {}),
    // While a new filter's rows load, keep showing the previous ones rather than an empty table.
    placeholderData: keepPreviousData,
  });
  const others = useQueries({
    queries: visible
      .filter((w) => w > 0)
      .map((window) => ({
        queryKey: k8sKeys.rows({ context, kind, view: viewKey, window }),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchWindow(context, kind, viewKey, window, signal),
        enabled: !first.isPlaceholderData && Boolean(first.data) && window * LIST_WINDOW_ROWS < (first.data?.matched ?? 0),
      })),
  });
  const byWindow = new Map<number, RowPage>();
  if (first.data) byWindow.set(0, first.data);
  visible
    .filter((w) => w > 0)
    .forEach((w, i) => {
      const data = others[i]?.data;
      if (data) byWindow.set(w, data);
    });
  const error = first.error ?? others.find((q) => q.error)?.error ?? null;
  const namespaces = new Set<string>();
  for (const page of byWindow.values()) for (const row of page.rows) namespaces.add(row.namespace ?? '');
  return {
    first: first.data,
    previous: first.isPlaceholderData,
    error,
    refetch: () => {
      void first.refetch();
      for (const q of others) if (q.error) void q.refetch();
    },
    namespaces: [...namespaces].sort(),
    rowAt: (index) => {
      const window = Math.floor(index / LIST_WINDOW_ROWS);
      const page = byWindow.get(window);
      return page?.rows[index - page.offset];
    },
  };
}
