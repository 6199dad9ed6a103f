import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, uniqueName, type Cluster } from './fixtures';
import { VerifyPage } from './pages/verify.page';

// One story: the seed walkthrough's checks, each one click away, then a broken backend.
test.describe.configure({ mode: 'serial' });

const manifests = path.join(__dirname, 'manifests');

/** The seed setup, idempotently: both Gateways and routes, Gateway API on, the a.aliyun.com certificate. */
function seedSetup(cluster: Cluster): void {
  cluster.kubectl(['apply', '-f', path.join(manifests, 'gateway-http.yaml'), '-f', path.join(manifests, 'gateway-https.yaml')]);
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-cert-'));
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
        '30',
        '-keyout',
        path.join(dir, 'tls.key'),
        '-out',
        path.join(dir, 'tls.crt'),
        '-subj',
        '/CN=a.aliyun.com',
        '-addext',
        'subjectAltName=DNS:a.aliyun.com',
      ],
      { stdio: 'pipe' },
    );
    const secret = cluster.kubectl([
      'create',
      'secret',
      'tls',
      'myexample-credential',
      '-n',
      'istio-system',
      `--cert=${path.join(dir, 'tls.crt')}`,
      `--key=${path.join(dir, 'tls.key')}`,
      '--dry-run=client',
      '-o',
      'yaml',
    ]);
    // Keep an existing certificate (another spec may rely on it); create it only when missing.
    const exists = cluster
      .kubectl(['get', 'secret', '-n', 'istio-system', '--ignore-not-found', '-o', 'name', 'myexample-credential'])
      .trim();
    if (!exists) cluster.kubectl(['apply', '-f', '-'], secret);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a copied curl command in a shell, as a user would, and returns the HTTP status. */
function curlStatus(command: string): number {
  const out = execFileSync('sh', ['-c', `${command} -s -o /dev/null -w '%{http_code}' --max-time 10`], { encoding: 'utf8' });
  return Number(out.trim());
}

test("from the seed HTTP route, one click gives 200 with httpbin's JSON, as expected; the copied curl agrees", async ({
  page,
  cluster,
  context,
}) => {
  seedSetup(cluster);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect
    .poll(() => cluster.kubectl(['get', 'gtw', 'gateway', '-n', 'istio-system', '-o', 'jsonpath={.status.addresses[0].value}']), {
      timeout: 10_000,
    })
    .not.toBe('');
  await page.goto('/routes/http/default/http');
  await page.getByRole('navigation', { name: 'Verify' }).getByRole('link', { name: 'Verify' }).click();
  const verify = new VerifyPage(page);
  await expect(verify.field('Host')).toHaveValue('httpbin.aliyun.com');
  await expect(verify.field('Path')).toHaveValue('/get');
  await verify.send();
  await expect(verify.statusLine).toContainText('200');
  await expect(verify.expectation).toContainText('As expected');
  await expect(verify.body).toContainText('"url"');
  await expect(verify.body).toContainText('httpbin.aliyun.com');
  await expect(page.getByRole('table', { name: 'Discovered targets' })).toContainText('Gateway status address');
  const command = await verify.copyCurl();
  expect(command).toContain("'Host: httpbin.aliyun.com'");
  expect(curlStatus(command)).toBe(200);
  await expect(verify.history).toContainText('pass');
  // The route's history is kept in this browser: a second run adds a row, and both survive a reload.
  await verify.send();
  await expect(verify.history.getByRole('row')).toHaveCount(3);
  await page.reload();
  await expect(verify.history.getByRole('row')).toHaveCount(3);
});

