/**
 * kubectl's imperative `create` commands against the local cluster with the real kubectl
 * binary. These go through client-go typed clients, which send built-in kinds as protobuf
 * (`application/vnd.kubernetes.protobuf`), unlike `apply`/`replace`, which send JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from './test-cluster';
import { loadOrCreateTls } from './tls';

const hasKubectl = findKubectl() !== undefined;
if (!hasKubectl) console.warn('kubectl-create.test.ts: no kubectl binary on PATH, skipping the kubectl integration tests');

type Obj = { metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: unknown };

describe.skipIf(!hasKubectl)('kubectl create (protobuf request bodies)', () => {
  let t: TestCluster;
  const k = (...args: string[]) => t.kubectl(args);
  const getJson = async (...args: string[]): Promise<Obj> => {
    const r = await k('get', ...args, '-o', 'json');
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as Obj;
  };

  beforeAll(async () => {
    t = await startTestCluster({ httpbinPort: 18083 });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('creates a TLS secret from a certificate and key file (the HTTPS step of the guide)', async () => {
    // Any matching certificate/key pair: kubectl checks they belong together before sending.
    mkdirSync(path.join(t.dir, 'pki'));
    const tls = loadOrCreateTls(path.join(t.dir, 'pki'));
    const cert = path.join(t.dir, 'c.pem');
    const key = path.join(t.dir, 'k.pem');
    writeFileSync(cert, tls.certPem);
    writeFileSync(key, tls.keyPem);
    const r = await k('create', 'secret', 'tls', 'myexample-credential', `--cert=${cert}`, `--key=${key}`, '-n', 'istio-system');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('secret/myexample-credential created');
    const s = await getJson('secret', 'myexample-credential', '-n', 'istio-system');
    expect(s.type).toBe('kubernetes.io/tls');
    const data = s.data as Record<string, string>;
    expect(Buffer.from(data['tls.crt'] ?? '', 'base64').toString()).toBe(tls.certPem);
    expect(Buffer.from(data['tls.key'] ?? '', 'base64').toString()).toBe(tls.keyPem);
    expect(s.metadata.namespace).toBe('istio-system');
  });

  it('creates a generic secret and a configmap from literals and files', async () => {
    const file = path.join(t.dir, 'app.properties');
    writeFileSync(file, 'color=blue\n');
    expect((await k('create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=empty=')).code).toBe(0);
    const s = await getJson('secret', 'creds');
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ user: Buffer.from('admin').toString('base64'), empty: '' });
    // stringData is write-only: merged into data (its keys win), never stored.
    const applied = await t.kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: v1\nkind: Secret\nmetadata: {name: plain}\ndata: {a: eA==, b: eA==}\nstringData: {b: two}\n',
    });
    expect(applied.code).toBe(0);
    const plain = await getJson('secret', 'plain');
    expect(plain.data).toEqual({ a: 'eA==', b: Buffer.from('two').toString('base64') });
    expect(plain.stringData).toBeUndefined();
    expect(plain.type).toBe('Opaque');

    expect((await k('create', 'configmap', 'settings', '--from-literal=mode=fast', `--from-file=${file}`)).code).toBe(0);
    const cm = await getJson('configmap', 'settings');
    expect(cm.data).toEqual({ mode: 'fast', 'app.properties': 'color=blue\n' });
  });

  it('creates a namespace and objects inside it', async () => {
    const r = await k('create', 'namespace', 'team-a');
    expect(r.stdout.trim()).toBe('namespace/team-a created');
    const ns = await getJson('namespace', 'team-a');
    expect((ns.status as { phase: string }).phase).toBe('Active');
    expect((await k('create', 'configmap', 'inside', '-n', 'team-a', '--from-literal=a=b')).code).toBe(0);
    const missing = await k('create', 'configmap', 'nowhere', '-n', 'no-such-ns', '--from-literal=a=b');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('namespaces "no-such-ns" not found');
  });

  it('creates services with port:targetPort pairs', async () => {
    expect((await k('create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:https')).code).toBe(0);
    const svc = await getJson('service', 'web');
    const spec = svc.spec as { type: string; selector: Record<string, string>; ports: unknown[] };
    expect(spec.type).toBe('ClusterIP');
    expect(spec.selector).toEqual({ app: 'web' });
    expect(spec.ports).toEqual([
      { name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: '443-https', port: 443, protocol: 'TCP', targetPort: 'https' },
    ]);
    expect((await k('create', 'service', 'externalname', 'ext', '--external-name=example.com')).code).toBe(0);
    const ext = await getJson('service', 'ext');
    expect(ext.spec).toMatchObject({ type: 'ExternalName', externalName: 'example.com' });
  });

  it('creates a service account, RBAC roles and bindings, and a disruption budget', async () => {
    expect((await k('create', 'serviceaccount', 'bot')).code).toBe(0);
    expect((await k('create', 'role', 'reader', '--verb=get,list', '--resource=secrets')).code).toBe(0);
    const role = await getJson('role', 'reader');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }]);
    expect((await k('create', 'rolebinding', 'bot-reader', '--role=reader', '--serviceaccount=default:bot')).code).toBe(0);
    const rb = await getJson('rolebinding', 'bot-reader');
    expect(rb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' });
    expect(rb.subjects).toEqual([{ kind: 'ServiceAccount', name: 'bot', namespace: 'default' }]);
    expect((await k('create', 'pdb', 'web', '--selector=app=web', '--min-available=1')).code).toBe(0);
    const pdb = await getJson('pdb', 'web');
    expect(pdb.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { app: 'web' } } });
  });

  it('refuses a duplicate create with AlreadyExists', async () => {
    const r = await k('create', 'configmap', 'settings', '--from-literal=x=y');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('configmaps "settings" already exists');
  });
});
