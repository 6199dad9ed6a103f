import 'server-only';
import { kinds, type KindName } from '@/lib/model/kinds';
import type { ListState, ObjectList } from '@/lib/model/lists';
import type { ClusterCache } from './cache/cluster-cache';
import { getClusterCache } from './cache/registry';

/** Whether a string names one of the console's kinds (route parameters arrive untyped). */
export function isKindName(value: string): value is KindName {
  return Object.hasOwn(kinds, value);
}

/** Whether the cluster serves a kind, at which version, and whether its watch is healthy. */
export function listState(cache: ClusterCache, kind: KindName): ListState {
  const sync = cache.syncState()[kind];
  return {
    kind,
    context: cache.context,
    served: Boolean(cache.served[kind]),
    ...(sync?.version ? { version: sync.version } : {}),
    stale: sync ? !sync.synced : false,
    ...(sync?.error ? { error: sync.error } : {}),
  };
}

/** A kind's objects from the live cache, with the version served and whether the watch is healthy. */
export async function listObjects(kind: KindName, opts: { context?: string; namespace?: string } = {}): Promise<ObjectList> {
  const cache = await getClusterCache(opts.context);
  return { ...listState(cache, kind), items: cache.list(kind, opts.namespace) };
}
