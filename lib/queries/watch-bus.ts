import type { WatchEvent } from '@/lib/model/objects';

/** Window event carrying each watch batch to components that are not React Query lists. */
export const WATCH_EVENT = 'portico:watch';
export type WatchEventDetail = WatchEvent[];

export function publishWatchBatch(events: WatchEvent[]): void {
  window.dispatchEvent(new CustomEvent<WatchEventDetail>(WATCH_EVENT, { detail: events }));
}
