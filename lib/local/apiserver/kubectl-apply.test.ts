/**
 * Moving from client-side to server-side apply with the real kubectl: the seed's manifest
 * applied client-side, then server-side. On a real cluster the second apply succeeds because
 * the applied values equal the live ones once the CRD defaults are applied (only a changed
 * VALUE is a conflict); a real change to a field the client-side applier owns conflicts until
 * forced. https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findKubectl, startTestCluster, type TestCluster } from './test-cluster';

const FILE = path.resolve(__dirname, '../seed/__fixtures__/gateway-http.yaml');
const hasKubectl = findKubectl() !== undefined;
if (!hasKubectl) console.warn('kubectl-apply.test.ts: no kubectl binary on PATH, skipping the kubectl integration tests');

interface ManagedEntry {
  manager: string;
  operation: string;
  fieldsV1: { 'f:spec'?: Record<string, unknown> };
}

describe.skipIf(!hasKubectl)('client-side then server-side apply of the same file', () => {
  let t: TestCluster;
  const k = (...args: string[]) => t.kubectl(args);
  const route = async () => {
    const r = await k('get', 'httproute', 'http', '-n', 'default', '-o', 'yaml', '--show-managed-fields');
    return parse(r.stdout) as { spec: { hostnames: string[] }; metadata: { managedFields: ManagedEntry[] } };
  };

  beforeAll(async () => {
    t = await startTestCluster({ httpbinPort: 18084 });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const withHost = (host: string, name = 'http'): string => {
    const file = path.join(t.dir, `${name}-${host}.yaml`);
    const text = readFileSync(FILE, 'utf8').replace('hostnames: ["*.aliyun.com"]', `hostnames: ["${host}"]`);
    writeFileSync(file, text.replace(/name: http\n/, `name: ${name}\n`));
    return file;
  };

  it('server-side applies unchanged values that the server defaulted, without conflicts', async () => {
    expect((await k('apply', '-f', FILE)).code).toBe(0);
    const r = await k('apply', '--server-side', '-f', FILE);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('gateway.gateway.networking.k8s.io/gateway serverside-applied');
    expect(r.stdout).toContain('httproute.gateway.networking.k8s.io/http serverside-applied');
    const live = await route();
    // kubectl then migrates the client-side applier's fields to its apply manager (csaupgrade).
    const managers = live.metadata.managedFields.map((e) => `${e.manager}/${e.operation}`).sort();
    expect(managers).not.toContain('kubectl-client-side-apply/Update');
    const kubectl = live.metadata.managedFields.find((e) => e.manager === 'kubectl' && e.operation === 'Apply');
    expect(Object.keys(kubectl?.fieldsV1['f:spec'] ?? {})).toEqual(
      expect.arrayContaining(['f:hostnames', 'f:parentRefs', 'f:rules']),
    );
    // The server's defaults stay in place.
    const weight = await k('get', 'httproute', 'http', '-n', 'default', '-o', 'jsonpath={.spec.rules[0].backendRefs[0].weight}');
    expect(weight.stdout).toBe('1');
  });

  it('conflicts only on the field whose value another manager changes, and takes it with --force-conflicts', async () => {
    const changed = withHost('www.aliyun.com');
    const refused = await k('apply', '--server-side', '--field-manager=portico', '-f', changed);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl"');
    expect(refused.stderr).toContain('.spec.hostnames');
    expect((await route()).spec.hostnames).toEqual(['*.aliyun.com']);

    const forced = await k('apply', '--server-side', '--field-manager=portico', '--force-conflicts', '-f', changed);
    expect(forced.stderr).toBe('');
    const live = await route();
    expect(live.spec.hostnames).toEqual(['www.aliyun.com']);
    const kubectl = live.metadata.managedFields.find((e) => e.manager === 'kubectl');
    expect(Object.keys(kubectl?.fieldsV1['f:spec'] ?? {})).not.toContain('f:hostnames');
  });

  it('conflicts with the client-side applier on a changed hostname only, until forced', async () => {
    expect((await k('apply', '-f', withHost('*.aliyun.com', 'http2'))).code).toBe(0);
    const changed = withHost('api.aliyun.com', 'http2');
    const refused = await k('apply', '--server-side', '-f', changed);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply"');
    expect(refused.stderr).toContain('.spec.hostnames');
    const forced = await k('apply', '--server-side', '--force-conflicts', '-f', changed);
    expect(forced.stderr).toBe('');
    const host = await k('get', 'httproute', 'http2', '-n', 'default', '-o', 'jsonpath={.spec.hostnames[0]}');
    expect(host.stdout).toBe('api.aliyun.com');
  });
});
