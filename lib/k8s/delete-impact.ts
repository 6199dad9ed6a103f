/**
 * What else a delete affects, computed from the objects a cache holds. Pure (no I/O) and unit-tested;
 * the confirmation dialog lists these lines so nobody deletes a Gateway without seeing its routes.
 */
import type { DeleteEffect, DeletableKind } from '@/lib/model/delete';
import type { K8sObject } from '@/lib/model/objects';

/** The objects the impact is computed from (a cluster cache's lists). */
export interface ImpactInput {
  HTTPRoute: readonly K8sObject[];
  GRPCRoute: readonly K8sObject[];
  Gateway: readonly K8sObject[];
  ReferenceGrant: readonly K8sObject[];
}

interface ParentRef {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
}
interface Ref {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
}
type Grant = {
  from?: Array<{ group?: string; kind?: string; namespace?: string }>;
  to?: Array<{ group?: string; kind?: string; name?: string }>;
};

const gatewayGroup = 'gateway.networking.k8s.io';
const routeKinds = ['HTTPRoute', 'GRPCRoute'] as const;

/** Lines naming each object the delete of `target` affects, and how. */
export function deleteImpact(kind: DeletableKind, target: K8sObject, objects: ImpactInput): DeleteEffect[] {
  if (kind === 'Gateway') return gatewayImpact(target, objects);
  if (kind === 'ReferenceGrant') return grantImpact(target, objects);
  return routeImpact(kind, target);
}

function parentsOf(route: K8sObject): ParentRef[] {
  return ((route.spec as { parentRefs?: ParentRef[] } | undefined)?.parentRefs ?? []).filter(
    (p) => (p.group ?? gatewayGroup) === gatewayGroup && (p.kind ?? 'Gateway') === 'Gateway',
  );
}

const routeHref = (kind: string, o: K8sObject) =>
  `/routes/${kind === 'HTTPRoute' ? 'http' : 'grpc'}/${o.metadata.namespace}/${o.metadata.name}`;

// Gateway API spec, "Attaching Routes to Gateways": a route attaches through parentRefs (namespace defaults to the route's).
function gatewayImpact(gw: K8sObject, objects: ImpactInput): DeleteEffect[] {
  const out: DeleteEffect[] = [];
  for (const kind of routeKinds) {
    for (const route of objects[kind]) {
      const parents = parentsOf(route);
      const ns = route.metadata.namespace;
      const mine = parents.filter((p) => p.name === gw.metadata.name && (p.namespace ?? ns) === gw.metadata.namespace);
      if (mine.length === 0) continue;
      const others = parents.filter((p) => !mine.includes(p));
      out.push({
        kind,
        namespace: ns ?? '',
        name: route.metadata.name,
        href: routeHref(kind, route),
        effect:
          others.length === 0
            ? 'left without a parent: it stops receiving traffic'
            : `detached from this Gateway; still attached to ${others.map((p) => `${p.namespace ?? ns}/${p.name}`).join(', ')}`,
      });
    }
  }
  return out;
}

function routeImpact(kind: 'HTTPRoute' | 'GRPCRoute', route: K8sObject): DeleteEffect[] {
  return parentsOf(route).map((p) => {
    const ns = p.namespace ?? route.metadata.namespace ?? '';
    return {
      kind: 'Gateway',
      namespace: ns,
      name: p.name,
      href: `/gateways/${ns}/${p.name}`,
      effect: `stops routing the requests this ${kind} matched${p.sectionName ? ` on listener ${p.sectionName}` : ''}`,
    };
  });
}

// Gateway API spec, ReferenceGrant (GEP-709): a grant in the target namespace lets objects of `from`
// (group, kind, namespace) reference objects of `to` (group, kind, optional name) there.
function grantImpact(grant: K8sObject, objects: ImpactInput): DeleteEffect[] {
  const spec = (grant.spec ?? {}) as Grant;
  const ns = grant.metadata.namespace ?? '';
  const others = objects.ReferenceGrant.filter((g) => g.metadata.namespace === ns && g.metadata.name !== grant.metadata.name);
  const permits = (g: Grant, fromKind: string, fromNs: string, ref: Ref) =>
    (g.from ?? []).some((f) => (f.group ?? '') === gatewayGroup && f.kind === fromKind && f.namespace === fromNs) &&
    (g.to ?? []).some(
      (t) => (t.group ?? '') === (ref.group ?? '') && t.kind === (ref.kind ?? 'Service') && (!t.name || t.name === ref.name),
    );
  const out: DeleteEffect[] = [];
  const consider = (fromKind: string, from: K8sObject, ref: Ref, what: string, href: string) => {
    const fromNs = from.metadata.namespace ?? '';
    if ((ref.namespace ?? fromNs) !== ns || fromNs === ns) return;
    if (!permits(spec, fromKind, fromNs, ref)) return;
    const still = others.some((g) => permits((g.spec ?? {}) as Grant, fromKind, fromNs, ref));
    out.push({
      kind: fromKind,
      namespace: fromNs,
      name: from.metadata.name,
      href,
      effect: still
        ? `${what} ${ns}/${ref.name} stays permitted by another ReferenceGrant`
        : `${what} ${ns}/${ref.name} is no longer permitted (ResolvedRefs False, RefNotPermitted)`,
    });
  };
  for (const kind of routeKinds) {
    for (const route of objects[kind]) {
      const rules = (route.spec as { rules?: Array<{ backendRefs?: Ref[] }> } | undefined)?.rules ?? [];
      const seen = new Set<string>();
      for (const b of rules.flatMap((r) => r.backendRefs ?? [])) {
        const id = `${b.group ?? ''}/${b.kind ?? 'Service'}/${b.namespace}/${b.name}`;
        if (seen.has(id)) continue;
        seen.add(id);
        consider(
          kind,
          route,
          { ...b, kind: b.kind ?? 'Service', group: b.group ?? '' },
          `backend ${b.kind ?? 'Service'}`,
          routeHref(kind, route),
        );
      }
    }
  }
  for (const gw of objects.Gateway) {
    const listeners = (gw.spec as { listeners?: Array<{ tls?: { certificateRefs?: Ref[] } }> } | undefined)?.listeners ?? [];
    for (const c of listeners.flatMap((l) => l.tls?.certificateRefs ?? [])) {
      consider(
        'Gateway',
        gw,
        { ...c, kind: c.kind ?? 'Secret', group: c.group ?? '' },
        'certificate Secret',
        `/gateways/${gw.metadata.namespace}/${gw.metadata.name}`,
      );
    }
  }
  return out;
}
