/**
 * Cross-namespace references a route makes without a ReferenceGrant that permits them, and the
 * grant that would (Gateway API ReferenceGrant: the grant lives in the target's namespace, names the
 * referring kind and namespace in `from` and the target in `to`). Pure: the forms call it with the
 * grants they list, and the engine's own `findReferenceGrant` decides what is permitted.
 */
import { findReferenceGrant, indexReferenceGrants } from '@/lib/gateway-api/reference-grants';
import type { ReferenceGrant } from '@/lib/gateway-api/types';
import { GATEWAY_GROUP } from '@/lib/model/kinds';
import type { BackendForm, FilterForm } from './route-parts';

/** One reference that needs a grant: a route in `fromNamespace` to Service `toName` in `toNamespace`. */
export interface GrantNeed {
  fromKind: string;
  fromNamespace: string;
  toNamespace: string;
  toName: string;
}

function refsOf(backends: readonly BackendForm[], filters: readonly FilterForm[]): Array<{ name: string; namespace: string }> {
  const mirrors = (fs: readonly FilterForm[]) =>
    fs.filter((f) => f.type === 'RequestMirror').map((f) => ({ name: f.mirrorName, namespace: f.mirrorNamespace }));
  return [...backends.flatMap((b) => [{ name: b.name, namespace: b.namespace }, ...mirrors(b.filters)]), ...mirrors(filters)];
}

/**
 * The Service references of `rules` (backends and mirrors) into other namespaces that no grant in
 * `grants` permits, once each.
 */
export function missingGrants(
  routeKind: string,
  routeNamespace: string,
  rules: ReadonlyArray<{ backendRefs: readonly BackendForm[]; filters: readonly FilterForm[] }>,
  grants: readonly ReferenceGrant[],
): GrantNeed[] {
  const index = indexReferenceGrants(grants);
  const out = new Map<string, GrantNeed>();
  for (const ref of rules.flatMap((r) => refsOf(r.backendRefs, r.filters))) {
    if (!ref.name || !ref.namespace || ref.namespace === routeNamespace) continue;
    const from = { group: GATEWAY_GROUP, kind: routeKind, namespace: routeNamespace };
    const to = { group: '', kind: 'Service', namespace: ref.namespace, name: ref.name };
    if (findReferenceGrant(index, from, to)) continue;
    out.set(`${ref.namespace}/${ref.name}`, {
      fromKind: routeKind,
      fromNamespace: routeNamespace,
      toNamespace: ref.namespace,
      toName: ref.name,
    });
  }
  return [...out.values()];
}

/** The new-ReferenceGrant page, prefilled with `need`. */
export function grantFormHref(need: GrantNeed): string {
  const q = new URLSearchParams({
    fromKind: need.fromKind,
    fromNamespace: need.fromNamespace,
    toNamespace: need.toNamespace,
    toName: need.toName,
  });
  return `/reference-grants/new?${q}`;
}

const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const kindName = /^[A-Z][A-Za-z0-9]*$/;

/** A prefill read back from the page's search params; undefined when they are missing or malformed. */
export function grantNeedFromParams(p: Record<string, string | string[] | undefined>): GrantNeed | undefined {
  const one = (k: string) => (typeof p[k] === 'string' ? p[k] : '');
  const need = {
    fromKind: one('fromKind'),
    fromNamespace: one('fromNamespace'),
    toNamespace: one('toNamespace'),
    toName: one('toName'),
  };
  const ok =
    kindName.test(need.fromKind) &&
    label.test(need.fromNamespace) &&
    label.test(need.toNamespace) &&
    need.toName.length <= 253 &&
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(need.toName);
  return ok ? need : undefined;
}

/** A readable grant name for `need`, within the 253-character limit. */
export function grantName(need: GrantNeed): string {
  return `${need.fromKind.toLowerCase()}-${need.fromNamespace}-to-${need.toName}`.slice(0, 253).replace(/[-.]+$/, '');
}

/** The ReferenceGrant YAML that permits `need` (only that one Service, not the whole namespace). */
export function grantYaml(need: GrantNeed, apiVersion: string): string {
  return `apiVersion: ${apiVersion}
kind: ReferenceGrant
metadata:
  name: ${grantName(need)}
  namespace: ${need.toNamespace}
spec:
  from:
  - group: ${GATEWAY_GROUP}
    kind: ${need.fromKind}
    namespace: ${need.fromNamespace}
  to:
  - group: ""
    kind: Service
    name: ${need.toName}
`;
}
