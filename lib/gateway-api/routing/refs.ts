/**
 * Backend reference resolution for what the status engine does not resolve
 * (RequestMirror backends, and rules absent from its output): Service kind,
 * existence, declared port, and ReferenceGrant for cross-namespace refs.
 * @see https://gateway-api.sigs.k8s.io/api-types/referencegrant/
 */
import type { BackendObjectReference, ReferenceGrant, Service, Snapshot } from '../types';

/** Outcome of resolving one BackendObjectReference. */
export interface RefResolution {
  namespace: string;
  name: string;
  port?: number;
  valid: boolean;
  problem?: 'BackendNotFound' | 'RefNotPermitted' | 'InvalidKind';
  message?: string;
}

/** Resolves refs made by a route of `fromKind` in `fromNamespace`. */
export type RefResolver = (fromKind: string, fromNamespace: string, ref: BackendObjectReference) => RefResolution;

/** Services by `namespace/name`, built once per compile and shared. */
export function indexServices(snapshot: Snapshot): Map<string, Service> {
  const services = new Map<string, Service>();
  for (const s of snapshot.services) services.set(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`, s);
  return services;
}

function grantAllows(grants: ReferenceGrant[], fromKind: string, fromNs: string, toNs: string, toName: string): boolean {
  return grants.some(
    (g) =>
      (g.metadata.namespace ?? 'default') === toNs &&
      g.spec.from.some((f) => f.group === 'gateway.networking.k8s.io' && f.kind === fromKind && f.namespace === fromNs) &&
      g.spec.to.some((t) => (t.group ?? '') === '' && t.kind === 'Service' && (!t.name || t.name === toName)),
  );
}

/** Builds a resolver over a snapshot's Services and ReferenceGrants. */
export function makeRefResolver(snapshot: Snapshot, services: Map<string, Service> = indexServices(snapshot)): RefResolver {
  return (fromKind, fromNs, ref) => {
    const namespace = ref.namespace ?? fromNs;
    const base = { namespace, name: ref.name, port: ref.port };
    if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service') {
      return { ...base, valid: false, problem: 'InvalidKind', message: `unsupported backend kind ${ref.kind ?? 'Service'}` };
    }
    if (namespace !== fromNs && !grantAllows(snapshot.referenceGrants, fromKind, fromNs, namespace, ref.name)) {
      return {
        ...base,
        valid: false,
        problem: 'RefNotPermitted',
        message: `no ReferenceGrant in ${namespace} allows ${fromKind} from ${fromNs}`,
      };
    }
    const svc = services.get(`${namespace}/${ref.name}`);
    if (!svc) return { ...base, valid: false, problem: 'BackendNotFound', message: `Service ${namespace}/${ref.name} not found` };
    if (ref.port === undefined || !(svc.spec.ports ?? []).some((p) => p.port === ref.port)) {
      return {
        ...base,
        valid: false,
        problem: 'BackendNotFound',
        message: `Service ${namespace}/${ref.name} has no port ${ref.port ?? '(unset)'}`,
      };
    }
    return { ...base, valid: true };
  };
}
