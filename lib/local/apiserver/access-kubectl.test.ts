/**
 * Authentication and RBAC with the real kubectl, as a cluster user meets them
 * (https://kubernetes.io/docs/reference/access-authn-authz/): `kubectl create sa` and
 * `create token` (TokenRequest), `auth whoami` (SelfSubjectReview), `auth can-i [--list]`
 * (SelfSubjectAccessReview, SelfSubjectRulesReview), a read-only token reading and being refused
 * writes with kube-apiserver's wording, and tokens that stop working (deleted account, expired,
 * other audience).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOrCreateSigningKey } from './authn/jwt';
import { issueServiceAccountToken } from './authn/service-account-token';
import { findKubectl, startTestCluster, type TestCluster } from './test-cluster';

const hasKubectl = findKubectl() !== undefined;
const route = (name: string, host: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ${name}\n  namespace: default\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [${host}]\n`;
const claims = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
const VIEWER = 'system:serviceaccount:default:viewer';

describe.skipIf(!hasKubectl)('authentication and RBAC with kubectl', () => {
  let t: TestCluster;
  let token = '';
  const k = (...args: string[]) => t.kubectl(args);
  const as = (...args: string[]) => t.kubectl([`--token=${token}`, ...args]);

  beforeAll(async () => {
    t = await startTestCluster();
    expect((await k('create', 'sa', 'viewer')).code).toBe(0);
    expect((await t.kubectl(['apply', '-f', '-'], { input: route('existing', 'a.example.com') })).code).toBe(0);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('issues a signed token for a ServiceAccount with the default one-hour lifetime (kubectl create token)', async () => {
    const r = await k('create', 'token', 'viewer');
    expect(r.stderr).toBe('');
    token = r.stdout.trim();
    const c = claims(token);
    expect(c.sub).toBe(VIEWER);
    expect(c.aud).toEqual(['https://kubernetes.default.svc.cluster.local']);
    expect(Number(c.exp) - Number(c.iat)).toBe(3600);
    const longer = claims((await k('create', 'token', 'viewer', '--duration=20m')).stdout.trim());
    expect(Number(longer.exp) - Number(longer.iat)).toBe(1200);
  });

  it('refuses lifetimes under ten minutes and accounts that do not exist', async () => {
    const short = await k('create', 'token', 'viewer', '--duration=1m');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes');
    const missing = await k('create', 'token', 'nobody');
    expect(missing.stderr.trim()).toBe('error: failed to create token: serviceaccounts "nobody" not found');
  });

  it('tells the token who it is (kubectl auth whoami)', async () => {
    const r = await as('auth', 'whoami', '-o', 'json');
    expect(r.code).toBe(0);
    const info = (JSON.parse(r.stdout) as { status: { userInfo: { username: string; groups: string[]; uid: string } } }).status
      .userInfo;
    expect(info.username).toBe(VIEWER);
    expect(info.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
    const sa = parse((await k('get', 'sa', 'viewer', '-o', 'yaml')).stdout) as { metadata: { uid: string } };
    expect(info.uid).toBe(sa.metadata.uid);
    const admin = await k('auth', 'whoami');
    expect(admin.stdout).toMatch(/Username\s+portico-admin/);
    expect(admin.stdout).toMatch(/Groups\s+\[system:masters system:authenticated\]/);
  });

  it('answers can-i no before any binding and yes after a RoleBinding to view, for reads only', async () => {
    const before = await as('auth', 'can-i', 'list', 'httproutes');
    expect([before.code, before.stdout.trim()]).toEqual([1, 'no']);
    expect((await k('create', 'rolebinding', 'viewer-view', '--clusterrole=view', '--serviceaccount=default:viewer')).code).toBe(
      0,
    );
    const list = await as('auth', 'can-i', 'list', 'httproutes.gateway.networking.k8s.io');
    expect([list.code, list.stdout.trim()]).toEqual([0, 'yes']);
    const update = await as('auth', 'can-i', 'update', 'httproutes');
    expect([update.code, update.stdout.trim()]).toEqual([1, 'no']);
    expect((await as('auth', 'can-i', 'list', 'httproutes', '-n', 'kube-system')).stdout.trim()).toBe('no');
    expect((await as('auth', 'can-i', 'get', 'secrets')).stdout.trim()).toBe('no');
    expect((await k('auth', 'can-i', '*', '*')).stdout.trim()).toBe('yes');
  });

  it('lists what the token may do in a namespace (kubectl auth can-i --list)', async () => {
    const r = await as('auth', 'can-i', '--list');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('httproutes.gateway.networking.k8s.io '));
    expect(line).toMatch(/\[get list watch\]$/);
    expect(r.stdout).toMatch(/selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]/);
    expect(r.stdout).not.toMatch(/^secrets /m);
  });

  it('reads with the token but is refused writes with the real server message', async () => {
    const get = await as('get', 'httproutes');
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/^existing\s/m);
    const create = await t.kubectl([`--token=${token}`, 'apply', '-f', '-'], { input: route('new', 'b.example.com') });
    expect(create.code).toBe(1);
    expect(create.stderr.trim()).toBe(
      `Error from server (Forbidden): error when creating "STDIN": httproutes.gateway.networking.k8s.io is forbidden: User "${VIEWER}" cannot create resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"`,
    );
    const patch = await t.kubectl([`--token=${token}`, 'apply', '-f', '-'], { input: route('existing', 'c.example.com') });
    expect(patch.stderr).toContain(
      `httproutes.gateway.networking.k8s.io "existing" is forbidden: User "${VIEWER}" cannot patch resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"`,
    );
    const replace = await t.kubectl([`--token=${token}`, 'replace', '-f', '-'], { input: route('existing', 'c.example.com') });
    expect(replace.stderr.trim()).toBe(
      `Error from server (Forbidden): error when replacing "STDIN": httproutes.gateway.networking.k8s.io "existing" is forbidden: User "${VIEWER}" cannot update resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"`,
    );
    const del = await as('delete', 'httproute', 'existing');
    expect(del.stderr).toContain(
      `cannot delete resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"`,
    );
    const all = await as('get', 'httproutes', '-A');
    expect(all.stderr.trim()).toBe(
      `Error from server (Forbidden): httproutes.gateway.networking.k8s.io is forbidden: User "${VIEWER}" cannot list resource "httproutes" in API group "gateway.networking.k8s.io" at the cluster scope`,
    );
    const secrets = await as('get', 'secrets');
    expect(secrets.stderr).toContain(
      `secrets is forbidden: User "${VIEWER}" cannot list resource "secrets" in API group "" in the namespace "default"`,
    );
    // The refused writes changed nothing.
    const after = parse((await k('get', 'httproute', 'existing', '-o', 'yaml')).stdout) as { spec: { hostnames: string[] } };
    expect(after.spec.hostnames).toEqual(['a.example.com']);
    expect((await k('get', 'httproute', 'new')).code).toBe(1);
  });

  it('lets the admin act as another user (kubectl --as) and refuses impersonation to others', async () => {
    const asViewer = '--as=system:serviceaccount:default:viewer';
    expect((await k(asViewer, 'get', 'httproutes')).code).toBe(0);
    expect((await k(asViewer, 'auth', 'can-i', 'update', 'httproutes')).stdout.trim()).toBe('no');
    const alice = await k('--as=alice', 'get', 'httproutes');
    expect(alice.stderr.trim()).toBe(
      'Error from server (Forbidden): httproutes.gateway.networking.k8s.io is forbidden: User "alice" cannot list resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"',
    );
    expect((await k('--as=alice', '--as-group=system:masters', 'auth', 'can-i', 'delete', 'httproutes')).stdout.trim()).toBe(
      'yes',
    );
    const denied = await as('--as=alice', 'get', 'httproutes');
    expect(denied.stderr.trim()).toBe(
      `Error from server (Forbidden): users "alice" is forbidden: User "${VIEWER}" cannot impersonate resource "users" in API group "" at the cluster scope`,
    );
  });

  it('serves the review kinds in discovery', async () => {
    const r = await k('api-resources', '--api-group=authorization.k8s.io', '--no-headers');
    const names = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0])
      .sort();
    expect(names).toEqual([
      'localsubjectaccessreviews',
      'selfsubjectaccessreviews',
      'selfsubjectrulesreviews',
      'subjectaccessreviews',
    ]);
    const authn = await k('api-resources', '--api-group=authentication.k8s.io', '--no-headers');
    expect(
      authn.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0])
        .sort(),
    ).toEqual(['selfsubjectreviews', 'tokenreviews']);
    const core = JSON.parse((await k('get', '--raw', '/api/v1')).stdout) as { resources: Array<Record<string, unknown>> };
    expect(core.resources.find((r) => r.name === 'serviceaccounts/token')).toMatchObject({
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'TokenRequest',
      verbs: ['create'],
    });
  });

  it('accepts a token for another audience only where that audience is asked for (TokenReview)', async () => {
    const vault = (await k('create', 'token', 'viewer', '--audience=vault')).stdout.trim();
    const refused = await t.kubectl([`--token=${vault}`, 'get', 'httproutes']);
    expect(refused.stderr).toContain('Unauthorized');
    const review = (aud: string) =>
      `apiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec:\n  token: ${vault}\n  audiences: [${aud}]\n`;
    const ok = parse((await t.kubectl(['create', '-o', 'yaml', '-f', '-'], { input: review('vault') })).stdout) as {
      status: { authenticated?: boolean; user: { username?: string }; audiences?: string[] };
    };
    expect(ok.status).toMatchObject({ authenticated: true, user: { username: VIEWER }, audiences: ['vault'] });
    const other = parse((await t.kubectl(['create', '-o', 'yaml', '-f', '-'], { input: review('other') })).stdout) as {
      status: { authenticated?: boolean; error?: string };
    };
    expect(other.status.authenticated).toBeUndefined();
    expect(other.status.error).toContain('token audiences ["vault"] is invalid for the target audiences ["other"]');
  });

  it('refuses an expired token and the token of a deleted account with 401', async () => {
    const key = loadOrCreateSigningKey(path.join(t.dir, 'data'));
    const sa = parse((await k('get', 'sa', 'viewer', '-o', 'yaml')).stdout) as { metadata: { uid: string } };
    const now = Math.floor(Date.now() / 1000);
    const expired = issueServiceAccountToken(key, {
      namespace: 'default',
      name: 'viewer',
      uid: sa.metadata.uid,
      audiences: ['https://kubernetes.default.svc.cluster.local'],
      expirationSeconds: 600,
      now: now - 601,
    }).token;
    const r = await t.kubectl([`--token=${expired}`, 'get', 'httproutes']);
    expect(r.stderr.trim()).toBe('error: You must be logged in to the server (Unauthorized)');
    expect((await as('get', 'httproutes')).code).toBe(0);
    expect((await k('delete', 'sa', 'viewer')).code).toBe(0);
    const gone = await as('get', 'httproutes');
    expect(gone.stderr.trim()).toBe('error: You must be logged in to the server (Unauthorized)');
    // A new account of the same name has a new uid: the old token stays dead.
    expect((await k('create', 'sa', 'viewer')).code).toBe(0);
    expect((await as('get', 'httproutes')).stderr).toContain('Unauthorized');
  });
});
