/**
 * @kubernetes/client-node against the local cluster: CRUD, server-side apply, an informer that
 * follows add/update/delete across a server restart, durability, and optimistic concurrency.
 */
import {
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  makeInformer,
  PatchStrategy,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './test-cluster';

type Route = KubernetesObject & { spec?: { hostnames?: string[]; parentRefs?: Array<{ name: string }> } };

const route = (name: string, host = 'a.example.com'): Route => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name, namespace: 'default' },
  spec: { parentRefs: [{ name: 'gateway' }], hostnames: [host] },
});

describe('client-node against the local cluster', () => {
  let t: TestCluster;
  let kc: KubeConfig;
  let api: KubernetesObjectApi;

  const connect = (): void => {
    kc = new KubeConfig();
    kc.loadFromFile(t.cluster.kubeconfigPath);
    api = KubernetesObjectApi.makeApiClient(kc);
  };

  beforeAll(async () => {
    t = await startTestCluster({ bookmarkIntervalMs: 200 });
    connect();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('creates, reads, lists, patches, replaces and deletes', async () => {
    const created = await api.create(route('crud'));
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.generation).toBe(1);
    const read = await api.read<Route>({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'crud', namespace: 'default' },
    });
    expect(read.spec?.hostnames).toEqual(['a.example.com']);
    const list = await api.list('gateway.networking.k8s.io/v1', 'HTTPRoute', 'default');
    expect(list.items.map((i) => i.metadata?.name)).toContain('crud');
    const patched = await api.patch<Route>(
      { ...route('crud'), spec: { hostnames: ['b.example.com'] } },
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.MergePatch,
    );
    expect(patched.spec?.hostnames).toEqual(['b.example.com']);
    expect(patched.metadata?.generation).toBe(2);
    expect(Number(patched.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));
    const replaced = await api.replace<Route>({ ...patched, spec: { ...patched.spec, hostnames: ['c.example.com'] } });
    expect(replaced.spec?.hostnames).toEqual(['c.example.com']);
    await api.delete(replaced);
    await expect(
      api.read({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'crud', namespace: 'default' },
      }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('server-side applies, creating then updating with the field manager recorded', async () => {
    const first = await api.patch<Route>(
      route('applied'),
      undefined,
      undefined,
      'portico-test',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(first.metadata?.managedFields?.map((m) => `${m.manager}/${m.operation}`)).toContain('portico-test/Apply');
    const second = await api.patch<Route>(
      route('applied', 'z.example.com'),
      undefined,
      undefined,
      'portico-test',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(second.spec?.hostnames).toEqual(['z.example.com']);
  });

  it('keeps an informer in sync through add, update, delete and a server restart', async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const path = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';
    const informer = makeInformer<Route>(
      kc,
      path,
      () =>
        custom.listNamespacedCustomObject({
          group: 'gateway.networking.k8s.io',
          version: 'v1',
          namespace: 'default',
          plural: 'httproutes',
        }) as never,
    );
    const seen: string[] = [];
    let running = true;
    informer.on('add', (o) => seen.push(`add:${o.metadata?.name}`));
    informer.on('update', (o) => seen.push(`update:${o.metadata?.name}:${o.spec?.hostnames?.[0]}`));
    informer.on('delete', (o) => seen.push(`delete:${o.metadata?.name}`));
    // client-node's documented pattern: an informer stops on error and is restarted by its owner.
    informer.on('error', () => {
      if (running) setTimeout(() => void informer.start().catch(() => undefined), 200);
    });
    await informer.start();
    try {
      await api.create(route('watched'));
      await until(() => seen.includes('add:watched'));
      await api.patch(
        { ...route('watched'), spec: { hostnames: ['w.example.com'] } },
        undefined,
        undefined,
        undefined,
        undefined,
        PatchStrategy.MergePatch,
      );
      await until(() => seen.includes('update:watched:w.example.com'));
      await api.delete(route('watched'));
      await until(() => seen.includes('delete:watched'));
      await t.restart();
      await api.create(route('after-restart'));
      await until(() => seen.includes('add:after-restart'), 15_000);
    } finally {
      running = false;
      await informer.stop();
    }
  });

  it('keeps objects across a restart and resourceVersions keep growing', async () => {
    const before = await api.create(route('durable'));
    const rvBefore = Number(before.metadata?.resourceVersion);
    await t.restart();
    connect();
    const read = await api.read<Route>({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'durable', namespace: 'default' },
    });
    expect(read.metadata?.uid).toBe(before.metadata?.uid);
    expect(read.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
    const ns = await api.read({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } });
    expect(ns.metadata?.name).toBe('istio-system');
    const after = await api.create(route('durable-2'));
    expect(Number(after.metadata?.resourceVersion)).toBeGreaterThan(rvBefore);
  });

  it('never loses an update between two concurrent writers (one of a racing pair gets 409)', async () => {
    await api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'counter', namespace: 'default' },
      data: { n: '0' },
    });
    let conflicts = 0;
    const increment = async (): Promise<void> => {
      for (;;) {
        const cm = await api.read<KubernetesObject & { data: { n: string } }>({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'counter', namespace: 'default' },
        });
        try {
          await api.replace({ ...cm, data: { n: String(Number(cm.data.n) + 1) } });
          return;
        } catch (e) {
          if ((e as { code?: number }).code !== 409) throw e;
          conflicts++;
        }
      }
    };
    const writer = async (): Promise<void> => {
      for (let i = 0; i < 15; i++) await increment();
    };
    await Promise.all([writer(), writer()]);
    const final = await api.read<KubernetesObject & { data: { n: string } }>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'counter', namespace: 'default' },
    });
    expect(final.data.n).toBe('30');
    expect(conflicts).toBeGreaterThan(0);
  });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}
