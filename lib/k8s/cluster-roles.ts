import 'server-only';
import { keyOfObject } from '@/lib/model/objects';
import type { ClusterCache } from './cache/cluster-cache';
import { getClusterCache } from './cache/registry';
import { duplicateGateways } from './context-choice';
import { getContextsView } from './current-context';

/**
 * The cache of the context this browser marked as the ASM mesh instance (where ASMMeshConfig lives);
 * the given cache itself on a single cluster, which is the default.
 */
export async function meshCacheFor(cache: ClusterCache): Promise<ClusterCache> {
  const view = await getContextsView();
  const mesh = view?.roles.mesh;
  return !mesh || mesh === cache.context ? cache : getClusterCache(mesh);
}

/**
 * Gateways of this context that also exist, by namespace and name, in another data-plane cluster this
 * browser marked (multi-cluster mode only). Unreachable data planes are skipped, not fatal.
 */
export async function duplicateGatewaysFor(cache: ClusterCache): Promise<Map<string, string[]>> {
  const view = await getContextsView();
  const planes = view?.roles.dataPlanes ?? [];
  if (planes.length < 2 || !planes.includes(cache.context)) return new Map();
  const others = await Promise.all(
    planes
      .filter((c) => c !== cache.context)
      .map(async (context) => {
        try {
          const other = await getClusterCache(context);
          return { context, gateways: other.list('Gateway').map(keyOfObject) };
        } catch {
          return undefined;
        }
      }),
  );
  return duplicateGateways(
    { context: cache.context, gateways: cache.list('Gateway').map(keyOfObject) },
    others.filter((o): o is { context: string; gateways: string[] } => o !== undefined),
  );
}
