import 'server-only';
import { serviceKeyFromHostname } from '@/lib/gateway-api/addresses';
import { emptyCounts, failingConditions, healthOf, type StatusCondition } from '@/lib/model/conditions';
import type { K8sObject } from '@/lib/model/objects';
import {
  firstProblems,
  OVERVIEW_PROBLEMS,
  type CrdCheck,
  type HealthCounts,
  type IngressGatewayInfo,
  type Overview,
  type Problem,
} from '@/lib/model/overview';
import type { ClusterCache } from './cache/cluster-cache';
import { getClusterCache } from './cache/registry';
import { duplicateGatewaysFor, meshCacheFor } from './cluster-roles';
import { duplicateGatewayMessage } from './context-choice';
import { describeError } from './errors';
import { getListenerCertificateProblems } from './certificates';
import { k8sRequest } from './request';

const gatewayCrds: Array<{ resource: string; kind: string; optional: boolean }> = [
  { resource: 'gatewayclasses', kind: 'GatewayClass', optional: false },
  { resource: 'gateways', kind: 'Gateway', optional: false },
  { resource: 'httproutes', kind: 'HTTPRoute', optional: false },
  { resource: 'referencegrants', kind: 'ReferenceGrant', optional: false },
  { resource: 'grpcroutes', kind: 'GRPCRoute', optional: true },
];

interface Crd {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { versions: Array<{ name: string; served: boolean; storage: boolean }> };
}

/** The walkthrough's steps, checked against the live cluster (see lib/model/overview.ts). */
export async function getOverview(context?: string): Promise<Overview> {
  const cache = await getClusterCache(context);
  const crdList = await k8sRequest<{ items: Crd[] }>(cache.kubeConfig, {
    path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
  });
  const { health, problems } = summarize(cache);
  problems.push(...(await certificateProblems(cache)));
  for (const [key, others] of await duplicateGatewaysFor(cache)) {
    const [namespace = '', name = key] = key.split('/');
    problems.push({
      severity: 'warning',
      kind: 'Gateway',
      namespace,
      name,
      condition: 'MultiCluster/DuplicateGateway',
      message: duplicateGatewayMessage(key, others),
    });
  }
  return {
    context: cache.context,
    crds: gatewayCrds.map((c) => crdCheck(c, crdList.items)),
    meshConfig: await meshConfigCheck(cache),
    ingressGateways: ingressGateways(cache),
    health,
    ...firstProblems(problems, OVERVIEW_PROBLEMS),
  };
}

/** Step 2 reads ASMMeshConfig/default from the context marked as the mesh instance (default: this one). */
async function meshConfigCheck(cache: ClusterCache): Promise<Overview['meshConfig']> {
  let meshCache: ClusterCache;
  try {
    meshCache = await meshCacheFor(cache);
  } catch (err) {
    return {
      served: false,
      exists: false,
      enabled: false,
      problem: `The mesh control plane context cannot be read: ${describeError(err)}`,
    };
  }
  const mesh = meshCache.get('ASMMeshConfig', 'default');
  return {
    ...(meshCache.context !== cache.context ? { context: meshCache.context } : {}),
    served: Boolean(meshCache.served.ASMMeshConfig),
    exists: Boolean(mesh),
    enabled: (mesh?.spec as { enableGatewayAPI?: unknown } | undefined)?.enableGatewayAPI === true,
    ...(mesh?.metadata.resourceVersion ? { resourceVersion: mesh.metadata.resourceVersion } : {}),
  };
}

function crdCheck(c: (typeof gatewayCrds)[number], items: Crd[]): CrdCheck {
  const crd = items.find((i) => i.metadata.name === `${c.resource}.gateway.networking.k8s.io`);
  const annotations = crd?.metadata.annotations ?? {};
  const storage = crd?.spec.versions.find((v) => v.storage)?.name;
  return {
    resource: c.resource,
    kind: c.kind,
    optional: c.optional,
    present: Boolean(crd),
    servedVersions: crd?.spec.versions.filter((v) => v.served).map((v) => v.name) ?? [],
    ...(annotations['gateway.networking.k8s.io/bundle-version']
      ? { bundleVersion: annotations['gateway.networking.k8s.io/bundle-version'] }
      : {}),
    ...(annotations['gateway.networking.k8s.io/channel'] ? { channel: annotations['gateway.networking.k8s.io/channel'] } : {}),
    ...(storage ? { storageVersion: storage } : {}),
  };
}

