/**
 * The embedded stack runs the status controller: once ASMMeshConfig `default` enables Gateway
 * API, the seeded `istio` GatewayClass is Accepted, with no other process involved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeRequest, releaseAgent } from './controller/kube-request';
import { waitFor } from './controller/test-support';
import { conditionOf, type KubeObject } from './controller/test-objects';
import { startLocalStack, type LocalStack } from './stack';

describe('startLocalStack', () => {
  let dir: string;
  let stack: LocalStack;
  let kc: KubeConfig;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portico-stack-'));
    stack = await startLocalStack({ dataDir: path.join(dir, 'data'), log: (m) => logs.push(m) });
    kc = new KubeConfig();
    kc.loadFromFile(stack.kubeconfigPath);
  }, 60_000);

  afterAll(async () => {
    releaseAgent(kc);
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the controller with the cluster: the istio GatewayClass is Accepted once Gateway API is enabled', async () => {
    const cls = () => kubeRequest(kc, 'GET', '/apis/gateway.networking.k8s.io/v1/gatewayclasses/istio') as Promise<KubeObject>;
    await waitFor(
      async () => (logs.some((l) => l.startsWith('ASMMeshConfig default does not enable')) ? true : undefined),
      10_000,
      50,
    );
    expect(conditionOf((await cls()).status?.conditions, 'Accepted')?.status).not.toBe('True');
    const cfg = (await kubeRequest(kc, 'GET', '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs/default')) as KubeObject & {
      spec: Record<string, unknown>;
    };
    await kubeRequest(kc, 'PUT', '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs/default', {
      ...cfg,
      spec: { ...cfg.spec, enableGatewayAPI: true },
    });
    const accepted = await waitFor(async () => {
      const c = conditionOf((await cls()).status?.conditions, 'Accepted');
      return c?.status === 'True' ? c : undefined;
    }, 3000);
    expect(accepted).toMatchObject({ reason: 'Accepted', observedGeneration: 1 });
  });
});
