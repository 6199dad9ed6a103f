'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { readViewState, writeViewState, type TopologyViewState } from '@/lib/topology/view-state';

/** The topology view state, read from and written to the URL (replace, no scroll), so any view can be shared. */
export function useViewState(): [TopologyViewState, (patch: Partial<TopologyViewState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => readViewState(new URLSearchParams(params.toString())), [params]);
  // router.replace lands asynchronously: two quick updates (a click, then a viewport move) must
  // build on each other, not both on the URL as it was.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const update = useCallback(
    (patch: Partial<TopologyViewState>) => {
      const base = pending.current ?? window.location.search;
      const next: TopologyViewState = { ...readViewState(new URLSearchParams(base)), ...patch };
      for (const k of Object.keys(patch) as Array<keyof TopologyViewState>) if (patch[k] === undefined) delete next[k];
      const qs = writeViewState(next).toString();
      pending.current = qs;
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
