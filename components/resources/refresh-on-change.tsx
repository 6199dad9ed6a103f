'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { WATCH_EVENT, type WatchEventDetail } from '@/lib/queries/watch-bus';

/**
 * Re-renders a server-rendered page when the watch reports a change it depends on, so a detail page
 * follows kubectl edits and controller status writes without a reload.
 */
export function RefreshOnChange({ keys }: { keys: string[] }) {
  const router = useRouter();
  useEffect(() => {
    const onBatch = (e: Event) => {
      const events = (e as CustomEvent<WatchEventDetail>).detail;
      if (events.some((ev) => keys.includes(`${ev.kind}:${ev.key}`) || keys.includes(`${ev.kind}:*`))) router.refresh();
    };
    window.addEventListener(WATCH_EVENT, onBatch);
    return () => window.removeEventListener(WATCH_EVENT, onBatch);
  }, [keys, router]);
  return null;
}
