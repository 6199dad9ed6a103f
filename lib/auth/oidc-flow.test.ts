/**
 * OIDC sign-in end to end, with plain HTTP: a real OpenID Provider (oidc-provider) on 127.0.0.1, the
 * embedded cluster configured to trust it (as kube-apiserver's --oidc-issuer-url/--oidc-client-id),
 * and the console's own route handlers. The session it ends with calls the API as the signed-in user,
 * so their RoleBinding (and nothing else) decides. Refused: a wrong state, a replayed code, an
 * id-token for another client, a tampered id-token.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from '@/lib/local/apiserver/test-cluster';
import { finishOidcCallback, startOidcSignIn } from './oidc-handler';
import { startTestIssuer, type TestIssuer } from './oidc-test-issuer';
import { OIDC_TX_COOKIE } from './oidc-transaction';
import { openSessionCookie } from './server-session';
import { SESSION_COOKIE, type Session } from './session';
import { credentialProblem } from './token-check';

const jar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'portico-session' && jar.value ? { value: jar.value } : undefined) }),
  headers: async () => new Headers(),
}));

const CONSOLE = 'http://127.0.0.1:39123';
const REDIRECT = `${CONSOLE}/api/auth/oidc/callback`;
const consoleRequest = (url: string, cookie?: string) =>
  new Request(url, { headers: { host: new URL(CONSOLE).host, accept: 'text/html', ...(cookie ? { cookie } : {}) } });

/** Name → value of every Set-Cookie of `res` (an empty value is a deletion). */
function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    out.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return out;
}

/** Starts a sign-in and lets the issuer log the user in; answers the callback URL and the transaction cookie. */
async function authorize(next = '/routes'): Promise<{ callback: string; tx: string; authorizeUrl: URL; start: Response }> {
  const start = await startOidcSignIn(consoleRequest(`${CONSOLE}/api/auth/oidc/start?next=${encodeURIComponent(next)}`));
  expect(start.status).toBe(303);
  const tx = setCookies(start).get(OIDC_TX_COOKIE) ?? '';
  const authorizeUrl = new URL(start.headers.get('location') ?? '');
  const issuerCookies = new Map<string, string>();
  let url = authorizeUrl.href;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...issuerCookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const [k, v] of setCookies(res)) issuerCookies.set(k, v);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the issuer answered ${res.status} at ${url}: ${await res.text()}`);
    if (location.startsWith(REDIRECT)) return { callback: location, tx, authorizeUrl, start };
    url = new URL(location, url).href;
  }
  throw new Error('the issuer never redirected back');
}

const ROLE = (user: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: route-reader, namespace: default }
rules:
  - apiGroups: [gateway.networking.k8s.io]
    resources: [httproutes]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: alice-reads-routes, namespace: default }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: route-reader }
subjects: [{ apiGroup: rbac.authorization.k8s.io, kind: User, name: '${user}' }]
`;

