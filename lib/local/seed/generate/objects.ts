/**
 * Builders of the generated mesh's objects, as a user would write them (apiVersion, kind, metadata, spec), each with
 * the collection path it is created at.
 */
import type { JsonObject } from '../../apiserver/types';
import type { SeedObject } from '../objects';
import { BENCH_TLS_CERT, BENCH_TLS_KEY } from './tls-fixture';

/** Label on every generated object, so a benchmark (or a person) can select or delete them. */
export const GENERATED_LABEL = 'portico.dev/generated';
/** The ASM ingress gateway every generated Gateway binds to (seeded by the local cluster). */
export const INGRESS_ADDRESS = 'istio-ingressgateway.istio-system.svc.cluster.local';
/** Namespace of the Services that routes of every team share (cross-namespace backends). */
export const SHARED_NAMESPACE = 'bench-shared';
/** Namespace of the certificate shared by some Gateways (cross-namespace certificateRefs). */
export const CERTS_NAMESPACE = 'bench-certs';
/** Name of the shared TLS Secret in {@link CERTS_NAMESPACE}. */
export const SHARED_CERT = 'wildcard-tls';

const labels = { [GENERATED_LABEL]: 'true' };
const meta = (name: string, namespace?: string, extra: Record<string, string> = {}): JsonObject => ({
  name,
  ...(namespace ? { namespace } : {}),
  labels: { ...labels, ...extra },
});

/** Team namespace `i`'s name. */
export const teamNamespace = (i: number): string => `bench-team-${String(i).padStart(2, '0')}`;

/** A namespace; teams carry a `team` label, as platform teams label them for allowedRoutes selectors. */
export function namespace(name: string, team?: string): SeedObject {
  return {
    path: '/api/v1/namespaces',
    object: { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined, team ? { team } : {}) },
  };
}

/** A ClusterIP Service with one HTTP port. */
export function service(name: string, ns: string, index: number): SeedObject {
  return {
    path: `/api/v1/namespaces/${ns}/services`,
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(name, ns, { app: name }),
      spec: {
        selector: { app: name },
        clusterIP: `10.${96 + ((index >> 16) & 15)}.${(index >> 8) & 255}.${index & 255}`,
        ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 8080 }],
      },
    },
  };
}

/** The Service's EndpointSlice with two ready endpoints (there is no endpoints controller in the local cluster). */
export function endpointSlice(svc: string, ns: string, index: number): SeedObject {
  const ip = (k: number): string => `10.${128 + ((index >> 15) & 63)}.${(index >> 7) & 255}.${((index & 127) << 1) + k}`;
  return {
    path: `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`,
    object: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta(`${svc}-slice`, ns, { 'kubernetes.io/service-name': svc }),
      addressType: 'IPv4',
      endpoints: [0, 1].map((k) => ({ addresses: [ip(k)], conditions: { ready: true, serving: true, terminating: false } })),
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  };
}

/** A kubernetes.io/tls Secret holding the shared test certificate. */
export function tlsSecret(name: string, ns: string): SeedObject {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  return {
    path: `/api/v1/namespaces/${ns}/secrets`,
    object: {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: meta(name, ns),
      data: { 'tls.crt': b64(BENCH_TLS_CERT), 'tls.key': b64(BENCH_TLS_KEY) },
    },
  };
}

/**
 * A ReferenceGrant in `ns` letting `fromKind` objects of `fromNamespace` refer to `toKind` objects here
 * (Gateway API ReferenceGrant, GEP-709: the grant lives in the target's namespace).
 */
export function referenceGrant(name: string, ns: string, fromKind: string, fromNamespace: string, toKind: string): SeedObject {
  return {
    path: `/apis/gateway.networking.k8s.io/v1beta1/namespaces/${ns}/referencegrants`,
    object: {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: meta(name, ns),
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: fromKind, namespace: fromNamespace }],
        to: [{ group: '', kind: toKind }],
      },
    },
  };
}

/** Gateway API object at the served version `v`. */
export function gatewayApiObject(v: string, kind: string, plural: string, ns: string, body: JsonObject): SeedObject {
  return {
    path: `/apis/gateway.networking.k8s.io/${v}/namespaces/${ns}/${plural}`,
    object: { apiVersion: `gateway.networking.k8s.io/${v}`, kind, ...body },
  };
}

export { labels as generatedLabels, meta as generatedMeta };
