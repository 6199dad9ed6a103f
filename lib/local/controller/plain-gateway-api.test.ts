/**
 * Without the ASMMeshConfig CRD the cluster is a plain Gateway API cluster: there is no switch
 * to wait for, so the controller writes status at once, as any Gateway API implementation does.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startController, type Controller } from './index';
import { SEED_FIXTURES, startControllerTestCluster, waitFor, type ControllerTestCluster } from './test-support';
import { conditionOf, type KubeObject } from './test-objects';

describe('local controller on a cluster without ASM', () => {
  let t: ControllerTestCluster;
  let ctl: Controller;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await startControllerTestCluster();
    const del = await t.kubectl(['delete', 'crd', 'asmmeshconfigs.istio.alibabacloud.com']);
    expect(del.code).toBe(0);
    await waitFor(
      async () =>
        (await t.kubectl(['api-resources', '--api-group=istio.alibabacloud.com'])).stdout.includes('asmmeshconfigs')
          ? undefined
          : true,
      5000,
      100,
    );
    ctl = await startController({ kubeconfigPath: t.cluster.kubeconfigPath, log: (m) => logs.push(m) });
  }, 60_000);

  afterAll(async () => {
    await ctl?.stop();
    await t?.dispose();
  });

  it('reconciles without any enableGatewayAPI switch', async () => {
    expect((await t.kubectl(['apply', '-f', path.join(SEED_FIXTURES, 'gateway-http.yaml')])).code).toBe(0);
    const gw = await waitFor(
      async () => {
        const g = await t.getJson<KubeObject>(['get', 'gtw', 'gateway', '-n', 'istio-system']);
        return conditionOf(g.status?.conditions, 'Programmed')?.status === 'True' ? g : undefined;
      },
      3000,
      50,
    );
    expect(conditionOf(gw.status?.conditions, 'Accepted')?.status).toBe('True');
    expect(logs.some((l) => l.includes('ASMMeshConfig@'))).toBe(false);
  });
});
