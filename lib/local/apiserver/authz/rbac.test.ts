/**
 * The RBAC authorizer over a real store, per the Kubernetes RBAC documentation: a RoleBinding
 * grants a Role or a ClusterRole in its namespace only, a ClusterRoleBinding everywhere; subjects
 * are users, groups or service accounts (namespace defaulting to the binding's); system:masters
 * needs no binding; a binding to a missing role explains itself; changes apply at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_USER, serviceAccountUser, type UserInfo } from '../authn/user';
import { Store } from '../store';
import type { JsonObject } from '../types';
import type { Attributes } from './attributes';
import { forbidden } from './forbidden';
import { RBAC_RKEYS, RbacAuthorizer } from './rbac';
import { reconcileBootstrapPolicy } from './reconcile';

const GW = 'gateway.networking.k8s.io';
const viewer = serviceAccountUser('default', 'viewer', 'uid-1', {});
const alice: UserInfo = { username: 'alice', uid: '', groups: ['devs', 'system:authenticated'], extra: {} };

const req = (
  user: UserInfo,
  verb: string,
  resource: string,
  namespace = 'default',
  extra: Partial<Attributes> = {},
): Attributes => ({
  user,
  verb,
  resourceRequest: true,
  path: '',
  namespace,
  apiGroup: GW,
  apiVersion: 'v1',
  resource,
  subresource: '',
  name: '',
  ...extra,
});

const binding = (
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  ns: string,
  roleKind: string,
  role: string,
  subjects: JsonObject[],
): JsonObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name, ...(ns ? { namespace: ns } : {}) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: role },
  subjects,
});

describe('RbacAuthorizer', () => {
  let dir: string;
  let store: Store;
  let rbac: RbacAuthorizer;
  const put = (rkey: string, ns: string, obj: JsonObject) =>
    store.commit([{ op: 'put', rkey, ns, name: String((obj.metadata as JsonObject).name), obj }]);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portico-rbac-'));
    store = new Store(path.join(dir, 'cluster.db'));
    reconcileBootstrapPolicy(store);
    rbac = new RbacAuthorizer(store);
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('allows system:masters without any binding and denies an unbound account', () => {
    expect(rbac.authorize(req(ADMIN_USER, 'delete', 'httproutes')).allowed).toBe(true);
    expect(rbac.authorize(req(viewer, 'get', 'httproutes'))).toEqual({ allowed: false, reason: '' });
  });

  it('grants the view ClusterRole through a RoleBinding in that namespace only, and says by which binding', () => {
    put(
      RBAC_RKEYS.roleBindings,
      'default',
      binding('RoleBinding', 'viewer-view', 'default', 'ClusterRole', 'view', [{ kind: 'ServiceAccount', name: 'viewer' }]),
    );
    const d = rbac.authorize(req(viewer, 'list', 'httproutes'));
    expect(d.allowed).toBe(true);
    expect(d.reason).toBe(
      'RBAC: allowed by RoleBinding "viewer-view/default" of ClusterRole "view" to ServiceAccount "viewer/default"',
    );
    expect(rbac.authorize(req(viewer, 'watch', 'gateways')).allowed).toBe(true);
    expect(rbac.authorize(req(viewer, 'list', 'httproutes', 'prod')).allowed).toBe(false);
    expect(rbac.authorize(req(viewer, 'list', 'httproutes', '')).allowed).toBe(false);
    expect(rbac.authorize(req(viewer, 'update', 'httproutes', 'default', { name: 'r' })).allowed).toBe(false);
    expect(rbac.authorize(req(viewer, 'update', 'httproutes', 'default', { name: 'r', subresource: 'status' })).allowed).toBe(
      false,
    );
    // view never reads Secrets (TLS private keys).
    expect(rbac.authorize(req(viewer, 'get', 'secrets', 'default', { apiGroup: '', name: 'tls' })).allowed).toBe(false);
  });

  it('grants a namespaced Role, and groups and users as subjects', () => {
    put(RBAC_RKEYS.roles, 'prod', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'route-status', namespace: 'prod' },
      rules: [{ apiGroups: [GW], resources: ['httproutes/status'], verbs: ['update', 'patch'] }],
    });
    put(
      RBAC_RKEYS.roleBindings,
      'prod',
      binding('RoleBinding', 'devs', 'prod', 'Role', 'route-status', [
        { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
      ]),
    );
    const status = { subresource: 'status', name: 'r' };
    expect(rbac.authorize(req(alice, 'patch', 'httproutes', 'prod', status)).allowed).toBe(true);
    expect(rbac.authorize(req(alice, 'patch', 'httproutes', 'prod', { name: 'r' })).allowed).toBe(false);
    expect(rbac.authorize(req(alice, 'patch', 'httproutes', 'default', status)).allowed).toBe(false);
    put(
      RBAC_RKEYS.clusterRoleBindings,
      '',
      binding('ClusterRoleBinding', 'alice-edit', '', 'ClusterRole', 'edit', [
        { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' },
      ]),
    );
    expect(rbac.authorize(req(alice, 'create', 'httproutes', 'staging')).allowed).toBe(true);
    expect(rbac.authorize(req(alice, 'list', 'httproutes', '')).allowed).toBe(true);
  });

  it('applies a ServiceAccount subject of another namespace only to that account', () => {
    put(
      RBAC_RKEYS.roleBindings,
      'prod',
      binding('RoleBinding', 'ci', 'prod', 'ClusterRole', 'edit', [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'ci' }]),
    );
    expect(rbac.authorize(req(viewer, 'create', 'httproutes', 'prod')).allowed).toBe(false);
    expect(rbac.authorize(req(serviceAccountUser('ci', 'viewer', 'u', {}), 'create', 'httproutes', 'prod')).allowed).toBe(true);
  });

  it('reports a binding to a missing role in the reason, as kube-apiserver does', () => {
    put(
      RBAC_RKEYS.roleBindings,
      'qa',
      binding('RoleBinding', 'gone', 'qa', 'ClusterRole', 'no-such-role', [
        { kind: 'ServiceAccount', name: 'viewer', namespace: 'default' },
      ]),
    );
    const a = req(viewer, 'get', 'httproutes', 'qa', { name: 'x' });
    const d = rbac.authorize(a);
    expect(d).toEqual({ allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "no-such-role" not found' });
    expect(forbidden(a, d.reason).message).toBe(
      'httproutes.gateway.networking.k8s.io "x" is forbidden: User "system:serviceaccount:default:viewer" cannot get resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "qa": RBAC: clusterrole.rbac.authorization.k8s.io "no-such-role" not found',
    );
  });

  it('sees binding deletions at once (no stale cache)', () => {
    expect(rbac.authorize(req(viewer, 'list', 'httproutes')).allowed).toBe(true);
    store.commit([{ op: 'delete', rkey: RBAC_RKEYS.roleBindings, ns: 'default', name: 'viewer-view' }]);
    expect(rbac.authorize(req(viewer, 'list', 'httproutes')).allowed).toBe(false);
  });

  it('lets every authenticated user discover the API and review itself (system:discovery, system:basic-user)', () => {
    const url = (p: string, verb = 'get'): Attributes => ({
      ...req(viewer, verb, ''),
      resourceRequest: false,
      path: p,
      apiGroup: '',
    });
    expect(rbac.authorize(url('/apis/gateway.networking.k8s.io/v1')).allowed).toBe(true);
    expect(rbac.authorize(url('/openapi/v3')).allowed).toBe(true);
    expect(rbac.authorize(url('/version')).allowed).toBe(true);
    expect(rbac.authorize(url('/metrics')).allowed).toBe(false);
    expect(rbac.authorize(url('/version', 'post')).allowed).toBe(false);
    const ssar = req(viewer, 'create', 'selfsubjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' });
    expect(rbac.authorize(ssar).allowed).toBe(true);
    expect(rbac.authorize({ ...ssar, resource: 'subjectaccessreviews' }).allowed).toBe(false);
  });

  it('lists the rules of a user in a namespace (RulesFor)', () => {
    const { rules } = rbac.rulesFor(alice, 'prod');
    expect(rules).toContainEqual({ apiGroups: [GW], resources: ['httproutes/status'], verbs: ['update', 'patch'] });
    expect(rules).toContainEqual({ nonResourceURLs: expect.arrayContaining(['/version']), verbs: ['get'] });
    expect(rbac.rulesFor(ADMIN_USER, 'default').rules[0]).toEqual({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
  });

  it('keeps the default roles at every start but leaves autoupdate=false roles as changed', () => {
    const view = store.get(RBAC_RKEYS.clusterRoles, '', 'view')?.obj as JsonObject;
    put(RBAC_RKEYS.clusterRoles, '', { ...view, rules: [] });
    reconcileBootstrapPolicy(store);
    expect((store.get(RBAC_RKEYS.clusterRoles, '', 'view')?.obj.rules as unknown[]).length).toBeGreaterThan(5);
    const meta = { ...(view.metadata as JsonObject), annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'false' } };
    put(RBAC_RKEYS.clusterRoles, '', { ...view, metadata: meta, rules: [] });
    const rv = store.resourceVersion;
    reconcileBootstrapPolicy(store);
    expect(store.get(RBAC_RKEYS.clusterRoles, '', 'view')?.obj.rules).toEqual([]);
    expect(store.resourceVersion).toBe(rv);
  });
});
