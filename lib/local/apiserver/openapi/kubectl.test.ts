import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinResources, crdToResourceDefs } from '../builtin';
import { BUNDLES_DIR, loadCrds } from '../builtin/__fixtures__/gateway-api-crds';
import { type FakeApiServer, startFakeApiServer } from './__fixtures__/fake-apiserver';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('kubectl not found on PATH: the kubectl OpenAPI checks are skipped');

describe.skipIf(!hasKubectl)('kubectl against the served OpenAPI', () => {
  let server: FakeApiServer;
  // Asynchronous on purpose: the fake server answers from this very process.
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn('kubectl', [`--kubeconfig=${server.kubeconfig}`, `--cache-dir=${server.cacheDir}`, ...args]);
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('close', (code) => resolve({ code, out, err }));
    });
  const manifest = (name: string, text: string) => {
    const file = path.join(path.dirname(server.kubeconfig), name);
    writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    const crds = loadCrds('v1.1.0').flatMap((f) => crdToResourceDefs(f.crd));
    server = await startFakeApiServer([...builtinResources(), ...crds]);
  });
  afterAll(async () => server?.stop());

  it('explains svc.spec.ports from OpenAPI v3 with the ServicePort type', async () => {
    const r = await run('explain', 'svc.spec.ports');
    expect(r.err).toBe('');
    expect(r.out).toContain('FIELD: ports <[]ServicePort>');
    expect(r.out).toMatch(/port\s+<integer> -required-/);
    expect(r.out).toContain('enum: SCTP, TCP, UDP');
  });

  it('explains httproute.spec.rules from the CRD schema', async () => {
    const r = await run('explain', 'httproute.spec.rules');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/GROUP:\s+gateway\.networking\.k8s\.io/);
    expect(r.out).toMatch(/KIND:\s+HTTPRoute/);
    expect(r.out).toContain('FIELD: rules <[]Object>');
    expect(r.out).toMatch(/backendRefs\s+<\[\]Object>/);
  });

  it('parses the protobuf OpenAPI v2 document', async () => {
    const r = await run('explain', 'svc.spec.ports', '--output=plaintext-openapiv2');
    expect(r.err).toBe('');
    expect(r.out).toContain('RESOURCE: ports <[]Object>');
  });

  it('applies with server-side field validation and strategic merge patches Services by port', async () => {
    const svc = (port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: httpbin}\nspec:\n  selector: {app: httpbin}\n  ports: [{name: http, port: ${port}, targetPort: 80}]\n`;
    const first = await run('apply', '-f', manifest('svc.yaml', svc(8000)));
    expect(first.err).toBe('');
    const create = server.requests.find((q) => q.method === 'POST' && q.url.includes('/services?'));
    expect(create?.url).toContain('fieldValidation=Strict');
    const second = await run('apply', '-f', manifest('svc.yaml', svc(8001)));
    expect(second.err).toBe(''); // no "error calculating patch from openapi v3 spec" warning
    const patch = server.requests.find((q) => q.method === 'PATCH' && q.url.includes('/services/httpbin'));
    expect(patch?.contentType).toBe('application/strategic-merge-patch+json');
    const body = JSON.parse(patch?.body ?? '{}') as { spec?: Record<string, unknown> };
    expect(body.spec?.['$setElementOrder/ports']).toEqual([{ port: 8001 }]);
  });

  it('applies a Gateway API CRD and an HTTPRoute without validation errors', async () => {
    const crd = await run('apply', '-f', path.join(BUNDLES_DIR, 'v1.1.0/gateway.networking.k8s.io_httproutes.yaml'));
    expect(crd.err).toBe('');
    const route =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r1}\nspec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: httpbin, port: 8000}]}]\n';
    const r = await run('apply', '-f', manifest('route.yaml', route));
    expect(r.err).toBe('');
    const create = server.requests.find((q) => q.method === 'POST' && q.url.includes('/httproutes?'));
    expect(create?.url).toContain('fieldValidation=Strict');
  });
});
