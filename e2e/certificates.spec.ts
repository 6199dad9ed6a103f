import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { expect, test, uniqueName } from './fixtures';
import { CertificatesPage } from './pages/certificates.page';
import { DetailPage } from './pages/detail.page';

test.describe.configure({ mode: 'serial' });

const manifests = path.join(__dirname, 'manifests');

test('the seed HTTPS scenario: a generated myexample-credential makes the HTTPS listener resolve its certificate', async ({
  page,
  cluster,
}) => {
  cluster.kubectl(['delete', 'secret', 'myexample-credential', '-n', 'istio-system', '--ignore-not-found']);
  cluster.kubectl(['apply', '-f', path.join(manifests, 'gateway-https.yaml')]);
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);

  // Every response the browser gets is kept, to prove the private key never reaches it.
  const bodies: string[] = [];
  page.on(
    'response',
    (res) =>
      void res.text().then(
        (t) => bodies.push(t),
        () => undefined,
      ),
  );

  const certs = new CertificatesPage(page);
  await certs.open();
  await expect(page.getByRole('alert').filter({ hasText: 'istio-system/myexample-credential' })).toContainText(
    'gateway-https listener https',
  );
  await certs.generate({ name: 'myexample-credential', namespace: 'istio-system', hostnames: 'a.aliyun.com' });
  await expect(certs.form.getByRole('status')).toContainText('Created Secret istio-system/myexample-credential');
  await expect(certs.form.getByRole('status')).toContainText('listener hostname *.aliyun.com: NOT covered');

  const row = certs.row('istio-system', 'myexample-credential');
  await expect(row).toBeVisible({ timeout: 5_000 });
  await expect(row).toContainText('a.aliyun.com');
  await expect(row).toContainText('self-signed');
  await expect(row).toContainText('istio-system/gateway-https · https');
  await expect(row).toContainText('tls.key: redacted');

  await page.goto('/gateways/istio-system/gateway-https');
  const detail = new DetailPage(page);
  await expect(detail.condition('listener https', 'ResolvedRefs')).toContainText('True', { timeout: 5_000 });
  await expect(detail.condition('listener https', 'Programmed')).toContainText('True');

  await page.goto('/gateways/istio-system/gateway-https?tab=yaml');
  await page.goto('/certificates');
  const key = cluster
    .kubectl(['get', 'secret', 'myexample-credential', '-n', 'istio-system', '-o', 'jsonpath={.data.tls\\.key}'])
    .trim();
  const pem = Buffer.from(key, 'base64').toString('utf8');
  const keyLine = pem.split('\n').find((l) => l.length > 40 && !l.startsWith('-----')) ?? '';
  expect(key.length).toBeGreaterThan(100);
  for (const body of bodies) {
    expect(body).not.toContain(key.slice(0, 60));
    expect(body).not.toContain(keyLine);
    // A PEM private key anywhere (the form's placeholder text has no key body after its header).
    expect(body).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*(\\n|\n)\s*[A-Za-z0-9+/]{20}/);
  }
});

test('a key that does not belong to the certificate is refused and nothing is saved', async ({ page, cluster }) => {
  const name = uniqueName('mismatch');
  const certPem = cluster.kubectl([
    'get',
    'secret',
    'myexample-credential',
    '-n',
    'istio-system',
    '-o',
    'jsonpath={.data.tls\\.crt}',
  ]);
  const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const certs = new CertificatesPage(page);
  await certs.open();
  await certs.upload({
    name,
    namespace: 'istio-system',
    certPem: Buffer.from(certPem, 'base64').toString('utf8'),
    keyPem: otherKey,
  });
  await expect(certs.form.getByRole('alert')).toContainText('Private key');
  await expect(certs.form.getByLabel('Secret name')).toHaveValue(name);
  expect(cluster.kubectl(['get', 'secret', name, '-n', 'istio-system', '--ignore-not-found']).trim()).toBe('');
});
