/**
 * A read-only user in token mode, against the embedded API server with RBAC: the console's cache
 * reads with the user's own token (not the console's), the permissions handler reports what they
 * may not change with the sentence the UI shows, and a forced write gets the API's 403.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from '@/lib/local/apiserver/test-cluster';
import { readAuthConfig } from './config';
import { SESSION_COOKIE } from './session';
import { sessionCookie } from './server-session';
import { signIn } from './sign-in';

const jar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'portico-session' && jar.value ? { value: jar.value } : undefined) }),
  headers: async () => new Headers(),
}));

const READER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: gateway-reader }
rules:
  - apiGroups: [gateway.networking.k8s.io]
    resources: ['*']
    verbs: [get, list, watch]
  - apiGroups: ['']
    resources: [services, namespaces, events, secrets]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: reader-binding }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: gateway-reader }
subjects: [{ kind: ServiceAccount, name: reader, namespace: default }]
`;

describe.skipIf(!findKubectl())('a read-only user in token mode', () => {
  let t: TestCluster;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await startTestCluster();
    Object.assign(process.env, {
      PORTICO_KUBECONFIG: t.cluster.kubeconfigPath,
      PORTICO_AUTH_MODE: 'token',
      PORTICO_AUDIT_LOG: 'off',
      PORTICO_SESSION_SECRET: 'x'.repeat(64),
    });
    expect((await t.kubectl(['create', 'sa', 'reader'])).code).toBe(0);
    expect((await t.kubectl(['apply', '-f', '-'], { input: READER })).stderr).toBe('');
    const token = (await t.kubectl(['create', 'token', 'reader'])).stdout.trim();
    const config = readAuthConfig(process.env);
    const out = await signIn(token, 'read-only-test', config);
    if (!out.ok) throw new Error(out.message);
    jar.value = sessionCookie(out.session, config).value;
  });
  afterAll(async () => {
    process.env = saved;
    await t?.dispose();
  });

  it('reads through a cache of its own, keyed by the token', async () => {
    const { getClusterCache } = await import('@/lib/k8s/cache/registry');
    const mine = await getClusterCache();
    expect(mine.list('Service').length).toBeGreaterThan(0);
    const whoami = await (
      await import('@/lib/k8s/request')
    ).k8sRequest<{ status: { userInfo: { username: string } } }>(mine.kubeConfig, {
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1' },
    });
    expect(whoami.status.userInfo.username).toBe('system:serviceaccount:default:reader');
  });

  it('is told, per control, what it may not change and why', async () => {
    const { permissionsResponse } = await import('./permissions-handler');
    const { openSessionCookie } = await import('./server-session');
    const opened = openSessionCookie(jar.value);
    if (!opened.ok) throw new Error(opened.problem);
    const res = await permissionsResponse(new Request('http://console/api/auth/permissions?namespace=prod'), opened.session);
    const view = (await res.json()) as {
      user: string;
      checks: Array<{ verb: string; resource: string; allowed: boolean; reason?: string }>;
    };
    expect(view.user).toBe('system:serviceaccount:default:reader');
    const update = view.checks.find((c) => c.verb === 'update' && c.resource === 'httproutes');
    expect(update).toMatchObject({ allowed: false, reason: 'you cannot update httproutes in namespace prod' });
    expect(view.checks.every((c) => !c.allowed)).toBe(true);
  });

  it('gets the API’s 403 when a write is forced', async () => {
    const { getClusterCache } = await import('@/lib/k8s/cache/registry');
    const { k8sRequest, K8sApiError } = await import('@/lib/k8s/request');
    const cache = await getClusterCache();
    const write = k8sRequest(cache.kubeConfig, {
      method: 'POST',
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes',
      body: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'forced' }, spec: {} },
    });
    await expect(write).rejects.toBeInstanceOf(K8sApiError);
    await expect(write).rejects.toMatchObject({ code: 403 });
    expect(SESSION_COOKIE).toBe('portico-session');
  });
});