test('from the HTTPS route, /status/418 gives the teapot and shows the a.aliyun.com certificate', async ({
  page,
  cluster,
  context,
}) => {
  seedSetup(cluster);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const verify = new VerifyPage(page);
  await verify.open('route=http/default/httpbin-https&rule=0');
  await verify.field('Wildcard label').fill('a');
  await expect(verify.field('Host')).toHaveValue('a.aliyun.com');
  await expect(verify.field('Path')).toHaveValue('/status/418');
  await verify.send();
  await expect(verify.statusLine).toContainText('418');
  await expect(verify.body).toContainText('teapot');
  await expect(verify.expectation).toContainText('As expected');
  await expect(verify.certificate).toContainText('CN=a.aliyun.com');
  await expect(verify.certificate.getByRole('definition').filter({ hasText: /^a\.aliyun\.com$/ })).toHaveCount(1); // the SANs
  await expect(verify.certificate.getByRole('definition').filter({ hasText: 'yes' }).first()).toBeVisible();
  const command = await verify.copyCurl();
  expect(command).toContain('--resolve a.aliyun.com:');
  expect(curlStatus(command)).toBe(418);
});

test('verify-all over the seed HTTPS Gateway passes with a progress bar, and exports JUnit', async ({ page, cluster }) => {
  seedSetup(cluster);
  const verify = new VerifyPage(page);
  await verify.open('route=http/default/httpbin-https&rule=0');
  await verify.verifyAll('Gateway istio-system/gateway-https');
  await expect(verify.progress).toBeVisible();
  await expect(verify.progress).toHaveAttribute('value', '2', { timeout: 15_000 });
  await expect(verify.progress).toHaveAttribute('max', '2');
  await expect(verify.allResults.getByRole('row')).toHaveCount(3);
  await expect(verify.allResults.getByText('pass', { exact: true })).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'JUnit XML' }).click();
  const xml = fs.readFileSync(await (await download).path(), 'utf8');
  expect(xml).toContain('tests="2" failures="0" errors="0"');
});

test('a backend without a ready endpoint fails, with the expected vs actual difference', async ({ page, cluster }) => {
  seedSetup(cluster);
  const name = uniqueName('verify-broken');
  cluster.kubectl(['apply', '-f', '-'], brokenBackendYaml(name));
  try {
    const verify = new VerifyPage(page);
    await expect
      .poll(() => cluster.kubectl(['get', 'httproute', name, '-o', 'jsonpath={.status.parents[0].conditions[0].status}']), {
        timeout: 10_000,
      })
      .toBe('True');
    await verify.open(`route=http/default/${name}&rule=0`);
    await expect(verify.field('Host')).toHaveValue(`${name}.aliyun.com`);
    await expect(verify.field('Scheme')).toHaveValue('https');
    await verify.send();
    await expect(verify.expectation).toContainText('Not as expected');
    const row = verify.differences.getByRole('row').filter({ hasText: 'status' });
    await expect(row).toContainText(`an answer from default/${name}`);
    await expect(row).toContainText('the gateway could not reach it');
  } finally {
    cluster.kubectl(['delete', 'httproute,service,endpointslice', name, '-n', 'default', '--ignore-not-found']);
  }
});

test("the guard refuses an override outside the cluster's Gateway addresses", async ({ page, cluster }) => {
  seedSetup(cluster);
  const verify = new VerifyPage(page);
  await verify.open('route=http/default/http&rule=0');
  await verify.field('Target override').fill('169.254.169.254');
  await verify.send();
  await expect(verify.response.getByRole('alert')).toContainText('metadata address');
  await expect(verify.expectation).toContainText('Not as expected');
});

function brokenBackendYaml(name: string): string {
  return `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: default }
spec:
  ports: [{ name: http, port: 8000, targetPort: 80 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ${name}
  namespace: default
  labels: { kubernetes.io/service-name: ${name} }
addressType: IPv4
endpoints:
  - addresses: ['10.255.0.1']
    conditions: { ready: false }
ports: [{ name: http, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: default }
spec:
  parentRefs: [{ name: gateway-https, namespace: istio-system }]
  hostnames: ['${name}.aliyun.com']
  rules:
    - matches: [{ path: { type: PathPrefix, value: /get } }]
      backendRefs: [{ name: ${name}, port: 8000 }]
`;
}
