'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { readViewState, writeViewState, type TopologyViewState } from '@/lib/topology/view-state';

/**
 * The topology view state, read from and written to the URL, so any view can be shared. Written with the
 * History API (Next keeps useSearchParams in step): a router navigation would re-render the page on the
 * server for every filter keystroke, pan and zoom, recomputing the engine's model each time; the data a
 * view needs is read by useTopology instead.
 */
export function useViewState(): [TopologyViewState, (patch: Partial<TopologyViewState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readViewState(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (patch: Partial<TopologyViewState>) => {
      // replaceState is synchronous: two quick updates (a click, then a viewport move) build on each other.
      const next: TopologyViewState = { ...readViewState(new URLSearchParams(window.location.search)), ...patch };
      for (const k of Object.keys(patch) as Array<keyof TopologyViewState>) if (patch[k] === undefined) delete next[k];
      const qs = writeViewState(next).toString();
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  return [state, update];
}
