import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { securityHeaders } from '../lib/security/headers';
import { buildRoutes } from './build-routes';
import { expect, test, uniqueName } from './fixtures';
import { SignInPage } from './pages/sign-in.page';

/**
 * Issue #11 "Done when": nothing is served without a session except health and sign-in, forged or
 * missing Origins are refused, the CSP is on every page, Secret key material never reaches the
 * browser, and applies are audited. Pages, handlers and actions are enumerated from the build.
 */
const token = process.env.PORTICO_E2E_ACCESS_TOKEN ?? '';
const auditLog = process.env.PORTICO_E2E_AUDIT_LOG ?? '';
const built = buildRoutes();
const PUBLIC_PAGES = new Set(['/sign-in', '/sign-out']);
// Sign-out without a session only clears the cookie and returns to sign-in (an expired session must be able to sign out).
const PUBLIC_ROUTES = new Set([
  '/api/health',
  '/api/auth/sign-in',
  '/api/auth/sign-out',
  '/api/auth/oidc/start',
  '/api/auth/oidc/callback',
]);
const signedOut = { cookies: [], origins: [] };

/** Calls a server action as the browser does (Next-Action header, JSON-encoded argument list). */
function actionHeaders(id: string, origin?: string): Record<string, string> {
  return {
    'next-action': id,
    'content-type': 'text/plain;charset=UTF-8',
    accept: 'text/x-component',
    ...(origin ? { origin } : {}),
  };
}

test.describe('without a session', () => {
  test.use({ storageState: signedOut });

  test('the build has the pages, handlers and actions this spec guards', () => {
    expect(built.pages).toContain('/');
    expect(built.routes).toContain('/api/objects/Gateway');
    expect(built.actions.map((a) => a.name)).toEqual(expect.arrayContaining(['applyManifests', 'saveTlsSecret']));
  });

  test('every console page redirects to sign-in, with the CSP on the answer', async ({ request }) => {
    const [csp] = securityHeaders().filter((h) => h.key === 'Content-Security-Policy');
    for (const page of built.pages.filter((p) => !PUBLIC_PAGES.has(p))) {
      const res = await request.get(page, { maxRedirects: 0 });
      expect(res.status(), page).toBe(307);
      expect(res.headers()['location'], page).toMatch(/^\/sign-in\?next=/);
      expect(res.headers()['content-security-policy'], page).toBe(csp?.value);
    }
  });

  test('every route handler refuses every method, except health and sign-in', async ({ request, baseURL }) => {
    for (const route of built.routes.filter((r) => !PUBLIC_ROUTES.has(r))) {
      const get = await request.get(route, { maxRedirects: 0 });
      expect([401, 405], `GET ${route}`).toContain(get.status());
      const post = await request.post(route, { data: {}, headers: { origin: baseURL! }, maxRedirects: 0 });
      expect([401, 405], `POST ${route}`).toContain(post.status());
      if (get.status() === 401) expect(await get.json(), route).toMatchObject({ error: expect.stringMatching(/Sign in/) });
    }
    expect((await request.get('/api/health')).status()).toBe(200);
  });

  test('every server action refuses to run', async ({ request, baseURL }) => {
    for (const action of built.actions) {
      const res = await request.post(action.page, { headers: actionHeaders(action.id, baseURL), data: '[{}]', maxRedirects: 0 });
      const body = await res.text();
      expect(body, `${action.name} (${action.module})`).not.toMatch(/"ok":true/);
      expect(body, `${action.name} (${action.module})`).toMatch(/Sign in to use Portico|"code":401/);
    }
  });

  test('signing in: wrong token refused, the printed link and the form both work, sign-out ends it', async ({ page }) => {
    const signIn = new SignInPage(page);
    await page.goto('/routes');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Froutes/);
    await signIn.expectShown();
    await signIn.signIn('not-the-token');
    await expect(signIn.alert).toContainText('not this console');
    await signIn.signIn(token);
    await expect(page).toHaveURL(/\/routes$/);
    await expect(page.getByRole('navigation', { name: 'Console sections' })).toBeVisible();
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'portico-session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.value).not.toContain(token);

    await page.goto('/sign-out');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(signIn.heading).toBeVisible();
    await page.goto('/gateways');
    await expect(page).toHaveURL(/\/sign-in/);

    await page.goto(`/gateways?token=${encodeURIComponent(token)}`);
    await expect(page).toHaveURL(/\/gateways$/);
    await expect(page.getByRole('navigation', { name: 'Console sections' })).toBeVisible();
  });
});

