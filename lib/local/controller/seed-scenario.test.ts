/**
 * The seed walkthrough end to end, with the real kubectl: apply gateway-http.yaml and
 * gateway-https.yaml, create `myexample-credential`, enable Gateway API in ASMMeshConfig
 * `default`, and see Accepted/Programmed status written within a second.
 */
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startController, type Controller } from './index';
import { kubeRequest } from './kube-request';
import { createTlsSecret, SEED_FIXTURES, startControllerTestCluster, waitFor, type ControllerTestCluster } from './test-support';
import { conditionOf, gtwTable, type KubeObject, type KubeList } from './test-objects';

const ISTIO = 'istio.io/gateway-controller';

describe('local controller on the seed scenario (Gateway API v1.1.0)', () => {
  let t: ControllerTestCluster;
  let ctl: Controller;
  let kc: KubeConfig;
  const logs: string[] = [];
  const before = new Map<string, { generation?: number; spec: string }>();

  const list = async (plural: string, ns?: string): Promise<KubeObject[]> => {
    const p = ns
      ? `/apis/gateway.networking.k8s.io/v1/namespaces/${ns}/${plural}`
      : `/apis/gateway.networking.k8s.io/v1/${plural}`;
    return ((await kubeRequest(kc, 'GET', p)) as KubeList).items;
  };

  beforeAll(async () => {
    t = await startControllerTestCluster();
    kc = new KubeConfig();
    kc.loadFromFile(t.cluster.kubeconfigPath);
    ctl = await startController({ kubeconfigPath: t.cluster.kubeconfigPath, log: (m) => logs.push(m) });
    for (const f of ['gateway-http.yaml', 'gateway-https.yaml']) {
      const r = await t.kubectl(['apply', '-f', path.join(SEED_FIXTURES, f)]);
      expect(r.stderr).toBe('');
    }
    await createTlsSecret(t, 'istio-system', 'myexample-credential', 'a.aliyun.com');
    await ctl.idle();
    for (const o of [...(await list('gateways')), ...(await list('httproutes'))]) {
      before.set(`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`, {
        generation: o.metadata.generation,
        spec: JSON.stringify(o.spec),
      });
    }
  }, 60_000);

  afterAll(async () => {
    await ctl?.stop();
    await t?.dispose();
  });

  it('writes no status while ASMMeshConfig default has enableGatewayAPI: false', async () => {
    await ctl.idle();
    for (const gw of await list('gateways')) {
      // Only the CRD's default status (Gateway API: Accepted/Programmed Unknown, reason Pending) is there.
      for (const c of gw.status?.conditions ?? []) expect(c).toMatchObject({ status: 'Unknown', reason: 'Pending' });
      expect(gw.status?.listeners ?? []).toEqual([]);
    }
    for (const r of await list('httproutes')) expect(r.status?.parents ?? []).toEqual([]);
    const cls = (await kubeRequest(kc, 'GET', '/apis/gateway.networking.k8s.io/v1/gatewayclasses/istio')) as KubeObject;
    expect(conditionOf(cls.status?.conditions, 'Accepted')?.status).not.toBe('True');
    const table = gtwTable((await t.kubectl(['get', 'gtw', '-n', 'istio-system'])).stdout);
    expect(table.map((r) => r.PROGRAMMED)).not.toContain('True');
  });

  it('programs both Gateways within 1 s of enableGatewayAPI: true, as kubectl get gtw shows', async () => {
    const started = Date.now();
    const patch = await t.kubectl([
      'patch',
      'asmmeshconfig',
      'default',
      '--type',
      'merge',
      '-p',
      '{"spec":{"enableGatewayAPI":true}}',
    ]);
    expect(patch.stdout).toContain('asmmeshconfig.istio.alibabacloud.com/default patched');
    const patched = Date.now();
    await waitFor(async () => {
      const gws = await list('gateways', 'istio-system');
      return gws.length === 2 && gws.every((g) => conditionOf(g.status?.conditions, 'Programmed')?.status === 'True')
        ? true
        : undefined;
    }, 3000);
    const elapsed = Date.now() - patched;
    console.info(`status appeared ${elapsed} ms after the patch was stored (${Date.now() - started} ms including kubectl patch)`);
    expect(elapsed).toBeLessThan(1000);
    const table = gtwTable((await t.kubectl(['get', 'gtw', '-n', 'istio-system'])).stdout);
    expect(table.map((r) => [r.NAME, r.CLASS, r.PROGRAMMED])).toEqual([
      ['gateway', 'istio', 'True'],
      ['gateway-https', 'istio', 'True'],
    ]);
  });

  it('accepts the istio GatewayClass and both Gateways, with one attached route per listener', async () => {
    await ctl.idle();
    const cls = await t.getJson<KubeObject>(['get', 'gatewayclass', 'istio']);
    expect(conditionOf(cls.status?.conditions, 'Accepted')).toMatchObject({
      status: 'True',
      reason: 'Accepted',
      observedGeneration: cls.metadata.generation,
    });
    for (const [name, listener] of [
      ['gateway', 'default'],
      ['gateway-https', 'https'],
    ] as const) {
      const gw = await t.getJson<KubeObject>(['get', 'gtw', name, '-n', 'istio-system']);
      expect(conditionOf(gw.status?.conditions, 'Accepted')).toMatchObject({
        status: 'True',
        reason: 'Accepted',
        observedGeneration: 1,
      });
      expect(conditionOf(gw.status?.conditions, 'Programmed')).toMatchObject({ status: 'True', reason: 'Programmed' });
      const l = gw.status?.listeners?.find((x) => x.name === listener);
      expect(l?.attachedRoutes).toBe(1);
      for (const type of ['Accepted', 'Programmed', 'ResolvedRefs'])
        expect(conditionOf(l?.conditions, type)?.status).toBe('True');
      expect(conditionOf(l?.conditions, 'Conflicted')?.status).toBe('False');
      expect(gw.status?.addresses?.length).toBeGreaterThan(0);
    }
  });

  it('accepts both HTTPRoutes with resolved references for their parent Gateway', async () => {
    for (const [route, parent] of [
      ['http', 'gateway'],
      ['httpbin-https', 'gateway-https'],
    ] as const) {
      const r = await t.getJson<KubeObject>(['get', 'httproute', route, '-n', 'default']);
      const entry = r.status?.parents?.find((p) => p.parentRef.name === parent);
      expect(entry).toMatchObject({ controllerName: ISTIO, parentRef: { name: parent, namespace: 'istio-system' } });
      expect(conditionOf(entry?.conditions, 'Accepted')).toMatchObject({
        status: 'True',
        reason: 'Accepted',
        observedGeneration: r.metadata.generation,
      });
      expect(conditionOf(entry?.conditions, 'ResolvedRefs')).toMatchObject({ status: 'True', reason: 'ResolvedRefs' });
    }
  });

  it('reports ResolvedRefs False / BackendNotFound for a backendRef to a missing Service', async () => {
    const route = routeManifest('bad-backend', ['bad.aliyun.com'], 'no-such-service');
    expect((await t.kubectl(['apply', '-f', '-'], route)).code).toBe(0);
    const entry = await waitForParent('bad-backend');
    expect(conditionOf(entry.conditions, 'Accepted')?.status).toBe('True');
    expect(conditionOf(entry.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
  });

  it('reports Accepted False / NoMatchingListenerHostname when no listener hostname intersects', async () => {
    const route = routeManifest('other-host', ['www.example.com'], 'httpbin');
    expect((await t.kubectl(['apply', '-f', '-'], route)).code).toBe(0);
    const entry = await waitForParent('other-host');
    expect(conditionOf(entry.conditions, 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingListenerHostname' });
  });

  it("keeps other controllers' parents entries when it rewrites a route status", async () => {
    const foreign = {
      parentRef: { name: 'mesh-gw', namespace: 'default' },
      controllerName: 'example.com/other-controller',
      conditions: [
        { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'theirs', lastTransitionTime: '2024-01-01T00:00:00Z' },
      ],
    };
    const r0 = await t.getJson<KubeObject>(['get', 'httproute', 'http', '-n', 'default']);
    const patch = JSON.stringify({ status: { parents: [...(r0.status?.parents ?? []), foreign] } });
    const res = await t.kubectl([
      'patch',
      'httproute',
      'http',
      '-n',
      'default',
      '--subresource=status',
      '--type',
      'merge',
      '-p',
      patch,
    ]);
    expect(res.stderr).toBe('');
    // A change of the route's spec makes the controller rewrite its own entry (observedGeneration moves).
    await t.kubectl([
      'patch',
      'httproute',
      'http',
      '-n',
      'default',
      '--type',
      'merge',
      '-p',
      '{"spec":{"hostnames":["*.aliyun.com","httpbin.aliyun.com"]}}',
    ]);
    const r = await waitFor(async () => {
      const o = await t.getJson<KubeObject>(['get', 'httproute', 'http', '-n', 'default']);
      const ours = o.status?.parents?.find((p) => p.controllerName === ISTIO);
      return conditionOf(ours?.conditions, 'Accepted')?.observedGeneration === o.metadata.generation ? o : undefined;
    }, 3000);
    expect(r.metadata.generation).toBe(2);
    // The API server defaults parentRef group and kind (Gateway API CRD schema).
    const stored = { ...foreign, parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', ...foreign.parentRef } };
    expect(r.status?.parents?.find((p) => p.controllerName === 'example.com/other-controller')).toEqual(stored);
    expect(r.status?.parents).toHaveLength(2);
  });

  it('does not rewrite unchanged status on a reconcile caused by an unrelated change', async () => {
    await ctl.idle();
    const rvs = async (): Promise<Record<string, string | undefined>> => {
      const out: Record<string, string | undefined> = {};
      for (const o of [...(await list('gateways')), ...(await list('httproutes')), ...(await list('gatewayclasses'))])
        out[`${o.kind}/${o.metadata.name}`] = o.metadata.resourceVersion;
      return out;
    };
    const first = await rvs();
    const writesBefore = logs.filter((l) => l.startsWith('wrote')).length;
    // Namespaces are watched (allowedRoutes selectors read their labels): a label change triggers a full reconcile.
    expect((await t.kubectl(['label', 'namespace', 'kube-system', 'portico.dev/touched=yes'])).code).toBe(0);
    await new Promise((r) => setTimeout(r, 150));
    await ctl.idle();
    expect(await rvs()).toEqual(first);
    expect(logs.filter((l) => l.startsWith('wrote')).length).toBe(writesBefore);
  });

  it('never writes spec or metadata: generations and specs of the seed objects are unchanged', async () => {
    for (const o of [...(await list('gateways')), ...(await list('httproutes'))]) {
      const key = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
      const b = before.get(key);
      if (!b || o.metadata.name === 'http') continue; // `http` was edited by the test above
      expect({ key, generation: o.metadata.generation, spec: JSON.stringify(o.spec) }).toEqual({ key, ...b });
    }
  });

  function routeManifest(name: string, hostnames: string[], backend: string): string {
    return JSON.stringify({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name, namespace: 'default' },
      spec: {
        parentRefs: [{ name: 'gateway', namespace: 'istio-system' }],
        hostnames,
        rules: [{ backendRefs: [{ name: backend, port: 8000 }] }],
      },
    });
  }

  async function waitForParent(route: string): Promise<NonNullable<NonNullable<KubeObject['status']>['parents']>[number]> {
    return waitFor(async () => {
      const r = (await kubeRequest(
        kc,
        'GET',
        `/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/${route}`,
      )) as KubeObject;
      return r.status?.parents?.find((p) => p.controllerName === ISTIO);
    }, 1000);
  }
});
