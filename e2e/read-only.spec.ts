import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';
import { newSession } from '../lib/auth/session';
import { deriveSessionKey, seal } from '../lib/auth/session-crypto';
import { buildRoutes } from './build-routes';
import { expect, test, type Cluster } from './fixtures';
import { AuthoringPage } from './pages/authoring.page';
import { CertificatesPage } from './pages/certificates.page';
import { OverviewPage } from './pages/overview.page';
import { SignInPage } from './pages/sign-in.page';

/**
 * Issue #11 "Done when": a token with read-only RBAC sees edit controls disabled (with the reason) and
 * the API's 403 surfaces clearly if forced; Secret key material never appears in any response. The user
 * is a ServiceAccount bound to a view-only ClusterRole, signed in on the token-mode console
 * (playwright.config.ts, third server) that shares the main server's cluster.
 */
const tokenURL = process.env.PORTICO_E2E_TOKEN_URL ?? '';
const READER = 'e2e-reader';
const VIEW_ONLY = `apiVersion: v1
kind: ServiceAccount
metadata: { name: ${READER}, namespace: default }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: e2e-view-only }
rules:
  # Reads everything, Secrets included: what the console must still not hand over is their key material.
  - apiGroups: ['*']
    resources: ['*']
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: e2e-view-only-reader }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: e2e-view-only }
subjects: [{ kind: ServiceAccount, name: ${READER}, namespace: default }]
`;
const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: read-only-forced
  namespace: default
spec:
  parentRefs: [{ name: gateway, namespace: istio-system }]
  rules: [{ backendRefs: [{ name: httpbin, port: 8000 }] }]