/** Services labelled as ASM/Istio ingress gateways, with the Gateways bound to each through spec.addresses. */
function ingressGateways(cache: ClusterCache): IngressGatewayInfo[] {
  const bindings = new Map<string, string[]>();
  for (const gw of cache.list('Gateway')) {
    const addresses = ((gw.spec as { addresses?: Array<{ type?: string; value: string }> }).addresses ?? []).filter(
      (a) => a.type === 'Hostname',
    );
    for (const a of addresses) {
      const svc = serviceKeyFromHostname(a.value);
      if (svc) bindings.set(svc, [...(bindings.get(svc) ?? []), `${gw.metadata.namespace}/${gw.metadata.name}`]);
    }
  }
  return cache
    .list('Service')
    .filter((s) => s.metadata.labels?.istio === 'ingressgateway' || s.metadata.labels?.app === 'istio-ingressgateway')
    .map((s) => {
      const spec = s.spec as { type?: string; ports?: Array<{ name?: string; port: number; protocol?: string }> };
      const ingress =
        (s.status as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } | undefined)?.loadBalancer
          ?.ingress ?? [];
      const key = `${s.metadata.namespace}/${s.metadata.name}`;
      return {
        namespace: s.metadata.namespace ?? '',
        name: s.metadata.name,
        type: spec.type ?? 'ClusterIP',
        bindHostname: `${s.metadata.name}.${s.metadata.namespace}.svc.cluster.local`,
        externalAddresses: ingress.map((i) => i.ip ?? i.hostname ?? '').filter(Boolean),
        ports: (spec.ports ?? []).map((p) => ({
          port: p.port,
          ...(p.name ? { name: p.name } : {}),
          ...(p.protocol ? { protocol: p.protocol } : {}),
        })),
        gateways: (bindings.get(key) ?? []).sort(),
      };
    })
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

/**
 * Certificate problems of HTTPS listeners, each linking to the Gateway and to the certificate.
 * A failure to read them leaves the rest of the overview intact.
 */
async function certificateProblems(cache: ClusterCache): Promise<Problem[]> {
  const found = await getListenerCertificateProblems(cache).catch(() => []);
  return found.map((p) => {
    const [gwNs = '', gwName = ''] = p.ref.gateway.split('/');
    return {
      severity: p.severity,
      kind: 'Gateway',
      namespace: gwNs,
      name: gwName,
      condition: `listener ${p.ref.listener}: Certificate/${p.code}`,
      message: p.message,
      links: [
        { label: `Gateway ${p.ref.gateway}`, href: `/gateways/${encodeURIComponent(gwNs)}/${encodeURIComponent(gwName)}` },
        {
          label: `Certificate ${p.ref.namespace}/${p.ref.name}`,
          href: `/certificates?ns=${encodeURIComponent(p.ref.namespace)}`,
        },
      ],
    };
  });
}

interface Conditioned {
  conditions?: StatusCondition[];
}

function summarize(cache: ClusterCache): { health: Overview['health']; problems: Problem[] } {
  const gateways = emptyCounts();
  const listeners = emptyCounts();
  const routes = emptyCounts();
  const problems: Problem[] = [];
  const note = (
    obj: K8sObject,
    kind: string,
    conditions: StatusCondition[] | undefined,
    required: string[],
    counts: HealthCounts,
    prefix = '',
  ) => {
    const state = healthOf(conditions, required, obj.metadata.generation);
    counts[state] += 1;
    if (state !== 'error' && state !== 'warning') return;
    for (const c of failingConditions(conditions, required)) {
      problems.push({
        severity: c.status === 'False' ? 'error' : 'warning',
        kind,
        name: obj.metadata.name,
        ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
        condition: `${prefix}${c.type}/${c.reason ?? ''}`,
        message: c.message ?? '',
      });
    }
  };
  for (const gw of cache.list('Gateway')) {
    const status = gw.status as (Conditioned & { listeners?: Array<Conditioned & { name: string }> }) | undefined;
    note(gw, 'Gateway', status?.conditions, ['Accepted', 'Programmed'], gateways);
    for (const l of status?.listeners ?? [])
      note(gw, 'Gateway', l.conditions, ['Accepted', 'Programmed', 'ResolvedRefs'], listeners, `listener ${l.name}: `);
  }
  for (const kind of ['HTTPRoute', 'GRPCRoute'] as const) {
    for (const r of cache.list(kind)) {
      const parents = (r.status as { parents?: Conditioned[] } | undefined)?.parents ?? [];
      const conditions = parents.flatMap((p) => p.conditions ?? []);
      note(r, kind, conditions, ['Accepted', 'ResolvedRefs'], routes);
    }
  }
  return { health: { gateways, listeners, routes }, problems };
}
