/**
 * The kinds the console reads, as data. The version actually used is chosen per cluster by
 * discovery (`v1` where served, else `v1beta1`, as on ASM 1.18 with Gateway API v0.6).
 */
export type KindName =
  | 'GatewayClass'
  | 'Gateway'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'ReferenceGrant'
  | 'Service'
  | 'EndpointSlice'
  | 'Secret'
  | 'Namespace'
  | 'ASMMeshConfig';

export interface KindInfo {
  kind: KindName;
  group: string;
  plural: string;
  namespaced: boolean;
  /** Versions in order of preference; the first one the cluster serves is used. */
  versions: string[];
  /** Not every cluster has it (GRPCRoute before Gateway API v1.1, ASMMeshConfig outside ASM). */
  optional: boolean;
}

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const ASM_GROUP = 'istio.alibabacloud.com';

export const kinds: Record<KindName, KindInfo> = {
  GatewayClass: {
    kind: 'GatewayClass',
    group: GATEWAY_GROUP,
    plural: 'gatewayclasses',
    namespaced: false,
    versions: ['v1', 'v1beta1'],
    optional: false,
  },
  Gateway: {
    kind: 'Gateway',
    group: GATEWAY_GROUP,
    plural: 'gateways',
    namespaced: true,
    versions: ['v1', 'v1beta1'],
    optional: false,
  },
  HTTPRoute: {
    kind: 'HTTPRoute',
    group: GATEWAY_GROUP,
    plural: 'httproutes',
    namespaced: true,
    versions: ['v1', 'v1beta1'],
    optional: false,
  },
  GRPCRoute: {
    kind: 'GRPCRoute',
    group: GATEWAY_GROUP,
    plural: 'grpcroutes',
    namespaced: true,
    versions: ['v1', 'v1alpha2'],
    optional: true,
  },
  ReferenceGrant: {
    kind: 'ReferenceGrant',
    group: GATEWAY_GROUP,
    plural: 'referencegrants',
    namespaced: true,
    versions: ['v1', 'v1beta1'],
    optional: false,
  },
  Service: { kind: 'Service', group: '', plural: 'services', namespaced: true, versions: ['v1'], optional: false },
  EndpointSlice: {
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    plural: 'endpointslices',
    namespaced: true,
    versions: ['v1'],
    optional: true,
  },
  Secret: { kind: 'Secret', group: '', plural: 'secrets', namespaced: true, versions: ['v1'], optional: false },
  Namespace: { kind: 'Namespace', group: '', plural: 'namespaces', namespaced: false, versions: ['v1'], optional: false },
  ASMMeshConfig: {
    kind: 'ASMMeshConfig',
    group: ASM_GROUP,
    plural: 'asmmeshconfigs',
    namespaced: false,
    versions: ['v1beta1'],
    optional: true,
  },
};

/** `group/version` as apiVersion writes it (`v1` for the core group). */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** The collection path of a kind at a version, cluster-wide or in one namespace. */
export function collectionPath(
  info: Pick<KindInfo, 'group' | 'plural' | 'namespaced'>,
  version: string,
  namespace?: string,
): string {
  const base = info.group ? `/apis/${info.group}/${version}` : `/api/${version}`;
  return info.namespaced && namespace ? `${base}/namespaces/${namespace}/${info.plural}` : `${base}/${info.plural}`;
}
