/**
 * The local cluster with Istio's networking CRDs (PORTICO_ISTIO_CRDS=1): Istio objects are stored
 * and listed with the real kubectl, next to Gateway API's, as on an ASM cluster before a migration
 * (the seed's table: `kubectl get gw` is Istio's Gateway, `kubectl get gtw` Gateway API's).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from '../apiserver/test-cluster';

const hasKubectl = findKubectl() !== undefined;
if (!hasKubectl) console.warn('istio-crds.test.ts: no kubectl binary on PATH, skipping the kubectl integration tests');

describe.skipIf(!hasKubectl)('Istio CRDs in the local cluster', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster({ istioCrds: true });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('stores the Istio httpbin sample; gw is Istio, gtw is Gateway API', async () => {
    const applied = await t.kubectl(['apply', '-f', path.join(process.cwd(), 'lib/migrate/__fixtures__/httpbin.yaml')]);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('gateway.networking.istio.io/httpbin-gateway created');
    expect(applied.stdout).toContain('virtualservice.networking.istio.io/httpbin created');
    const vs = await t.kubectl(['get', 'vs', 'httpbin', '-o', 'jsonpath={.spec.http[0].match[1].uri.prefix}']);
    expect(vs.stdout).toBe('/delay');
    expect((await t.kubectl(['get', 'gw', '-o', 'name'])).stdout.trim()).toBe('gateway.networking.istio.io/httpbin-gateway');
    expect((await t.kubectl(['get', 'gtw', '-A', '-o', 'name'])).stdout).not.toContain('httpbin-gateway');
  });

  it('without the option, Istio kinds are not served', async () => {
    const plain = await startTestCluster();
    try {
      const r = await plain.kubectl(['get', 'virtualservices']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('the server doesn\'t have a resource type "virtualservices"');
    } finally {
      await plain.dispose();
    }
  });
});