test.describe('with a session', () => {
  test('a forged or missing Origin is refused on handlers and actions', async ({ request, baseURL }) => {
    const forged = await request.post('/api/trace', { data: { url: 'http://a/' }, headers: { origin: 'https://evil.example' } });
    expect(forged.status()).toBe(403);
    const missing = await request.post('/api/trace', { data: { url: 'http://a/' } });
    expect(missing.status()).toBe(403);
    expect((await request.post('/api/trace', { data: { url: 'http://a/' }, headers: { origin: baseURL! } })).status()).not.toBe(
      403,
    );
    const apply = built.actions.find((a) => a.name === 'applyManifests');
    expect(apply).toBeDefined();
    // Next.js lets an action without Origin through with a warning; the guard must not.
    const noOrigin = await request.post(apply!.page, { headers: actionHeaders(apply!.id), data: '[{"yaml":"kind: x"}]' });
    expect(await noOrigin.text()).toMatch(/no Origin header/);
    const foreign = await request.post(apply!.page, {
      headers: actionHeaders(apply!.id, 'https://evil.example'),
      data: '[{"yaml":"kind: x"}]',
    });
    expect(await foreign.text()).not.toMatch(/"ok":true/);
  });

  test('a verification request with CR/LF in a header is refused, nothing sent, and audited', async ({
    request,
    baseURL,
    cluster,
  }) => {
    cluster.kubectl(['apply', '-f', path.join(__dirname, 'manifests', 'gateway-http.yaml')]);
    const send = built.actions.find((a) => a.name === 'sendVerificationRequest');
    expect(send).toBeDefined();
    const input = {
      gateway: 'istio-system/gateway',
      scheme: 'http',
      host: 'a.aliyun.com',
      port: 80,
      method: 'GET',
      path: '/get',
      headers: { 'x-a': '1\r\nX-Injected: yes' },
    };
    const res = await request.post(send!.page, { headers: actionHeaders(send!.id, baseURL), data: JSON.stringify([input]) });
    const body = await res.text();
    expect(body).toMatch(/header injection/);
    // Refused by the outbound guard before connecting: no DNS, no connection, no response headers.
    expect(body).toMatch(/"errorCode":"guard"/);
    expect(body).toMatch(/"headers":\{\},"timings":\{"dns":0,"connect":0/);
    const audited = fs
      .readFileSync(auditLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => r.verb === 'send-verification');
    expect(audited.at(-1)).toMatchObject({ user: 'local', objects: ['Gateway istio-system/gateway', 'GET http://a.aliyun.com'] });
    expect(JSON.stringify(audited.at(-1))).not.toContain('X-Injected');
  });

  test('an apply is audited with user, verb, object and result', async ({ request, baseURL, cluster }) => {
    const name = uniqueName('audited');
    const yaml = [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata:',
      `  name: ${name}`,
      '  namespace: default',
      'spec:',
      '  hostnames: [audit.example.com]',
      '',
    ].join('\n');
    const apply = built.actions.find((a) => a.name === 'applyManifests')!;
    const res = await request.post(apply.page, {
      headers: actionHeaders(apply.id, baseURL),
      data: JSON.stringify([{ yaml }]),
    });
    expect(await res.text()).toMatch(/"ok":true/);
    const records = fs
      .readFileSync(auditLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = records.find((r) => Array.isArray(r.objects) && r.objects.some((o) => String(o).includes(name)));
    expect(mine).toMatchObject({ user: 'local', verb: 'apply', result: 'ok', context: 'current' });
    expect(mine?.objects).toEqual([`HTTPRoute default/${name} (created)`]);
    expect(cluster.kubectl(['get', 'httproute', name, '-n', 'default', '-o', 'name']).trim()).toBe(
      `httproute.gateway.networking.k8s.io/${name}`,
    );
    expect(typeof mine?.time).toBe('string');
  });
});

test('no response of any page or read handler carries Secret key material', async ({ page, request, cluster }) => {
  test.setTimeout(360_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-secret-'));
  const name = uniqueName('leak-check');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=leak.example.com',
        '-keyout',
        path.join(dir, 'tls.key'),
        '-out',
        path.join(dir, 'tls.crt'),
      ],
      { stdio: 'ignore' },
    );
    cluster.kubectl([
      'create',
      'secret',
      'tls',
      name,
      '-n',
      'istio-system',
      `--cert=${path.join(dir, 'tls.crt')}`,
      `--key=${path.join(dir, 'tls.key')}`,
    ]);
    const keyPem = fs.readFileSync(path.join(dir, 'tls.key'), 'utf8');
    // What would betray the key: any line of its PEM body, or the PEM as a Secret's base64 data.
    const needles = [
      ...keyPem
        .split('\n')
        .filter((l) => l.length === 64)
        .slice(1, 4),
      Buffer.from(keyPem).toString('base64').slice(8, 72),
    ];
    const seen: string[] = [];
    const leaks: string[] = [];
    page.on('response', async (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (!/json|text|javascript|x-component/.test(type) || type.includes('event-stream')) return;
      const body = await res.text().catch(() => '');
      seen.push(res.url());
      for (const n of needles) if (body.includes(n)) leaks.push(res.url());
    });
    for (const p of built.pages.filter((x) => !PUBLIC_PAGES.has(x))) {
      // Not 'networkidle': the live-update stream keeps the network busy.
      await page.goto(p, { waitUntil: 'load' });
      await page.waitForTimeout(500);
    }
    await page.goto('/certificates');
    await expect(page.getByText(name).first()).toBeVisible();
    for (const kind of ['Gateway', 'HTTPRoute', 'Secret', 'ReferenceGrant', 'Service']) {
      const res = await request.get(`/api/objects/${kind}`);
      const body = await res.text();
      for (const n of needles) if (body.includes(n)) leaks.push(`/api/objects/${kind}`);
    }
    for (const r of ['/api/overview', '/api/topology', '/api/schemas', '/api/cluster']) {
      const body = await (await request.get(r)).text();
      for (const n of needles) if (body.includes(n)) leaks.push(r);
    }
    expect(seen.length).toBeGreaterThan(built.pages.length);
    expect(leaks).toEqual([]);
  } finally {
    cluster.kubectl(['delete', 'secret', name, '-n', 'istio-system', '--ignore-not-found']);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('sign-in attempts are rate limited (429 with Retry-After)', async ({ playwright, baseURL }) => {
  // Last in this file: it spends the sign-in budget of the next minute (no later spec signs in).
  const anonymous = await playwright.request.newContext({ baseURL: baseURL!, storageState: signedOut });
  try {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await anonymous.get(`/api/auth/sign-in?token=wrong-${i}`, { maxRedirects: 0 });
      statuses.push(res.status());
      if (res.status() === 429) retryAfter = res.headers()['retry-after'];
    }
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  } finally {
    await anonymous.dispose();
  }
});