describe.skipIf(!findKubectl())('OIDC sign-in (authorization code + PKCE)', () => {
  let issuer: TestIssuer;
  let t: TestCluster;
  const saved = { ...process.env };

  beforeAll(async () => {
    issuer = await startTestIssuer(
      [
        { clientId: 'portico', secret: 'portico-secret' },
        { clientId: 'other-app', secret: 'other-secret' },
      ],
      REDIRECT,
    );
    t = await startTestCluster({
      oidc: { issuerUrl: issuer.issuer, clientId: 'portico', groupsClaim: 'groups', groupsPrefix: 'oidc:' },
    });
    Object.assign(process.env, {
      PORTICO_KUBECONFIG: t.cluster.kubeconfigPath,
      PORTICO_AUTH_MODE: 'oidc',
      PORTICO_OIDC_ISSUER: issuer.issuer,
      PORTICO_OIDC_CLIENT_ID: 'portico',
      PORTICO_OIDC_CLIENT_SECRET: 'portico-secret',
      // `groups` too: the cluster maps that claim to groups (--oidc-groups-claim).
      PORTICO_OIDC_SCOPES: 'openid profile email groups',
      PORTICO_AUDIT_LOG: 'off',
      PORTICO_SESSION_SECRET: randomBytes(32).toString('hex'),
    });
    const applied = await t.kubectl(['apply', '-f', '-'], { input: ROLE(`${issuer.issuer}#alice`) });
    expect(applied.code, applied.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await t?.dispose();
    await issuer?.stop();
  });

  it('redirects to the issuer with state, nonce and an S256 PKCE challenge, kept in a Lax transaction cookie', async () => {
    const { authorizeUrl, start } = await authorize();
    expect(authorizeUrl.origin).toBe(issuer.issuer);
    const p = authorizeUrl.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('portico');
    expect(p.get('redirect_uri')).toBe(REDIRECT);
    expect(p.get('scope')).toBe('openid profile email groups');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_TX_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    // Sealed: neither the verifier nor the state is readable in it.
    expect(cookie).not.toContain(p.get('state'));
  });

  let session: Session;
  let sessionValue = '';

  it('signs in as the user the cluster names, holding the id-token, until the id-token expires', async () => {
    const { callback, tx } = await authorize('/routes?namespace=default');
    const res = await finishOidcCallback(consoleRequest(callback, `${OIDC_TX_COOKIE}=${tx}`));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('url=/routes?namespace=default');
    const cookies = setCookies(res);
    expect(cookies.get(OIDC_TX_COOKIE)).toBe('');
    sessionValue = cookies.get(SESSION_COOKIE) ?? '';
    const opened = openSessionCookie(sessionValue);
    if (!opened.ok) throw new Error(opened.problem);
    session = opened.session;
    expect(session).toMatchObject({ mode: 'oidc', user: `${issuer.issuer}#alice` });
    expect(session.groups).toEqual(expect.arrayContaining(['oidc:platform', 'system:authenticated']));
    const claims = JSON.parse(Buffer.from(session.token!.split('.')[1]!, 'base64url').toString()) as { exp: number; aud: string };
    expect(claims.aud).toBe('portico');
    expect(session.expiresAt).toBe(claims.exp * 1000);
    expect(openSessionCookie(sessionValue, undefined, claims.exp * 1000)).toEqual({ ok: false, problem: 'expired' });
    const maxAge = Number(/Max-Age=(\d+)/.exec(res.headers.getSetCookie().find((c) => c.startsWith(SESSION_COOKIE)) ?? '')?.[1]);
    expect(maxAge).toBeLessThanOrEqual(claims.exp - Math.floor(Date.now() / 1000));
    expect(await credentialProblem(session)).toBeUndefined();
  });

  it('calls the API as that user: the RoleBinding allows listing routes in default, nothing else', async () => {
    jar.value = sessionValue;
    const { requestCredentials } = await import('./request-credentials');
    const creds = await requestCredentials();
    expect(creds).toMatchObject({ kind: 'user', user: `${issuer.issuer}#alice`, token: session.token });
    const { kubeConfigWithToken } = await import('@/lib/k8s/user-credentials');
    const { loadKubeConfig } = await import('@/lib/k8s/kubeconfig');
    const { k8sRequest } = await import('@/lib/k8s/request');
    const kc = kubeConfigWithToken(loadKubeConfig()!, creds.kind === 'user' ? creds.token : '');
    const list = (path: string) => k8sRequest<{ items: unknown[] }>(kc, { method: 'GET', path });
    await expect(list('/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes')).resolves.toHaveProperty('items');
    await expect(list('/apis/gateway.networking.k8s.io/v1/namespaces/kube-system/httproutes')).rejects.toMatchObject({
      code: 403,
    });
    await expect(list('/api/v1/namespaces/default/secrets')).rejects.toMatchObject({ code: 403 });
    // And through a guarded route handler, with the cookie as the browser sends it.
    const { GET } = await import('@/app/api/auth/session/route');
    const res = await GET(consoleRequest(`${CONSOLE}/api/auth/session`, `${SESSION_COOKIE}=${sessionValue}`), undefined);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: `${issuer.issuer}#alice`, mode: 'oidc' });
  });

  it('refuses a callback whose state is not the one it sent, without a session', async () => {
    const { callback, tx } = await authorize();
    const forged = new URL(callback);
    forged.searchParams.set('state', 'attacker-state');
    const res = await finishOidcCallback(consoleRequest(forged.href, `${OIDC_TX_COOKIE}=${tx}`));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=%2Froutes&error=.*state/);
    expect(setCookies(res).has(SESSION_COOKIE)).toBe(false);
    // Nor a callback without the transaction cookie of the browser that started it.
    const other = await finishOidcCallback(consoleRequest(callback));
    expect(other.headers.get('location')).toMatch(/error=The\+sign-in\+expired/);
    expect(setCookies(other).has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a replayed authorization code', async () => {
    const { callback, tx } = await authorize();
    const first = await finishOidcCallback(consoleRequest(callback, `${OIDC_TX_COOKIE}=${tx}`));
    expect(first.status).toBe(200);
    const again = await finishOidcCallback(consoleRequest(callback, `${OIDC_TX_COOKIE}=${tx}`));
    expect(again.status).toBe(303);
    expect(decodeURIComponent(again.headers.get('location') ?? '')).toMatch(/invalid_grant/);
    expect(setCookies(again).has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses an id-token issued for another client: the cluster does not accept its audience', async () => {
    process.env.PORTICO_OIDC_CLIENT_ID = 'other-app';
    process.env.PORTICO_OIDC_CLIENT_SECRET = 'other-secret';
    try {
      const { callback, tx } = await authorize();
      const res = await finishOidcCallback(consoleRequest(callback, `${OIDC_TX_COOKIE}=${tx}`));
      expect(res.status).toBe(303);
      expect(decodeURIComponent(res.headers.get('location') ?? '').replace(/\+/g, ' ')).toMatch(
        /the cluster did not accept the id-token/,
      );
      expect(setCookies(res).has(SESSION_COOKIE)).toBe(false);
    } finally {
      process.env.PORTICO_OIDC_CLIENT_ID = 'portico';
      process.env.PORTICO_OIDC_CLIENT_SECRET = 'portico-secret';
    }
  });

  it('ends a session whose id-token was tampered with (the cluster refuses it)', async () => {
    const [h, p, s] = session.token!.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${s}`;
    const tampered = { ...session, token: forged };
    expect(await credentialProblem(tampered, Date.now() + 120_000)).toMatch(/no longer accepted/);
  });

  it('shows the issuer’s refusal on the sign-in page', async () => {
    const { tx } = await authorize();
    const res = await finishOidcCallback(
      consoleRequest(`${REDIRECT}?error=access_denied&error_description=User+cancelled`, `${OIDC_TX_COOKIE}=${tx}`),
    );
    expect(decodeURIComponent(res.headers.get('location') ?? '').replace(/\+/g, ' ')).toMatch(/refused: User cancelled/);
  });
});
