/**
 * The kinds the controller watches, and discovery of the versions the API server serves:
 * Gateway API kinds at `v1` when served, else `v1beta1` (Gateway API v0.6 / ASM 1.18);
 * GRPCRoute only when served at all; ASMMeshConfig only when its CRD exists.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Snapshot } from '@/lib/gateway-api';
import { kubeRequest } from './kube-request';

/** The Snapshot field a kind feeds (`meshConfig` holds the single `default` object). */
export type SnapshotSlot = keyof Snapshot;

/** One watched kind at the version the controller reads and writes it. */
export interface ResourceDef {
  slot: SnapshotSlot;
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/** The API group of Gateway API. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
/** The API group of ASM's mesh configuration. */
export const ASM_GROUP = 'istio.alibabacloud.com';

const GATEWAY_KINDS: Array<Omit<ResourceDef, 'group' | 'version'> & { versions: string[] }> = [
  { slot: 'gatewayClasses', kind: 'GatewayClass', plural: 'gatewayclasses', namespaced: false, versions: ['v1', 'v1beta1'] },
  { slot: 'gateways', kind: 'Gateway', plural: 'gateways', namespaced: true, versions: ['v1', 'v1beta1'] },
  { slot: 'httpRoutes', kind: 'HTTPRoute', plural: 'httproutes', namespaced: true, versions: ['v1', 'v1beta1'] },
  // GRPCRoute is v1 from Gateway API v1.1 (ASM 1.22); experimental v1alpha2 before that.
  { slot: 'grpcRoutes', kind: 'GRPCRoute', plural: 'grpcroutes', namespaced: true, versions: ['v1', 'v1alpha2'] },
  { slot: 'referenceGrants', kind: 'ReferenceGrant', plural: 'referencegrants', namespaced: true, versions: ['v1', 'v1beta1'] },
];

/** Core kinds: always served by a Kubernetes API server. */
export const CORE_RESOURCES: readonly ResourceDef[] = [
  { slot: 'services', group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { slot: 'secrets', group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { slot: 'namespaces', group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  {
    slot: 'endpointSlices',
    group: 'discovery.k8s.io',
    version: 'v1',
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    namespaced: true,
  },
];

/** What discovery found. */
export interface DiscoveredResources {
  /** Every kind to watch, core kinds included. */
  defs: ResourceDef[];
  /** False when the Gateway API CRDs are not installed (nothing to reconcile). */
  gatewayApiServed: boolean;
  /** The ASMMeshConfig kind, when its CRD is installed. */
  meshConfig?: ResourceDef;
}

/** Cluster-wide collection path, e.g. `/apis/gateway.networking.k8s.io/v1/httproutes`. */
export function collectionPath(def: ResourceDef): string {
  return `${def.group ? `/apis/${def.group}` : '/api'}/${def.version}/${def.plural}`;
}

/** Path of one object, or of its subresource (`status`). */
export function objectPath(def: ResourceDef, namespace: string | undefined, name: string, subresource?: string): string {
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  const ns = def.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${def.plural}/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}`;
}

interface GroupList {
  groups?: Array<{ name: string; versions?: Array<{ version: string }>; preferredVersion?: { version: string } }>;
}
interface ResourceList {
  resources?: Array<{ name: string; kind: string }>;
}

/** Asks the API server which Gateway API and ASM kinds it serves, and at which versions. */
export async function discoverResources(kc: KubeConfig): Promise<DiscoveredResources> {
  const groups = ((await kubeRequest(kc, 'GET', '/apis')) as GroupList).groups ?? [];
  const servedKinds = async (group: string): Promise<Map<string, Set<string>>> => {
    const byVersion = new Map<string, Set<string>>();
    const g = groups.find((x) => x.name === group);
    for (const v of g?.versions ?? []) {
      const list = (await kubeRequest(kc, 'GET', `/apis/${group}/${v.version}`)) as ResourceList;
      byVersion.set(v.version, new Set((list.resources ?? []).filter((r) => !r.name.includes('/')).map((r) => r.kind)));
    }
    return byVersion;
  };
  const gw = await servedKinds(GATEWAY_GROUP);
  const defs: ResourceDef[] = [...CORE_RESOURCES];
  for (const k of GATEWAY_KINDS) {
    const version = k.versions.find((v) => gw.get(v)?.has(k.kind));
    if (version)
      defs.push({ slot: k.slot, kind: k.kind, plural: k.plural, namespaced: k.namespaced, group: GATEWAY_GROUP, version });
  }
  const asm = await servedKinds(ASM_GROUP);
  const preferred = groups.find((x) => x.name === ASM_GROUP)?.preferredVersion?.version;
  const asmVersion = [preferred, 'v1beta1', ...asm.keys()].find((v) => v !== undefined && asm.get(v)?.has('ASMMeshConfig'));
  const meshConfig: ResourceDef | undefined = asmVersion
    ? {
        slot: 'meshConfig',
        group: ASM_GROUP,
        version: asmVersion,
        kind: 'ASMMeshConfig',
        plural: 'asmmeshconfigs',
        namespaced: false,
      }
    : undefined;
  if (meshConfig) defs.push(meshConfig);
  const gatewayApiServed = defs.some((d) => d.slot === 'gateways') && defs.some((d) => d.slot === 'gatewayClasses');
  return { defs, gatewayApiServed, ...(meshConfig ? { meshConfig } : {}) };
}
