import 'server-only';
import { kinds, type KindName } from '@/lib/model/kinds';
import type { ObjectList } from '@/lib/model/lists';
import { getClusterCache } from './cache/registry';

/** Whether a string names one of the console's kinds (route parameters arrive untyped). */
export function isKindName(value: string): value is KindName {
  return Object.hasOwn(kinds, value);
}

/** A kind's objects from the live cache, with the version served and whether the watch is healthy. */
export async function listObjects(kind: KindName, opts: { context?: string; namespace?: string } = {}): Promise<ObjectList> {
  const cache = await getClusterCache(opts.context);
  const sync = cache.syncState()[kind];
  return {
    kind,
    context: cache.context,
    served: Boolean(cache.served[kind]),
    ...(sync?.version ? { version: sync.version } : {}),
    stale: sync ? !sync.synced : false,
    ...(sync?.error ? { error: sync.error } : {}),
    items: cache.list(kind, opts.namespace),
  };
}
