/**
 * Which status subresources to write after a computation: one entry per object the engine
 * produced a status for, plus routes still carrying parents entries of ours that the engine no
 * longer reports (their parentRefs stopped naming our Gateways).
 */
import { canonicalJson, mergeRouteStatus, objectKey, type EngineStatus, type RouteStatus } from '@/lib/gateway-api';
import type { KindInformer } from './informer';
import type { ResourceDef } from './resources';
import type { StoredObject } from './slim';

/** One status subresource write: the desired status given the object's current one. */
export interface StatusWrite {
  def: ResourceDef;
  /** `namespace/name`, or `name` when cluster-scoped. */
  key: string;
  object: StoredObject;
  desired(current: StoredObject): unknown;
}

/** Same parents entries, in any order: reordering alone is no reason to write. */
function sameParents(a: RouteStatus, b: RouteStatus): boolean {
  const norm = (s: RouteStatus): string[] => s.parents.map((p) => canonicalJson(p)).sort();
  return a.parents.length === b.parents.length && canonicalJson(norm(a)) === canonicalJson(norm(b));
}

/** Our entries replace the ones we own; others' entries stay (see {@link planStatusWrites}). */
function mergeParents(current: RouteStatus | undefined, ours: RouteStatus, controllerNames: readonly string[]): RouteStatus {
  const merged = mergeRouteStatus(current, ours, controllerNames);
  return current && sameParents(current, merged) ? current : merged;
}

function routeParents(obj: StoredObject): RouteStatus | undefined {
  const status = obj.status as RouteStatus | undefined;
  return Array.isArray(status?.parents) ? status : undefined;
}

/**
 * Plans the writes for `status`. Route statuses replace only the `parents` entries whose
 * controllerName is one of `controllerNames`; other controllers' entries are kept
 * (spec, RouteStatus: "controllers MUST NOT remove entries they do not own" — GEP-1364 wording
 * in RouteParentStatus).
 */
export function planStatusWrites(
  status: EngineStatus,
  informers: readonly KindInformer[],
  controllerNames: readonly string[],
): StatusWrite[] {
  const out: StatusWrite[] = [];
  const bySlot = new Map(informers.map((i) => [i.def.slot, i]));
  const fixed = (slot: 'gatewayClasses' | 'gateways', statuses: Record<string, unknown>): void => {
    const inf = bySlot.get(slot);
    if (!inf) return;
    for (const obj of inf.list()) {
      const key = objectKey({ metadata: { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace } });
      const s = statuses[key];
      if (s !== undefined) out.push({ def: inf.def, key, object: obj, desired: () => s });
    }
  };
  fixed('gatewayClasses', status.gatewayClasses);
  fixed('gateways', status.gateways);
  const routes = (slot: 'httpRoutes' | 'grpcRoutes', statuses: Record<string, RouteStatus>): void => {
    const inf = bySlot.get(slot);
    if (!inf) return;
    for (const obj of inf.list()) {
      const key = objectKey({ metadata: { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace } });
      const ours = statuses[key];
      const stale = routeParents(obj)?.parents.some((p) => controllerNames.includes(p.controllerName)) ?? false;
      if (!ours && !stale) continue;
      const desired = ours ?? { parents: [] };
      out.push({
        def: inf.def,
        key,
        object: obj,
        desired: (current) => mergeParents(routeParents(current), desired, controllerNames),
      });
    }
  };
  routes('httpRoutes', status.httpRoutes);
  routes('grpcRoutes', status.grpcRoutes);
  return out;
}
