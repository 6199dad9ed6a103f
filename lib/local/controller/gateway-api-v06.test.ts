/**
 * ASM 1.18 serves Gateway API v0.6.0: v1beta1 only and no GRPCRoute. The controller must find
 * that by discovery, watch and write at v1beta1, and still program the seed's Gateways.
 */
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startController, type Controller } from './index';
import { discoverResources } from './resources';
import { createTlsSecret, SEED_FIXTURES, startControllerTestCluster, waitFor, type ControllerTestCluster } from './test-support';
import { conditionOf, gtwTable, type KubeObject } from './test-objects';

describe('local controller on a Gateway API v0.6.0 bundle (v1beta1 objects)', () => {
  let t: ControllerTestCluster;
  let ctl: Controller;

  beforeAll(async () => {
    t = await startControllerTestCluster('v0.6.0');
    ctl = await startController({ kubeconfigPath: t.cluster.kubeconfigPath });
  }, 60_000);

  afterAll(async () => {
    await ctl?.stop();
    await t?.dispose();
  });

  it('discovers v1beta1 for every served Gateway API kind and no GRPCRoute', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(t.cluster.kubeconfigPath);
    const d = await discoverResources(kc);
    const gw = d.defs
      .filter((x) => x.group === 'gateway.networking.k8s.io')
      .map((x) => `${x.kind}@${x.version}`)
      .sort();
    expect(gw).toEqual(['Gateway@v1beta1', 'GatewayClass@v1beta1', 'HTTPRoute@v1beta1', 'ReferenceGrant@v1beta1']);
    expect(d.meshConfig?.version).toBe('v1beta1');
  });

  it('programs the seed Gateways and accepts their v1beta1 HTTPRoutes once enableGatewayAPI is true', async () => {
    for (const f of ['gateway-http.yaml', 'gateway-https.yaml'])
      expect((await t.kubectl(['apply', '-f', path.join(SEED_FIXTURES, f)])).stderr).toBe('');
    await createTlsSecret(t, 'istio-system', 'myexample-credential', 'a.aliyun.com');
    await ctl.idle();
    const idleTable = gtwTable((await t.kubectl(['get', 'gtw', '-n', 'istio-system'])).stdout);
    expect(idleTable.map((r) => r.PROGRAMMED)).not.toContain('True');

    await t.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
    const table = await waitFor(
      async () => {
        const rows = gtwTable((await t.kubectl(['get', 'gtw', '-n', 'istio-system'])).stdout);
        return rows.length === 2 && rows.every((r) => r.PROGRAMMED === 'True') ? rows : undefined;
      },
      5000,
      50,
    );
    expect(table.map((r) => r.NAME)).toEqual(['gateway', 'gateway-https']);

    for (const [route, parent] of [
      ['http', 'gateway'],
      ['httpbin-https', 'gateway-https'],
    ] as const) {
      const r = await t.getJson<KubeObject>(['get', 'httproutes.v1beta1.gateway.networking.k8s.io', route, '-n', 'default']);
      expect(r.apiVersion).toBe('gateway.networking.k8s.io/v1beta1');
      const entry = r.status?.parents?.find((p) => p.parentRef.name === parent);
      expect(conditionOf(entry?.conditions, 'Accepted')?.status).toBe('True');
      expect(conditionOf(entry?.conditions, 'ResolvedRefs')?.status).toBe('True');
    }
    const cls = await t.getJson<KubeObject>(['get', 'gatewayclass', 'istio']);
    expect(conditionOf(cls.status?.conditions, 'Accepted')?.status).toBe('True');
    // No GRPCRoute CRD in v0.6: the listeners must not advertise it.
    const gw = await t.getJson<{ status?: { listeners?: Array<{ supportedKinds: Array<{ kind: string }> }> } }>([
      'get',
      'gtw',
      'gateway',
      '-n',
      'istio-system',
    ]);
    expect(gw.status?.listeners?.map((l) => l.supportedKinds.map((k) => k.kind))).toEqual([['HTTPRoute']]);
  });
});
