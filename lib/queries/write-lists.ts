import { notifyManager, type QueryClient } from '@tanstack/react-query';
import type { ObjectList } from '@/lib/model/lists';
import type { WatchEvent } from '@/lib/model/objects';
import { applyEvents } from './apply-events';
import { k8sKeys } from './keys';

/**
 * Writes one flush of watch events into every cached list of a context. The writes notify in one batch, so the
 * components that read several lists (a form's services, grants and gateways) render once for the flush; lists the
 * events do not touch keep their object, and lists no component reads notify nobody.
 */
export function writeLists(client: QueryClient, context: string, events: WatchEvent[]): void {
  notifyManager.batch(() => {
    for (const [key, data] of client.getQueriesData<ObjectList>({ queryKey: [...k8sKeys.all, 'list', context] })) {
      if (!data) continue;
      const namespace = key[5] === '*' ? undefined : (key[5] as string);
      const next = applyEvents(data, events, namespace);
      if (next !== data) client.setQueryData(key, next);
    }
  });
}