`;

let token = '';
let keyMaterial: string[] = [];

/** A TLS Secret with a fresh key: the strings that must never reach this user's browser. */
function applyTlsSecret(cluster: Cluster): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-ro-tls-'));
  try {
    const [cert, key] = [path.join(dir, 'tls.crt'), path.join(dir, 'tls.key')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=ro.aliyun.com'].concat([
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'ignore' },
    );
    const manifest = cluster.kubectl([
      'create',
      'secret',
      'tls',
      'e2e-read-only-tls',
      '-n',
      'istio-system',
      `--cert=${cert}`,
      `--key=${key}`,
      '--dry-run=client',
      '-o',
      'yaml',
    ]);
    cluster.kubectl(['apply', '-f', '-'], manifest);
    const pem = fs.readFileSync(key, 'utf8');
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    // Lines of the key as PEM, and a stretch of the Secret's base64 data (the PEM file base64-encoded).
    return [body[1] ?? '', body[body.length - 2] ?? '', Buffer.from(pem).toString('base64').slice(40, 120)].filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every response body the page receives, for the key-material scan. */
function recordBodies(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on('response', (r: Response) => {
    // The live stream never ends; everything else is read in full.
    if (r.url().includes('/api/watch')) return;
    bodies.push(r.text().catch(() => ''));
  });
  return bodies;
}

test.describe('a read-only user (token mode)', () => {
  test.use({ baseURL: tokenURL, storageState: { cookies: [], origins: [] } });

  test.beforeAll(({ cluster }) => {
    cluster.kubectl(['apply', '-f', '-'], VIEW_ONLY);
    cluster.kubectl(['apply', '-f', path.join(__dirname, 'manifests', 'gateway-http.yaml')]);
    keyMaterial = applyTlsSecret(cluster);
    token = cluster.kubectl(['create', 'token', READER, '-n', 'default', '--duration=1h']).trim();
  });

  test.beforeEach(async ({ page }) => {
    const signIn = new SignInPage(page);
    await page.goto('/sign-in');
    await signIn.signIn(token);
    await expect(page.getByRole('navigation', { name: 'Console sections' })).toBeVisible();
  });

  test('sees create, delete and the Gateway API switch disabled, each with the reason beside it', async ({ page }) => {
    await page.goto('/gateways');
    const create = page.getByRole('link', { name: 'Create Gateway' });
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription(/you cannot create gateways/);
    await expect(page.getByRole('note').filter({ hasText: 'you cannot create gateways' })).toBeVisible();

    await page.goto('/routes?ns=default');
    const createRoute = page.getByRole('link', { name: 'Create HTTPRoute' });
    await expect(createRoute).toBeDisabled();
    await expect(createRoute).toHaveAccessibleDescription('Not allowed: you cannot create httproutes in namespace default.');
    // A row's Delete: refused in all namespaces, so the list asks about the row's own namespace.
    const rowDelete = page.getByRole('button', { name: 'Delete HTTPRoute default/http', exact: true });
    await expect(rowDelete).toBeDisabled();
    await expect(rowDelete).toHaveAccessibleDescription('Not allowed: you cannot delete httproutes in namespace default.');

    await page.goto('/gateways/istio-system/gateway');
    const del = page.getByRole('button', { name: 'Delete', exact: true });
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription('Not allowed: you cannot delete gateways in namespace istio-system.');

    const overview = new OverviewPage(page);
    await page.goto('/');
    await expect(overview.toggle).toBeDisabled();
    await expect(overview.toggle).toHaveAccessibleDescription(/you cannot update asmmeshconfigs/);
  });

  test('cannot save, replace or delete certificates, and never receives key material', async ({ page }) => {
    const bodies = recordBodies(page);
    const certs = new CertificatesPage(page);
    await certs.open();
    const save = certs.form.getByRole('button', { name: 'Create certificate' });
    await certs.form.getByLabel('Namespace').fill('istio-system');
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription('Not allowed: you cannot create secrets in namespace istio-system.');
    const row = certs.table.getByRole('row').filter({ hasText: 'e2e-read-only-tls' });
    await expect(row.getByRole('button', { name: 'Replace istio-system/e2e-read-only-tls' })).toBeDisabled();
    await expect(row.getByRole('button', { name: 'Delete istio-system/e2e-read-only-tls' })).toHaveAccessibleDescription(
      'Not allowed: you cannot delete secrets in namespace istio-system.',
    );
    // The API this page reads, and the object list a script would ask for.
    for (const url of ['/api/objects/Secret', '/api/objects/Secret?namespace=istio-system'])
      bodies.push(page.request.get(url).then((r) => r.text()));
    const all = (await Promise.all(bodies)).join('\n');
    expect(all).toContain('e2e-read-only-tls');
    for (const secret of keyMaterial) expect(all).not.toContain(secret);
  });

  test('Apply is disabled with the reason, the dry run and a forced apply get the API 403 named clearly', async ({
    page,
    baseURL,
  }) => {
    const editor = new AuthoringPage(page);
    await editor.open('/yaml');
    await editor.paste(ROUTE);
    await expect(editor.applyButton).toBeDisabled();
    await expect(editor.applyButton).toHaveAccessibleDescription(
      'Not allowed: you cannot patch httproutes in namespace default.',
    );
    // The dry run is sent as the user: the API refuses it, and the refusal says who, what and what to do.
    await editor.dryRun();
    const refusal = editor.result('HTTPRoute default/read-only-forced: failed');
    await expect(refusal).toContainText('Your credentials may not patch httproutes in namespace default (RBAC)');
    await expect(refusal).toContainText('User "system:serviceaccount:default:e2e-reader" cannot patch resource "httproutes"');
    await expect(refusal).toContainText(
      'Ask a cluster administrator for a Role and RoleBinding granting "patch" on httproutes in default',
    );

    // Forced: the apply action called by hand with this user's session, as a script would.
    const apply = buildRoutes().actions.find((a) => a.name === 'applyManifests');
    expect(apply).toBeDefined();
    const res = await page.request.post(apply!.page, {
      headers: {
        'next-action': apply!.id,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: baseURL!,
      },
      data: JSON.stringify([{ yaml: ROUTE, expected: {} }]),
    });
    const body = await res.text();
    expect(body).toContain('Your credentials may not patch httproutes in namespace default (RBAC)');
    expect(body).toContain('system:serviceaccount:default:e2e-reader');
    expect(body).toContain('Ask a cluster administrator for a Role and RoleBinding granting');
    expect(body).not.toMatch(/"outcome":"(created|configured)"/);
  });
});

/**
 * The main (local-mode) server's session cookie, sealed with the run's secret: live, or last seen 11 hours
 * ago (past the run's 10-hour idle limit, within the 12-hour absolute one), so the server says "idle".
 */
function sessionCookieValue(lastSeenAgoMs: number): string {
  const now = Date.now();
  const session = newSession({ mode: 'local', user: 'local', credential: process.env.PORTICO_E2E_ACCESS_TOKEN ?? '', now });
  const aged = { ...session, issuedAt: now - Math.min(lastSeenAgoMs + 1_800_000, 11.5 * 3_600_000), seenAt: now - lastSeenAgoMs };
  return seal(aged, deriveSessionKey(process.env.PORTICO_E2E_SESSION_SECRET ?? ''));
}

test.describe('a session that ends while a page is open', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the next console fetch or action leads to the sign-in page, which says why and returns to the page', async ({
    page,
    context,
    baseURL,
  }) => {
    const live = { name: 'portico-session', value: sessionCookieValue(0), url: baseURL! };
    const idle = { ...live, value: sessionCookieValue(11 * 3_600_000) };
    const signIn = new SignInPage(page);

    // A fetch of the console's API (what every query does) answered 401.
    await context.addCookies([live]);
    await page.goto('/routes?ns=default');
    await expect(page.getByRole('navigation', { name: 'Console sections' })).toBeVisible();
    await context.addCookies([idle]);
    await page.evaluate(() => void fetch('/api/overview').catch(() => undefined));
    await expect(page).toHaveURL(/\/sign-in\?next=%2Froutes%3Fns%3Ddefault&reason=idle$/);
    await expect(signIn.notice).toContainText('Your session ended after a period of inactivity');

    // A server action sent by the page (the Gateway API switch) answered by the guard's refusal.
    const overview = new OverviewPage(page);
    await context.addCookies([live]);
    await overview.open();
    await expect(overview.toggle).toBeEnabled();
    await context.addCookies([idle]);
    await overview.toggle.click();
    await overview.dialog.getByRole('button', { name: /^(Enable|Disable)$/ }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2F&reason=idle$/);
    await expect(signIn.notice).toContainText('inactivity');
    // Signing in again returns to the page that was open.
    await signIn.signIn(process.env.PORTICO_E2E_ACCESS_TOKEN ?? '');
    await expect(overview.crds).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/$`));
  });
});
