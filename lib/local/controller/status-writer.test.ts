/**
 * Status writes against a real local API server: conditional on resourceVersion, retried on
 * 409 Conflict by reading the object again, never removing another controller's parents entry,
 * skipped when nothing changed, and silent when the object is gone.
 */
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus, RouteStatus } from '@/lib/gateway-api';
import type { KindInformer } from './informer';
import { kubeRequest, releaseAgent } from './kube-request';
import type { ResourceDef } from './resources';
import { slimObject, type StoredObject } from './slim';
import { planStatusWrites } from './status-plan';
import { writeStatus, type WriteMemo } from './status-writer';
import { SEED_FIXTURES, startControllerTestCluster, type ControllerTestCluster } from './test-support';
import type { KubeObject } from './test-objects';

const HTTPROUTE: ResourceDef = {
  slot: 'httpRoutes',
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  kind: 'HTTPRoute',
  plural: 'httproutes',
  namespaced: true,
};
const ROUTE_PATH = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/http';
const OURS = 'istio.io/gateway-controller';
const cond = (type: string, status: 'True' | 'False', reason: string) => ({
  type,
  status,
  reason,
  message: reason,
  observedGeneration: 1,
  lastTransitionTime: '2025-01-01T00:00:00Z',
});
const ourStatus: RouteStatus = {
  parents: [
    {
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gateway', namespace: 'istio-system' },
      controllerName: OURS,
      conditions: [cond('Accepted', 'True', 'Accepted')],
    },
  ],
};
const foreign = {
  parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'other', namespace: 'default' },
  controllerName: 'example.com/other',
  conditions: [cond('Accepted', 'True', 'Accepted')],
};

/** A fake informer holding exactly `objects` (possibly stale ones, on purpose). */
function fixedInformer(objects: StoredObject[]): KindInformer {
  return { def: HTTPROUTE, synced: true, list: () => objects, get: () => undefined, stop: async () => undefined };
}

function engineStatus(routes: Record<string, RouteStatus>): EngineStatus {
  return {
    gatewayClasses: {},
    gateways: {},
    httpRoutes: routes,
    grpcRoutes: {},
    attachments: [],
    backends: { HTTPRoute: {}, GRPCRoute: {} },
  };
}

describe('status writer', () => {
  let t: ControllerTestCluster;
  let kc: KubeConfig;
  const get = async (): Promise<KubeObject> => (await kubeRequest(kc, 'GET', ROUTE_PATH)) as KubeObject;

  beforeAll(async () => {
    t = await startControllerTestCluster();
    kc = new KubeConfig();
    kc.loadFromFile(t.cluster.kubeconfigPath);
    expect((await t.kubectl(['apply', '-f', path.join(SEED_FIXTURES, 'gateway-http.yaml')])).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    releaseAgent(kc);
    await t?.dispose();
  });

  it('retries a 409 Conflict against the re-read object and keeps the entry another controller wrote meanwhile', async () => {
    const stale = slimObject(HTTPROUTE, await get());
    // Another controller writes its entry after our informer saw the route: our resourceVersion is now stale.
    const fresh = await get();
    await kubeRequest(kc, 'PUT', `${ROUTE_PATH}/status`, { ...fresh, status: { parents: [foreign] } });
    const [write] = planStatusWrites(engineStatus({ 'default/http': ourStatus }), [fixedInformer([stale])], [OURS]);
    expect(write).toBeDefined();
    expect(await writeStatus(kc, write!, new Map())).toBe(true);
    const after = await get();
    expect(after.status?.parents?.map((p) => p.controllerName)).toEqual(['example.com/other', OURS]);
    expect(after.metadata.generation).toBe(fresh.metadata.generation);
    expect(after.spec).toEqual(fresh.spec);
  });

  it('writes nothing when the status already matches (resourceVersion unchanged)', async () => {
    const current = await get();
    const [write] = planStatusWrites(
      engineStatus({ 'default/http': ourStatus }),
      [fixedInformer([slimObject(HTTPROUTE, current)])],
      [OURS],
    );
    expect(await writeStatus(kc, write!, new Map())).toBe(false);
    expect((await get()).metadata.resourceVersion).toBe(current.metadata.resourceVersion);
  });

  it('removes only its own stale entries when a route no longer names one of its Gateways', async () => {
    const current = slimObject(HTTPROUTE, await get());
    const writes = planStatusWrites(engineStatus({}), [fixedInformer([current])], [OURS]);
    expect(writes).toHaveLength(1);
    expect(await writeStatus(kc, writes[0]!, new Map())).toBe(true);
    expect((await get()).status?.parents).toEqual([foreign]);
  });

  it('does not write again what the server normalized, once it stored it for the same desired status', async () => {
    const memo: WriteMemo = new Map();
    const current = slimObject(HTTPROUTE, await get());
    // parentRef without group/kind: the API server stores them defaulted, so "desired" never equals "stored".
    const sparse: RouteStatus = {
      parents: [
        {
          parentRef: { name: 'gateway', namespace: 'istio-system' },
          controllerName: OURS,
          conditions: [cond('Accepted', 'True', 'Accepted')],
        },
      ],
    };
    const plan = (obj: StoredObject) =>
      planStatusWrites(engineStatus({ 'default/http': sparse }), [fixedInformer([obj])], [OURS])[0]!;
    expect(await writeStatus(kc, plan(current), memo)).toBe(true);
    const stored = await get();
    expect(await writeStatus(kc, plan(slimObject(HTTPROUTE, stored)), memo)).toBe(false);
    expect((await get()).metadata.resourceVersion).toBe(stored.metadata.resourceVersion);
  });

  it('treats a route deleted before the write as nothing to do', async () => {
    const current = slimObject(HTTPROUTE, await get());
    expect((await t.kubectl(['delete', 'httproute', 'http', '-n', 'default'])).code).toBe(0);
    const [write] = planStatusWrites(engineStatus({ 'default/http': ourStatus }), [fixedInformer([current])], [OURS]);
    expect(await writeStatus(kc, write!, new Map())).toBe(false);
  });
});
