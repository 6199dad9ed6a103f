/**
 * Authentication, RBAC and the review APIs through @kubernetes/client-node, as the console uses
 * them in bearer-token mode: TokenRequest, SelfSubjectReview, SelfSubjectAccessReview,
 * SelfSubjectRulesReview, SubjectAccessReview, LocalSubjectAccessReview and TokenReview; and each
 * request authorized with its own verb (watch vs list, all-namespace list, patch, deletecollection,
 * status).
 */
import { AuthenticationV1Api, AuthorizationV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, type ApiTarget } from '../seed/api-client';
import { createServiceAccountToken } from '../seed/service-account-token';
import { startTestCluster, type TestCluster } from './test-cluster';

const GW = 'gateway.networking.k8s.io';
const ROUTES = `/apis/${GW}/v1/namespaces/default/httproutes`;

describe('access control through client-node', () => {
  let t: TestCluster;
  let admin: ApiTarget;
  let viewerToken = '';

  const kubeConfig = (token: string): KubeConfig => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'local', server: t.cluster.url, caData: Buffer.from(t.cluster.caPem).toString('base64') }],
      users: [{ name: 'u', token }],
      contexts: [{ name: 'c', cluster: 'local', user: 'u', namespace: 'default' }],
      currentContext: 'c',
    });
    return kc;
  };
  const as = (token: string): ApiTarget => ({ ...admin, token });

  beforeAll(async () => {
    t = await startTestCluster();
    admin = { url: t.cluster.url, token: t.cluster.token, caPem: t.cluster.caPem };
    const body = { apiVersion: `${GW}/v1`, kind: 'HTTPRoute', metadata: { name: 'r1' }, spec: { parentRefs: [{ name: 'gw' }] } };
    expect((await apiRequest(admin, 'POST', ROUTES, body)).status).toBe(201);
    viewerToken = await createServiceAccountToken(admin, { name: 'viewer', clusterRole: 'view' });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('creates a token with CoreV1Api and learns who it is with a SelfSubjectReview', async () => {
    const core = kubeConfig(t.cluster.token).makeApiClient(CoreV1Api);
    const tr = await core.createNamespacedServiceAccountToken({
      name: 'viewer',
      namespace: 'default',
      body: { spec: { audiences: [], expirationSeconds: 900 } },
    });
    expect(tr.status?.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const lifetime = (new Date(tr.status?.expirationTimestamp ?? 0).getTime() - Date.now()) / 1000;
    expect(lifetime).toBeGreaterThan(880);
    expect(lifetime).toBeLessThanOrEqual(900);
    const who = await kubeConfig(tr.status?.token ?? '')
      .makeApiClient(AuthenticationV1Api)
      .createSelfSubjectReview({ body: {} });
    expect(who.status?.userInfo?.username).toBe('system:serviceaccount:default:viewer');
    expect(who.status?.userInfo?.groups).toContain('system:serviceaccounts:default');
  });

  it('answers SelfSubjectAccessReviews with allowed and the RBAC reason', async () => {
    const authz = kubeConfig(viewerToken).makeApiClient(AuthorizationV1Api);
    const ask = (verb: string, namespace = 'default', subresource?: string) =>
      authz.createSelfSubjectAccessReview({
        body: {
          spec: {
            resourceAttributes: { namespace, verb, group: GW, resource: 'httproutes', ...(subresource ? { subresource } : {}) },
          },
        },
      });
    const list = await ask('list');
    expect(list.status?.allowed).toBe(true);
    expect(list.status?.reason).toBe(
      'RBAC: allowed by RoleBinding "viewer-view/default" of ClusterRole "view" to ServiceAccount "viewer/default"',
    );
    expect((await ask('update')).status).toEqual({ allowed: false });
    expect((await ask('list', 'kube-system')).status?.allowed).toBe(false);
    expect((await ask('update', 'default', 'status')).status?.allowed).toBe(false);
    const url = await authz.createSelfSubjectAccessReview({
      body: { spec: { nonResourceAttributes: { path: '/version', verb: 'get' } } },
    });
    expect(url.status?.allowed).toBe(true);
  });

  it('lists the rules of the namespace with a SelfSubjectRulesReview', async () => {
    const authz = kubeConfig(viewerToken).makeApiClient(AuthorizationV1Api);
    const r = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'default' } } });
    expect(r.status?.incomplete).toBe(false);
    const routes = r.status?.resourceRules.find((x) => x.apiGroups?.includes(GW) && x.resources?.includes('httproutes'));
    expect(routes?.verbs).toEqual(['get', 'list', 'watch']);
    expect(r.status?.resourceRules.some((x) => x.resources?.includes('secrets'))).toBe(false);
    expect(r.status?.nonResourceRules.some((x) => x.nonResourceURLs?.includes('/apis/*'))).toBe(true);
    const elsewhere = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'kube-system' } } });
    expect(elsewhere.status?.resourceRules.some((x) => x.resources?.includes('httproutes'))).toBe(false);
  });

  it('lets the admin ask about others (SubjectAccessReview, LocalSubjectAccessReview) and check tokens (TokenReview)', async () => {
    const kc = kubeConfig(t.cluster.token);
    const authz = kc.makeApiClient(AuthorizationV1Api);
    const user = 'system:serviceaccount:default:viewer';
    const sar = await authz.createSubjectAccessReview({
      body: {
        spec: {
          user,
          groups: ['system:serviceaccounts'],
          resourceAttributes: { namespace: 'default', verb: 'get', group: GW, resource: 'httproutes' },
        },
      },
    });
    expect(sar.status?.allowed).toBe(true);
    const lsar = await authz.createNamespacedLocalSubjectAccessReview({
      namespace: 'kube-system',
      body: { spec: { user, resourceAttributes: { verb: 'get', group: GW, resource: 'httproutes' } } },
    });
    expect(lsar.status?.allowed).toBe(false);
    expect(lsar.spec.resourceAttributes?.namespace).toBe('kube-system');
    const review = await kc.makeApiClient(AuthenticationV1Api).createTokenReview({ body: { spec: { token: viewerToken } } });
    expect(review.status?.authenticated).toBe(true);
    expect(review.status?.user?.username).toBe(user);
    const bad = await kc.makeApiClient(AuthenticationV1Api).createTokenReview({ body: { spec: { token: 'not-a-token' } } });
    expect(bad.status?.authenticated).toBeFalsy();
    expect(bad.status?.error).toBeTruthy();
  });

  it('refuses the reviews about others to a user without system:auth-delegator', async () => {
    const authz = kubeConfig(viewerToken).makeApiClient(AuthorizationV1Api);
    const err = await authz
      .createSubjectAccessReview({ body: { spec: { user: 'x', resourceAttributes: { verb: 'get', resource: 'pods' } } } })
      .then(
        () => undefined,
        (e: unknown) => e as { code?: number; body?: string },
      );
    expect(err?.code).toBe(403);
    const status = JSON.parse(err?.body ?? '{}') as { reason: string; message: string; details: Record<string, string> };
    expect(status.reason).toBe('Forbidden');
    expect(status.details).toEqual({ group: 'authorization.k8s.io', kind: 'subjectaccessreviews' });
    expect(status.message).toBe(
      'subjectaccessreviews.authorization.k8s.io is forbidden: User "system:serviceaccount:default:viewer" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope',
    );
  });

  it('surfaces a refused replace as a 403 Status with name, group and kind', async () => {
    const api = kubeConfig(viewerToken).makeApiClient(CustomObjectsApi);
    const current = (await api.getNamespacedCustomObject({
      group: GW,
      version: 'v1',
      namespace: 'default',
      plural: 'httproutes',
      name: 'r1',
    })) as Record<string, unknown>;
    const err = await api
      .replaceNamespacedCustomObject({
        group: GW,
        version: 'v1',
        namespace: 'default',
        plural: 'httproutes',
        name: 'r1',
        body: current,
      })
      .then(
        () => undefined,
        (e: unknown) => e as { code?: number; body?: string },
      );
    expect(err?.code).toBe(403);
    const status = JSON.parse(err?.body ?? '{}') as { message: string; details: Record<string, string> };
    expect(status.details).toEqual({ name: 'r1', group: GW, kind: 'httproutes' });
    expect(status.message).toBe(
      'httproutes.gateway.networking.k8s.io "r1" is forbidden: User "system:serviceaccount:default:viewer" cannot update resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"',
    );
  });

  it('authorizes watch, list, all-namespace list, patch, status and deletecollection each with its own verb', async () => {
    // A role that may watch but not list, and patch only the status subresource.
    await apiRequest(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {
      kind: 'Role',
      metadata: { name: 'watcher' },
      rules: [
        { apiGroups: [GW], resources: ['httproutes'], verbs: ['watch'] },
        { apiGroups: [GW], resources: ['httproutes/status'], verbs: ['patch'] },
      ],
    });
    const token = await createServiceAccountToken(admin, { name: 'watcher' });
    await apiRequest(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
      kind: 'RoleBinding',
      metadata: { name: 'watcher' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'watcher' },
      subjects: [{ kind: 'ServiceAccount', name: 'watcher' }],
    });
    const w = as(token);
    expect((await apiRequest(w, 'GET', `${ROUTES}?watch=true&timeoutSeconds=1`)).status).toBe(200);
    expect((await apiRequest(w, 'GET', ROUTES)).status).toBe(403);
    expect((await apiRequest(w, 'GET', `/apis/${GW}/v1/httproutes?watch=true&timeoutSeconds=1`)).status).toBe(403);
    const merge = 'application/merge-patch+json';
    expect((await apiRequest(w, 'PATCH', `${ROUTES}/r1`, { metadata: { labels: { a: 'b' } } }, merge)).status).toBe(403);
    expect((await apiRequest(w, 'PATCH', `${ROUTES}/r1/status`, { status: { parents: [] } }, merge)).status).toBe(200);
    const dc = await apiRequest(as(viewerToken), 'DELETE', ROUTES);
    expect(dc.status).toBe(403);
    expect((dc.body as { message: string }).message).toContain('cannot deletecollection resource "httproutes"');
    // edit may delete the collection; the object is gone afterwards.
    const editor = as(await createServiceAccountToken(admin, { name: 'editor', clusterRole: 'edit', scope: '*' }));
    expect((await apiRequest(editor, 'GET', `/apis/${GW}/v1/httproutes`)).status).toBe(200);
    expect((await apiRequest(editor, 'DELETE', ROUTES)).status).toBe(200);
    expect((await apiRequest(admin, 'GET', `${ROUTES}/r1`)).status).toBe(404);
  });

  it('binds a token to a Secret: it stops working when the Secret is deleted', async () => {
    const secrets = '/api/v1/namespaces/default/secrets';
    expect((await apiRequest(admin, 'POST', secrets, { kind: 'Secret', metadata: { name: 'anchor' } })).status).toBe(201);
    const tr = await apiRequest(admin, 'POST', '/api/v1/namespaces/default/serviceaccounts/viewer/token', {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      spec: { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'anchor' } },
    });
    expect(tr.status).toBe(201);
    const body = tr.body as { spec: { boundObjectRef: { name: string; uid: string } }; status: { token: string } };
    expect(body.spec.boundObjectRef.name).toBe('anchor');
    const bound = as(body.status.token);
    expect((await apiRequest(bound, 'GET', ROUTES)).status).toBe(200);
    expect((await apiRequest(admin, 'DELETE', `${secrets}/anchor`)).status).toBe(200);
    expect((await apiRequest(bound, 'GET', ROUTES)).status).toBe(401);
    const pod = await apiRequest(admin, 'POST', '/api/v1/namespaces/default/serviceaccounts/viewer/token', {
      kind: 'TokenRequest',
      spec: { boundObjectRef: { kind: 'ConfigMap', name: 'x' } },
    });
    expect(pod.status).toBe(400);
  });

  it('answers 401 without a token, with a wrong one, and for the discovery of an unauthenticated client', async () => {
    for (const token of ['', 'wrong', `${viewerToken.slice(0, -4)}AAAA`]) {
      const r = await apiRequest(as(token), 'GET', '/apis');
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    }
    expect((await apiRequest(as(viewerToken), 'GET', '/apis')).status).toBe(200);
    expect((await apiRequest(as(viewerToken), 'GET', '/version')).status).toBe(200);
  });
});
