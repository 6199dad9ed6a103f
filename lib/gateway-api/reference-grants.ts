/**
 * ReferenceGrant checks for cross-namespace references.
 * @see https://gateway-api.sigs.k8s.io/api-types/referencegrant/
 */
import type { ReferenceGrant } from './types';
import { objectKey } from './types';

/** The referring side of a reference: group/kind/namespace of the object holding the ref. */
export interface RefFrom {
  group: string;
  kind: string;
  namespace: string;
}

/** The referenced side: group/kind/namespace/name of the target. */
export interface RefTo {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** ReferenceGrants grouped by the namespace they live in (the target namespace). */
export type ReferenceGrantIndex = ReadonlyMap<string, readonly ReferenceGrant[]>;

/** Groups grants by namespace, sorted by name so the "allowed by" answer is stable. */
export function indexReferenceGrants(grants: readonly ReferenceGrant[]): ReferenceGrantIndex {
  const out = new Map<string, ReferenceGrant[]>();
  for (const g of grants) {
    const ns = g.metadata.namespace ?? '';
    const list = out.get(ns) ?? [];
    list.push(g);
    out.set(ns, list);
  }
  for (const list of out.values()) list.sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  return out;
}

/**
 * The key (`namespace/name`) of the ReferenceGrant that permits `from` → `to`,
 * `'same-namespace'` when no grant is needed, or undefined when the
 * reference is not permitted. Per the spec a grant lives in the target's
 * namespace, lists the referrer in `from` (group, kind, namespace) and the
 * target in `to` (group, kind, and optionally name).
 */
export function findReferenceGrant(index: ReferenceGrantIndex, from: RefFrom, to: RefTo): string | undefined {
  if (from.namespace === to.namespace) return 'same-namespace';
  for (const g of index.get(to.namespace) ?? []) {
    const fromOk = (g.spec.from ?? []).some(
      (f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace,
    );
    if (!fromOk) continue;
    const toOk = (g.spec.to ?? []).some((t) => t.group === to.group && t.kind === to.kind && (!t.name || t.name === to.name));
    if (toOk) return objectKey(g);
  }
  return undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
