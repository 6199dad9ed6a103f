/**
 * Resolving Istio host names and selectors to the cluster's Services.
 * Istio resolves a short host (`reviews`) in the VirtualService's namespace and accepts
 * `name.ns`, `name.ns.svc` and `name.ns.svc.cluster.local`; Gateway API backendRefs name a
 * Service and its namespace explicitly.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
import type { ServiceInfo } from './types';

/** A destination host resolved to a Service reference, or why it cannot be. */
export type ResolvedHost = { name: string; namespace: string } | { external: string };

/**
 * Resolves `host` as Istio would for an object in `namespace`: a short name is a Service of that
 * namespace; `name.ns.svc.cluster.local` names one explicitly. Istio does not expand `name.ns`
 * or `name.ns.svc`, but users write them and the cluster DNS answers them, so they count as a
 * Service only when the cluster has it; anything else is an external host (a ServiceEntry).
 */
export function resolveHost(host: string, namespace: string, known?: readonly ServiceInfo[]): ResolvedHost {
  const h = host.toLowerCase().replace(/\.$/, '');
  const parts = h.split('.');
  if (parts.length === 1) return { name: h, namespace };
  const [name, ns] = parts as [string, string];
  if (h === `${name}.${ns}.svc.cluster.local`) return { name, namespace: ns };
  if (
    (parts.length === 2 || (parts.length === 3 && parts[2] === 'svc')) &&
    known?.some((s) => s.name === name && s.namespace === ns)
  ) {
    return { name, namespace: ns };
  }
  return { external: host };
}

/** The Service of a resolved host, when the cluster has it. */
export function findService(services: readonly ServiceInfo[], name: string, namespace: string): ServiceInfo | undefined {
  return services.find((s) => s.name === name && s.namespace === namespace);
}

/**
 * Services fronting the ingress gateway pods an Istio Gateway selects. Without pods to look at,
 * a Service qualifies when every selector label appears in its own selector or labels (the
 * ASM and Istio ingress gateway Services carry `app`/`istio` labels equal to their pods').
 */
export function ingressServicesFor(services: readonly ServiceInfo[], selector: Record<string, string>): ServiceInfo[] {
  const entries = Object.entries(selector);
  if (entries.length === 0) return [];
  return services
    .filter((s) => entries.every(([k, v]) => s.selector?.[k] === v || s.labels?.[k] === v))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

/** The in-cluster hostname ASM's Gateway `spec.addresses` uses to bind to an ingress gateway Service. */
export function serviceHostname(s: Pick<ServiceInfo, 'name' | 'namespace'>): string {
  return `${s.name}.${s.namespace}.svc.cluster.local`;
}
