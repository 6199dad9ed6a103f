/**
 * Adds what the engine's model leaves out because no Gateway serves it:
 * routes no known Gateway takes (detached) and Services no route sends
 * traffic to (orphans). A reviewer must see them, so they are drawn, marked.
 */
import { serviceKeyFromHostname } from '@/lib/gateway-api/addresses';
import { topologyIds as ids } from '@/lib/gateway-api/topology';
import type { AnyRoute, Snapshot } from '@/lib/gateway-api/types';
import { objectKey } from '@/lib/gateway-api/types';
import type { ViewModel, ViewNode } from './types';

/** Services that are never route backends by design, so never worth flagging as orphans. */
function dataPlaneServices(snapshot: Snapshot): Set<string> {
  const out = new Set<string>(['default/kubernetes']); // the API server's own Service
  for (const gw of snapshot.gateways) {
    for (const a of gw.spec.addresses ?? []) {
      const key = a.type === 'Hostname' || a.type === undefined ? serviceKeyFromHostname(a.value) : undefined;
      if (key) out.add(key); // the ingress gateway a Gateway binds to (ASM spec.addresses)
    }
  }
  return out;
}

function detachedReason(route: AnyRoute): string {
  const refs = route.spec.parentRefs ?? [];
  if (refs.length === 0) return 'Detached: the route has no parentRefs, so no Gateway serves it';
  const names = refs.map((r) => `${r.kind ?? 'Gateway'} ${r.namespace ?? route.metadata.namespace ?? 'default'}/${r.name}`);
  return `Detached: no Gateway of a known GatewayClass takes it (parentRefs: ${names.join(', ')})`;
}

/**
 * Detached routes (warning) and orphan Services (ok, marked `unattached`):
 * routes and Services of the snapshot whose node `has` does not know.
 */
export function unattachedNodes(snapshot: Snapshot, has: (id: string) => boolean): ViewNode[] {
  const extra: ViewNode[] = [];
  for (const [kind, list] of [
    ['HTTPRoute', snapshot.httpRoutes],
    ['GRPCRoute', snapshot.grpcRoutes],
  ] as const) {
    for (const r of list) {
      const key = objectKey(r);
      const id = ids.route(kind, key);
      if (has(id)) continue;
      extra.push({
        id,
        kind: 'route',
        label: `${kind} ${key}`,
        objectKey: key,
        health: 'warning',
        reason: detachedReason(r),
        unattached: true,
        detail: { hostnames: (r.spec.hostnames ?? []).join(', ') || '*' },
      });
    }
  }
  const skip = dataPlaneServices(snapshot);
  for (const s of snapshot.services) {
    const key = objectKey(s);
    const id = ids.service(key);
    if (has(id) || skip.has(key)) continue;
    extra.push({
      id,
      kind: 'service',
      label: `Service ${key}`,
      objectKey: key,
      health: 'ok',
      reason: 'Orphan: no route sends traffic to this Service',
      unattached: true,
      detail: { ports: (s.spec?.ports ?? []).map((p) => p.port).join(', ') },
    });
  }
  return extra;
}

/**
 * Returns the model plus {@link unattachedNodes}. Output stays sorted by id,
 * like the engine's.
 */
export function addUnattached(model: ViewModel, snapshot: Snapshot): ViewModel {
  const have = new Set(model.nodes.map((n) => n.id));
  const extra = unattachedNodes(snapshot, (id) => have.has(id));
  if (extra.length === 0) return model;
  const nodes = [...model.nodes, ...extra].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges: model.edges };
}
