'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { readListView, type ListViewState } from '@/lib/model/list-view';

const paramOf: Record<keyof ListViewState, string> = { q: 'q', namespace: 'ns', state: 'state', sort: 'sort', dir: 'dir' };

/** The list's view state, read from and written to the URL so every view can be shared. */
export function useListView(): [ListViewState, (patch: Partial<ListViewState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => readListView(params), [params]);
  const update = useCallback(
    (patch: Partial<ListViewState>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch) as Array<[keyof ListViewState, string]>) {
        if (v) next.set(paramOf[k], v);
        else next.delete(paramOf[k]);
      }
      // The native History API (which the App Router keeps useSearchParams in step with) changes the
      // URL without a server round trip: filtering is client-side, so a keystroke costs one render.
      window.history.replaceState(null, '', `${pathname}?${next.toString()}`);
    },
    [params, pathname],
  );
  return [view, update];
}
