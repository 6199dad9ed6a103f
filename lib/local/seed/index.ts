/**
 * Seeds an empty local cluster through its own API, and keeps the httpbin EndpointSlice
 * pointing at the httpbin process of this start.
 */
import type { JsonObject } from '../apiserver/types';
import { apiCall, type ApiTarget } from './api-client';
import { asmCrds, DEFAULT_GATEWAY_API_VERSION, gatewayApiCrds, istioCrds } from './crds';
import { HTTPBIN_SLICE, httpbinEndpointSlice, INGRESS_GATEWAY_POD, seedNamespaces, seedObjects } from './objects';

export { DEFAULT_GATEWAY_API_VERSION, GATEWAY_API_BUNDLES, asmCrds, gatewayApiCrds, istioCrds } from './crds';
export { httpbinEndpointSlice, HTTPBIN_SLICE, INGRESS_GATEWAY_POD, seedNamespaces, seedObjects } from './objects';

/** What to seed. */
export interface SeedOptions {
  /** Gateway API bundle: v1.1.0 (default), v0.6.0 or v1.6.1. */
  gatewayApiVersion?: string;
  /** Also install Istio's networking CRDs, so Istio objects can be stored and migrated. */
  istioCrds?: boolean;
  /** Port of the local httpbin; without it no EndpointSlice is written. */
  httpbinPort?: number;
}

/** The version GatewayClass objects are written at: the CRD's storage version. */
function storageVersion(crds: JsonObject[], plural: string): string {
  const crd = crds.find((c) => (c.metadata as JsonObject).name === `${plural}.gateway.networking.k8s.io`);
  const versions = ((crd?.spec as JsonObject | undefined)?.versions ?? []) as JsonObject[];
  return String(versions.find((v) => v.storage === true)?.name ?? 'v1');
}

/** Creates the CRDs and the scenario objects. Call only on an empty store. */
export async function seedCluster(api: ApiTarget, opts: SeedOptions = {}): Promise<void> {
  const gw = gatewayApiCrds(opts.gatewayApiVersion ?? DEFAULT_GATEWAY_API_VERSION);
  for (const o of seedNamespaces()) await apiCall(api, 'POST', o.path, o.object);
  for (const crd of [...gw, ...asmCrds(), ...(opts.istioCrds ? istioCrds() : [])]) {
    await apiCall(api, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions?fieldManager=portico-seed', crd);
  }
  for (const o of seedObjects(storageVersion(gw, 'gatewayclasses'))) {
    await apiCall(api, 'POST', `${o.path}?fieldManager=portico-seed`, o.object);
  }
  // The ASM ingress gateway is "pre-deployed": its load balancer already has an address.
  await apiCall(
    api,
    'PATCH',
    '/api/v1/namespaces/istio-system/services/istio-ingressgateway/status?fieldManager=portico-seed',
    { status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } } },
    'application/merge-patch+json',
  );
  await apiCall(
    api,
    'PATCH',
    `/api/v1/namespaces/istio-system/pods/${INGRESS_GATEWAY_POD}/status?fieldManager=portico-seed`,
    { status: readyPodStatus(new Date().toISOString()) },
    'application/merge-patch+json',
  );
  if (opts.httpbinPort) await syncHttpbinEndpoints(api, opts.httpbinPort);
}

/** A Running pod whose containers are all ready (the conditions a kubelet reports). */
function readyPodStatus(now: string): JsonObject {
  const conditions = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({
    type,
    status: 'True',
    lastTransitionTime: now,
  }));
  return {
    phase: 'Running',
    conditions,
    podIP: '127.0.0.1',
    podIPs: [{ ip: '127.0.0.1' }],
    hostIP: '127.0.0.1',
    startTime: now,
    containerStatuses: [
      {
        name: 'istio-proxy',
        ready: true,
        started: true,
        restartCount: 0,
        image: 'istio/proxyv2',
        state: { running: { startedAt: now } },
      },
    ],
  };
}

/** Points the httpbin EndpointSlice at `port` (server-side apply: creates or updates). */
export async function syncHttpbinEndpoints(api: ApiTarget, port: number): Promise<void> {
  await apiCall(
    api,
    'PATCH',
    `/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/${HTTPBIN_SLICE}?fieldManager=portico-seed&force=true`,
    httpbinEndpointSlice(port),
    'application/apply-patch+yaml',
  );
}
