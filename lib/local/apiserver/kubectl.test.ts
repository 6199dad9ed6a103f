/**
 * The seed document's kubectl steps, and the everyday kubectl verbs, against the local cluster
 * with the real kubectl binary.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findKubectl, startTestCluster, type TestCluster } from './test-cluster';

const FIXTURES = path.resolve(__dirname, '../seed/__fixtures__');
const hasKubectl = findKubectl() !== undefined;
if (!hasKubectl) console.warn('kubectl.test.ts: no kubectl binary on PATH, skipping the kubectl integration tests');

describe.skipIf(!hasKubectl)('kubectl against the local cluster', () => {
  let t: TestCluster;
  const k = (...args: string[]) => t.kubectl(args);

  beforeAll(async () => {
    t = await startTestCluster({ httpbinPort: 18080 });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('lists the Gateway API CRDs (seed step 1)', async () => {
    const r = await k('get', 'crds');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('gateway.networking.k8s.io'));
    const names = lines.map((l) => l.split(/\s+/)[0]).sort();
    expect(names).toEqual([
      'gatewayclasses.gateway.networking.k8s.io',
      'gateways.gateway.networking.k8s.io',
      'grpcroutes.gateway.networking.k8s.io',
      'httproutes.gateway.networking.k8s.io',
      'referencegrants.gateway.networking.k8s.io',
    ]);
  });

  it('shows the bundle version annotation of every Gateway API CRD', async () => {
    const r = await k('get', 'crds', '-o', 'yaml');
    const hits = r.stdout.split('\n').filter((l) => l.includes('gateway.networking.k8s.io/bundle-version'));
    expect(hits).toHaveLength(5);
    for (const h of hits) expect(h.trim()).toBe('gateway.networking.k8s.io/bundle-version: v1.1.0');
  });

  it('applies the HTTP and HTTPS manifests of the seed and lists gateways by short name', async () => {
    for (const f of ['gateway-http.yaml', 'gateway-https.yaml']) {
      const r = await k('apply', '-f', path.join(FIXTURES, f));
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/gateway\.gateway\.networking\.k8s\.io\/gateway(-https)? created/);
      expect(r.stdout).toMatch(/httproute\.gateway\.networking\.k8s\.io\/(http|httpbin-https) created/);
    }
    const again = await k('apply', '-f', path.join(FIXTURES, 'gateway-http.yaml'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('gateway.gateway.networking.k8s.io/gateway unchanged');
    const gtw = await k('get', 'gtw', '-A');
    expect(gtw.code).toBe(0);
    const rows = gtw.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^NAMESPACE\s+NAME\s+CLASS\s+ADDRESS\s+PROGRAMMED\s+AGE$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/).slice(0, 3))).toEqual([
      ['istio-system', 'gateway', 'istio'],
      ['istio-system', 'gateway-https', 'istio'],
    ]);
  });

  it('prints an object as YAML with server-set metadata', async () => {
    const r = await k('get', 'httproute', 'http', '-n', 'default', '-o', 'yaml');
    const obj = parse(r.stdout) as { apiVersion: string; metadata: Record<string, unknown>; spec: { hostnames: string[] } };
    expect(obj.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(obj.spec.hostnames).toEqual(['*.aliyun.com']);
    expect(obj.metadata.generation).toBe(1);
    expect(String(obj.metadata.resourceVersion)).toMatch(/^\d+$/);
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('server-side applies with field ownership and conflicts', async () => {
    const route = (host: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ssa, namespace: default}
spec:
  parentRefs: [{name: gateway, namespace: istio-system}]
  hostnames: ["${host}"]
`;
    const first = await t.kubectl(['apply', '--server-side', '-f', '-'], { input: route('a.aliyun.com') });
    expect(first.stdout).toContain('httproute.gateway.networking.k8s.io/ssa serverside-applied');
    const clash = await t.kubectl(['apply', '--server-side', '--field-manager', 'other', '-f', '-'], {
      input: route('b.aliyun.com'),
    });
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain('conflict');
    const forced = await t.kubectl(['apply', '--server-side', '--field-manager', 'other', '--force-conflicts', '-f', '-'], {
      input: route('b.aliyun.com'),
    });
    expect(forced.code).toBe(0);
    const got = await k('get', 'httproute', 'ssa', '-o', 'json', '--show-managed-fields');
    const obj = JSON.parse(got.stdout) as {
      spec: { hostnames: string[] };
      metadata: { managedFields: Array<{ manager: string; operation: string }> };
    };
    expect(obj.spec.hostnames).toEqual(['b.aliyun.com']);
    expect(obj.metadata.managedFields.map((m) => `${m.manager}/${m.operation}`)).toContain('other/Apply');
  });

  it('edits through KUBE_EDITOR', async () => {
    const editor = path.join(t.dir, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i -e "s#value: /get#value: /anything#" "$1"\n');
    chmodSync(editor, 0o755);
    const r = await t.kubectl(['edit', 'httproute', 'http', '-n', 'default'], { env: { KUBE_EDITOR: editor } });
    expect(r.stdout).toContain('httproute.gateway.networking.k8s.io/http edited');
    const got = await k(
      'get',
      'httproute',
      'http',
      '-o',
      'jsonpath={.spec.rules[0].matches[0].path.value} {.metadata.generation}',
    );
    expect(got.stdout).toBe('/anything 2');
  });

  it('patches with merge, json and strategic patches', async () => {
    const merge = await k(
      'patch',
      'gtw',
      'gateway',
      '-n',
      'istio-system',
      '--type',
      'merge',
      '-p',
      '{"metadata":{"labels":{"team":"web"}}}',
    );
    expect(merge.stdout).toContain('gateway.gateway.networking.k8s.io/gateway patched');
    const json = await k(
      'patch',
      'httproute',
      'http',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/hostnames/0","value":"httpbin.aliyun.com"}]',
    );
    expect(json.code).toBe(0);
    const smp = await k(
      'patch',
      'svc',
      'httpbin',
      '--type',
      'strategic',
      '-p',
      '{"spec":{"ports":[{"name":"admin","port":9000,"targetPort":9000}]}}',
    );
    expect(smp.code).toBe(0);
    const svc = await k('get', 'svc', 'httpbin', '-o', 'jsonpath={.spec.ports[*].port}');
    expect(svc.stdout.split(' ').sort()).toEqual(['8000', '9000']);
    const labels = await k('get', 'gtw', '-n', 'istio-system', '-l', 'team=web', '-o', 'name');
    expect(labels.stdout.trim()).toBe('gateway.gateway.networking.k8s.io/gateway');
    const hosts = await k('get', 'httproute', 'http', '-o', 'jsonpath={.spec.hostnames}');
    expect(hosts.stdout).toBe('["httpbin.aliyun.com"]');
  });

  it('refuses a replace carrying a stale resourceVersion', async () => {
    const stale = (await k('get', 'httproute', 'http', '-o', 'yaml')).stdout;
    await k('label', 'httproute', 'http', 'touched=yes');
    const r = await t.kubectl(['replace', '-f', '-'], { input: stale });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('the object has been modified; please apply your changes to the latest version and try again');
  });

  it('watches changes with get -w', async () => {
    const child = t.spawnKubectl(['get', 'gtw', '-n', 'istio-system', '-w', '--output-watch-events']);
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    try {
      await until(() => out.includes('gateway-https'));
      await k('label', 'gtw', 'gateway-https', '-n', 'istio-system', 'watched=yes');
      await until(() => /MODIFIED\s+gateway-https/.test(out));
    } finally {
      child.kill();
    }
    expect(out).toMatch(/ADDED\s+gateway\s+istio/);
    expect(out).toMatch(/MODIFIED\s+gateway-https/);
  });

  it('deletes', async () => {
    const r = await k('delete', 'httproute', 'httpbin-https', '-n', 'default');
    expect(r.stdout).toContain('httproute.gateway.networking.k8s.io "httpbin-https" deleted');
    const gone = await k('get', 'httproute', 'httpbin-https', '-n', 'default');
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('httproutes.gateway.networking.k8s.io "httpbin-https" not found');
  });

  it('explains a CRD field from the OpenAPI documents', async () => {
    const r = await k('explain', 'httproute.spec.rules');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FIELD: rules');
    expect(r.stdout).toContain('backendRefs');
  });

  it('lists API resources with short names', async () => {
    const r = await k('api-resources');
    const gateways = r.stdout.split('\n').find((l) => l.startsWith('gateways '));
    expect(gateways?.split(/\s+/)).toEqual(['gateways', 'gtw', 'gateway.networking.k8s.io/v1', 'true', 'Gateway']);
    expect(r.stdout).toMatch(/^services\s+svc\s+v1\s+true\s+Service$/m);
  });

  it('refuses an invalid Gateway naming the field and the reason', async () => {
    const bad = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: bad, namespace: istio-system}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 70000, protocol: HTTP}
`;
    const r = await t.kubectl(['apply', '-f', '-'], { input: bad });
    expect(r.code).not.toBe(0);
    // kubectl apply rewrites a 422 as `The <Kind> "<name>" is invalid: <causes>`, as on a real cluster.
    expect(r.stderr).toContain('The Gateway "bad" is invalid');
    expect(r.stderr).toContain('spec.listeners[0].port');
    expect(r.stderr).toContain('65535');
  });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}
