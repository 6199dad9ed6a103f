/**
 * Token mode against a real API server (the embedded cluster, which authenticates ServiceAccount
 * tokens and authorizes them with RBAC): sign-in is the cluster's own SelfSubjectReview, a token it
 * does not accept is refused, and a token revoked later ends the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from '@/lib/local/apiserver/test-cluster';
import { readAuthConfig } from './config';
import { requestCredentials } from './request-credentials';
import { signIn } from './sign-in';
import { credentialProblem } from './token-check';

const hasKubectl = Boolean(findKubectl());

describe.skipIf(!hasKubectl)('bearer-token sign-in', () => {
  let t: TestCluster;
  let token = '';
  const saved = { ...process.env };
  const config = () => readAuthConfig({ ...process.env, PORTICO_AUTH_MODE: 'token' });

  beforeAll(async () => {
    t = await startTestCluster();
    process.env.PORTICO_KUBECONFIG = t.cluster.kubeconfigPath;
    process.env.PORTICO_AUDIT_LOG = 'off';
    expect((await t.kubectl(['create', 'sa', 'viewer'])).code).toBe(0);
    token = (await t.kubectl(['create', 'token', 'viewer'])).stdout.trim();
    expect(token.split('.')).toHaveLength(3);
  });
  afterAll(async () => {
    process.env = saved;
    await t?.dispose();
  });

  it('makes a session for the user the cluster says the token belongs to, holding the token', async () => {
    const out = await signIn(token, 'test-client-1', config());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.session).toMatchObject({ mode: 'token', user: 'system:serviceaccount:default:viewer', token });
    expect(out.session.groups).toEqual(expect.arrayContaining(['system:serviceaccounts', 'system:authenticated']));
    expect(await credentialProblem(out.session)).toBeUndefined();
  });

  it('refuses a token the cluster does not accept, with 401', async () => {
    const forged = `${token.slice(0, -4)}AAAA`;
    const out = await signIn(forged, 'test-client-2', config());
    expect(out).toMatchObject({ ok: false, status: 401 });
  });

  it('ends the session once the token is revoked (its ServiceAccount deleted)', async () => {
    const sa = 'short-lived';
    expect((await t.kubectl(['create', 'sa', sa])).code).toBe(0);
    const own = (await t.kubectl(['create', 'token', sa])).stdout.trim();
    const out = await signIn(own, 'test-client-3', config());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect((await t.kubectl(['delete', 'sa', sa])).code).toBe(0);
    // Past the one-minute review cache, as a request a little later would be.
    expect(await credentialProblem(out.session, Date.now() + 120_000)).toMatch(/no longer accepted/);
  });

  it('never falls back to the console’s own credentials without a session', async () => {
    process.env.PORTICO_AUTH_MODE = 'token';
    try {
      await expect(requestCredentials()).rejects.toThrow(/Sign in/);
    } finally {
      delete process.env.PORTICO_AUTH_MODE;
    }
    await expect(requestCredentials()).resolves.toEqual({ kind: 'console' });
  });
});
