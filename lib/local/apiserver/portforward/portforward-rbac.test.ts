/**
 * pods/portforward is authorized like every other request: the WebSocket upgrade is a GET, but
 * opening a connection into a pod needs verb `create` on `pods/portforward` (Kubernetes RBAC docs,
 * "Referring to resources"; kube-apiserver's AuthorizePodWebsocketUpgradeCreatePermission), so
 * a user who may only read pods, or only `get` the subresource, is refused with 403.
 */
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from '../test-cluster';

let tc: TestCluster;

const POLICY = `apiVersion: v1
kind: Namespace
metadata: { name: pfa }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: portforward-get, namespace: pfa }
rules:
  - apiGroups: ['']
    resources: [pods, pods/portforward]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: getter, namespace: pfa }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: portforward-get }
subjects: [{ kind: ServiceAccount, name: getter, namespace: pfa }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: viewer, namespace: pfa }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects: [{ kind: ServiceAccount, name: viewer, namespace: pfa }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: editor, namespace: pfa }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
subjects: [{ kind: ServiceAccount, name: editor, namespace: pfa }]
`;

async function tokenOf(sa: string): Promise<string> {
  const out = await tc.kubectl(['create', 'token', sa, '-n', 'pfa']);
  expect(out.stderr).toBe('');
  return out.stdout.trim();
}

/** A WebSocket upgrade to `path` sent by hand with `token`; resolves with the raw answer. */
async function upgrade(path: string, token: string): Promise<string> {
  const url = new URL(tc.cluster.url);
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: url.hostname, port: Number(url.port), ca: tc.cluster.caPem, servername: 'localhost' }, () => {
      s.write(
        `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v4.channel.k8s.io\r\n\r\n',
      );
    });
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString('utf8')));
    s.on('end', () => resolve(text));
    s.on('error', reject);
  });
}

describe.skipIf(!findKubectl())('pods/{name}/portforward authorization', () => {
  beforeAll(async () => {
    tc = await startTestCluster();
    for (const sa of ['getter', 'viewer', 'editor']) {
      if (sa === 'getter') expect((await tc.kubectl(['apply', '-f', '-'], { input: POLICY })).stderr).toBe('');
      expect((await tc.kubectl(['create', 'sa', sa, '-n', 'pfa'])).stderr).toBe('');
    }
  }, 60_000);
  afterAll(async () => {
    await tc?.dispose();
  });

  const path = '/api/v1/namespaces/pfa/pods/missing/portforward?ports=8080';

  it('refuses a user who may only get pods/portforward: the verb is create, not get', async () => {
    const res = await upgrade(path, await tokenOf('getter'));
    expect(res).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(res).toContain('system:serviceaccount:pfa:getter');
    expect(res).toContain('cannot create resource \\"pods/portforward\\" in API group \\"\\" in the namespace \\"pfa\\"');
  });

  it('refuses a user bound to the view ClusterRole', async () => {
    expect(await upgrade(path, await tokenOf('viewer'))).toMatch(/^HTTP\/1\.1 403 Forbidden/);
  });

  it('lets a user bound to the edit ClusterRole through authorization (then 404: the pod does not exist)', async () => {
    expect(await upgrade(path, await tokenOf('editor'))).toMatch(/^HTTP\/1\.1 404 NotFound/);
  });

  it('refuses an unknown token with 401 and accepts the admin token', async () => {
    expect(await upgrade(path, 'not-a-token')).toMatch(/^HTTP\/1\.1 401/);
    expect(await upgrade(path, tc.cluster.token)).toMatch(/^HTTP\/1\.1 404 NotFound/);
  });
});
