/**
 * The engine's input, assembled from the informer caches.
 */
import { emptySnapshot, type ASMMeshConfig, type Snapshot } from '@/lib/gateway-api';
import type { KindInformer } from './informer';

/** Name of the one ASMMeshConfig an ASM instance reads. */
export const MESH_CONFIG_NAME = 'default';

/**
 * Builds a Snapshot from the caches. Objects are passed as served (the engine reads only the
 * fields it models); the mesh config is the cluster-scoped `default` object, if present.
 */
export function buildSnapshot(informers: readonly KindInformer[]): Snapshot {
  const s = emptySnapshot();
  // Only served kinds have an informer (discovery), so this tells v0.6 clusters (no GRPCRoute) apart.
  s.servedRouteKinds = [];
  for (const inf of informers) {
    if (inf.def.slot === 'httpRoutes') s.servedRouteKinds.push('HTTPRoute');
    if (inf.def.slot === 'grpcRoutes') s.servedRouteKinds.push('GRPCRoute');
    const slot = inf.def.slot;
    if (slot === 'meshConfig') {
      const cfg = inf.get(MESH_CONFIG_NAME);
      if (cfg) s.meshConfig = cfg as unknown as ASMMeshConfig;
      continue;
    }
    // The caches hold the served JSON of each kind; the engine's types describe that JSON.
    (s[slot] as unknown[]).push(...inf.list());
  }
  return s;
}
