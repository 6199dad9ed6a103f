'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { readViewState, writeViewState, type TopologyViewState } from '@/lib/topology/view-state';

/** The topology view state, read from and written to the URL (replace, no scroll), so any view can be shared. */
export function useViewState(): [TopologyViewState, (patch: Partial<TopologyViewState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => readViewState(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (patch: Partial<TopologyViewState>) => {
      const next: TopologyViewState = { ...readViewState(new URLSearchParams(window.location.search)), ...patch };
      for (const k of Object.keys(patch) as Array<keyof TopologyViewState>) if (patch[k] === undefined) delete next[k];
      const qs = writeViewState(next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
