/**
 * One-line text for a Gateway API object's key fields, as a list shows them. These read the spec
 * only; status comes from the conditions the controller wrote (see conditions.ts).
 */
import type { Gateway, GRPCRoute, HTTPRoute, ParentReference, ReferenceGrant } from '@/lib/gateway-api/types';
import type { K8sObject } from './objects';

type Spec<T extends { spec: unknown }> = Partial<T['spec']>;

export function listenersText(obj: K8sObject): string {
  const spec = obj.spec as Spec<Gateway> | undefined;
  return (spec?.listeners ?? []).map((l) => `${l.name} ${l.protocol}:${l.port}${l.hostname ? ` ${l.hostname}` : ''}`).join(', ');
}

export function addressesText(obj: K8sObject): string {
  const spec = obj.spec as Spec<Gateway> | undefined;
  return (spec?.addresses ?? []).map((a) => a.value).join(', ');
}

/** A parentRef as `namespace/name[:section]`, the namespace defaulted to the route's own. */
export function parentText(p: ParentReference, routeNamespace: string | undefined): string {
  const ns = p.namespace ?? routeNamespace ?? '';
  const kind = p.kind && p.kind !== 'Gateway' ? `${p.kind}/` : '';
  return `${kind}${ns}/${p.name}${p.sectionName ? `:${p.sectionName}` : ''}${p.port ? `:${p.port}` : ''}`;
}

export function parentsText(obj: K8sObject): string {
  const spec = obj.spec as Spec<HTTPRoute> | undefined;
  return (spec?.parentRefs ?? []).map((p) => parentText(p, obj.metadata.namespace)).join(', ');
}

export function hostnamesText(obj: K8sObject): string {
  const spec = obj.spec as Spec<HTTPRoute> | undefined;
  return (spec?.hostnames ?? []).join(', ') || '*';
}

/** Distinct backends of all rules: `[namespace/]name:port`. */
export function backendsText(obj: K8sObject): string {
  const spec = obj.spec as Spec<HTTPRoute> | Spec<GRPCRoute> | undefined;
  const names = new Set<string>();
  for (const rule of spec?.rules ?? []) {
    for (const b of rule.backendRefs ?? []) {
      const ns = b.namespace && b.namespace !== obj.metadata.namespace ? `${b.namespace}/` : '';
      const kind = b.kind && b.kind !== 'Service' ? `${b.kind}/` : '';
      names.add(`${kind}${ns}${b.name}${b.port ? `:${b.port}` : ''}`);
    }
  }
  return [...names].join(', ');
}

export function rulesCount(obj: K8sObject): number {
  return ((obj.spec as Spec<HTTPRoute> | undefined)?.rules ?? []).length;
}

export function grantText(obj: K8sObject): { from: string; to: string } {
  const spec = obj.spec as Spec<ReferenceGrant> | undefined;
  return {
    from: (spec?.from ?? []).map((f) => `${f.kind} in ${f.namespace}`).join(', '),
    to: (spec?.to ?? []).map((t) => `${t.kind}${t.name ? ` ${t.name}` : ' (any)'}`).join(', '),
  };
}
