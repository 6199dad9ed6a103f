import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '@/lib/local/apiserver/test-cluster';
import { runManifestsWith } from './apply';
import { HISTORY_NAMESPACE, historyName } from './apply-history';
import { k8sRequest } from './request';

let t: TestCluster;
let config: KubeConfig;
const seedHttp = readFileSync(path.join(__dirname, '../../e2e/manifests/gateway-http.yaml'), 'utf8');

beforeAll(async () => {
  t = await startTestCluster({ gatewayApiVersion: 'v1.1.0' });
  config = new KubeConfig();
  config.loadFromFile(t.cluster.kubeconfigPath);
});
afterAll(async () => {
  await t?.dispose();
});

describe('runManifests against a real API server', () => {
  it('dry-runs the seed manifest: both documents created, nothing persisted', async () => {
    const { outcome } = await runManifestsWith(config, { yaml: seedHttp, dryRun: true });
    expect(outcome.documents.map((d) => [d.kind, d.outcome])).toEqual([
      ['Gateway', 'created'],
      ['HTTPRoute', 'created'],
    ]);
    expect(outcome.documents[0]?.afterYaml).toContain('gatewayClassName: istio');
    const got = await t.kubectl(['get', 'httproute', 'http', '-n', 'default']);
    expect(got.code).not.toBe(0);
  });

  it('applies, then a second apply is unchanged, a change is configured and its previous version is recorded', async () => {
    const first = await runManifestsWith(config, { yaml: seedHttp, dryRun: false });
    expect(first.outcome.documents.map((d) => d.outcome)).toEqual(['created', 'created']);
    const again = await runManifestsWith(config, { yaml: seedHttp, dryRun: false });
    expect(again.outcome.documents.map((d) => d.outcome)).toEqual(['unchanged', 'unchanged']);
    const changed = seedHttp.replace('value: /get', 'value: /headers');
    const third = await runManifestsWith(config, { yaml: changed, dryRun: false });
    expect(third.outcome.documents.map((d) => d.outcome)).toEqual(['unchanged', 'configured']);
    const cm = await k8sRequest<{ data: Record<string, string>; metadata: { annotations: Record<string, string> } }>(config, {
      path: `/api/v1/namespaces/${HISTORY_NAMESPACE}/configmaps/${historyName('HTTPRoute', 'default', 'http')}`,
    });
    const rev = parse(cm.data['rev-1'] ?? '') as { spec: { rules: Array<{ matches: Array<{ path: { value: string } }> }> } };
    expect(rev.spec.rules[0]?.matches[0]?.path.value).toBe('/get');
    expect(cm.metadata.annotations['portico.io/rev-1-author']).toBeTruthy();
  });

  it('refuses to overwrite a newer resourceVersion, and force overwrites', async () => {
    const live = await k8sRequest<{ metadata: { resourceVersion: string } }>(config, {
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/http',
    });
    const old = String(Number(live.metadata.resourceVersion) - 1);
    const yaml = seedHttp.replace('value: /get', 'value: /anything');
    const expected = { 'HTTPRoute/default/http': old };
    const refused = await runManifestsWith(config, { yaml, dryRun: false, expected });
    const doc = refused.outcome.documents[1];
    expect(doc?.outcome).toBe('failed');
    expect(doc?.conflict).toMatchObject({ reason: 'resourceVersion', expected: old, live: live.metadata.resourceVersion });
    const forced = await runManifestsWith(config, { yaml, dryRun: false, expected, force: true });
    expect(forced.outcome.documents[1]?.outcome).toBe('configured');
  });

  it('an edit of an object another tool applied is an update guarded by its resourceVersion, not a field conflict', async () => {
    const yaml = seedHttp.split('---')[1]!.replace('name: http', 'name: edited');
    expect((await t.kubectl(['apply', '-f', '-'], { input: yaml })).code).toBe(0);
    const live = await k8sRequest<{ metadata: { resourceVersion: string } }>(config, {
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/edited',
    });
    const edit = yaml.replace('value: /get', 'value: /ip');
    const expected = { 'HTTPRoute/default/edited': live.metadata.resourceVersion };
    const plain = await runManifestsWith(config, { yaml: edit, dryRun: true });
    expect(plain.outcome.documents[0]?.conflict?.reason).toBe('fieldManager');
    const dry = await runManifestsWith(config, { yaml: edit, dryRun: true, expected });
    expect(dry.outcome.documents[0]?.outcome).toBe('configured');
    const applied = await runManifestsWith(config, { yaml: edit, dryRun: false, expected });
    expect(applied.outcome.documents[0]?.outcome).toBe('configured');
    const stale = await runManifestsWith(config, { yaml: edit.replace('/ip', '/uuid'), dryRun: false, expected });
    expect(stale.outcome.documents[0]?.conflict?.reason).toBe('resourceVersion');
  });

  it('reports each bad document with a specific message on its line, without hiding the good one', async () => {
    const yaml = [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata:',
      '  name: bad-host',
      '  namespace: default',
      'spec:',
      '  gatewayClassName: istio',
      '  listeners:',
      '  - name: a',
      "    hostname: '*'",
      '    port: 80',
      '    protocol: HTTP',
      '---',
      'apiVersion: gateway.networking.k8s.io/v9',
      'kind: Gateway',
      'metadata: {name: x}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: fine, namespace: nowhere}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: fine, namespace: default}',
      'data: {a: b}',
    ].join('\n');
    const { outcome } = await runManifestsWith(config, { yaml, dryRun: true });
    const [host, version, ns, ok] = outcome.documents;
    expect(host?.outcome).toBe('failed');
    expect(host?.problems[0]).toMatchObject({ field: 'spec.listeners[0].hostname', line: 10 });
    expect(version?.problems[0]?.message).toMatch(/gateway\.networking\.k8s\.io\/v9 is not served.*v1/);
    expect(version?.problems[0]?.line).toBe(15);
    expect(ns?.problems[0]?.message).toMatch(/Namespace nowhere does not exist/);
    expect(ok?.outcome).toBe('created');
  });

  it('points a duplicate listener name at the second listener', async () => {
    const yaml =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: dup, namespace: default}\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: a\n    port: 80\n    protocol: HTTP\n  - name: a\n    port: 81\n    protocol: HTTP\n';
    const { outcome } = await runManifestsWith(config, { yaml, dryRun: true });
    expect(outcome.documents[0]?.outcome).toBe('failed');
    expect(outcome.documents[0]?.problems[0]?.line).toBe(10);
  });
});
