import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import path from 'node:path';
import { expect, test, uniqueName, type Cluster } from './fixtures';
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

/** The seed's HTTPS Gateway with Gateway API on and a myexample-credential for a.aliyun.com, whatever ran before. */
async function httpsSetup(cluster: Cluster, certs: CertificatesPage): Promise<void> {
  cluster.kubectl(['apply', '-f', path.join(manifests, 'gateway-https.yaml')]);
  cluster.kubectl(['patch', 'asmmeshconfig', 'default', '--type', 'merge', '-p', '{"spec":{"enableGatewayAPI":true}}']);
  const exists = cluster.kubectl([
    'get',
    'secret',
    '-n',
    'istio-system',
    '--ignore-not-found',
    '-o',
    'name',
    'myexample-credential',
  ]);
  await certs.open();
  if (!exists.trim()) {
    await certs.generate({ name: 'myexample-credential', namespace: 'istio-system', hostnames: 'a.aliyun.com' });
    await expect(certs.form.getByRole('status')).toContainText('Created Secret istio-system/myexample-credential');
  }
}

const dayFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('rotate myexample-credential in place: old and new side by side, the new not-after, the HTTPS listener stays Programmed', async ({
  page,
  cluster,
}) => {
  const certs = new CertificatesPage(page);
  await httpsSetup(cluster, certs);
  const before = cluster.kubectl([
    'get',
    'secret',
    'myexample-credential',
    '-n',
    'istio-system',
    '-o',
    'jsonpath={.data.tls\\.crt}',
  ]);
  const dialog = await certs.openReplace('istio-system', 'myexample-credential');
  // A validity no earlier certificate of this journey has, so the new not-after is unmistakable.
  const days = 45 + Math.floor(Math.random() * 30);
  await certs.checkGenerated(dialog, { hostnames: 'a.aliyun.com', days });
  const comparison = dialog.getByRole('table', { name: 'Current and new certificate' });
  const until = comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Valid until' }) });
  await expect(until.getByRole('cell').nth(1)).toContainText(`${dayFromNow(days)} (${days} days)`);
  const sans = comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'SANs' }) });
  await expect(sans.getByRole('cell').nth(1)).toHaveText('a.aliyun.com');
  // The seed listener's *.aliyun.com is covered by neither (RFC 6125: a.aliyun.com is not a wildcard).
  const listener = comparison.getByRole('row').filter({ hasText: 'Listener istio-system/gateway-https · https (*.aliyun.com)' });
  await expect(listener.getByRole('cell')).toHaveText(['NOT covered', 'NOT covered']);

  await dialog.getByRole('button', { name: 'Replace certificate' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    `Replaced Secret istio-system/myexample-credential: valid until ${dayFromNow(days)}`,
  );
  const after = cluster.kubectl([
    'get',
    'secret',
    'myexample-credential',
    '-n',
    'istio-system',
    '-o',
    'jsonpath={.data.tls\\.crt}',
  ]);
  expect(after).not.toBe(before);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(certs.row('istio-system', 'myexample-credential')).toContainText(dayFromNow(days), { timeout: 5_000 });

  await page.goto('/gateways/istio-system/gateway-https');
  const detail = new DetailPage(page);
  await expect(detail.condition('listener https', 'ResolvedRefs')).toContainText('True', { timeout: 5_000 });
  await expect(detail.condition('listener https', 'Programmed')).toContainText('True');
  // The listener's certificate reference carries its checks: a.aliyun.com does not cover *.aliyun.com.
  await expect(detail.related.getByRole('listitem').filter({ hasText: 'certificate of listener https' })).toContainText(
    'hostname not covered by any SAN',
  );
});

test('a replacement of a certificate changed meanwhile is a conflict, and nothing is overwritten', async ({ page, cluster }) => {
  const certs = new CertificatesPage(page);
  await httpsSetup(cluster, certs);
  const dialog = await certs.openReplace('istio-system', 'myexample-credential');
  await certs.checkGenerated(dialog, { hostnames: 'a.aliyun.com', days: 30 });
  // Someone else rotates it first.
  cluster.kubectl([
    'annotate',
    'secret',
    'myexample-credential',
    '-n',
    'istio-system',
    '--overwrite',
    `rotated-by=${uniqueName('other')}`,
  ]);
  const theirs = cluster.kubectl([
    'get',
    'secret',
    'myexample-credential',
    '-n',
    'istio-system',
    '-o',
    'jsonpath={.data.tls\\.crt}',
  ]);
  await dialog.getByRole('button', { name: 'Replace certificate' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Could not replace Secret istio-system/myexample-credential');
  await expect(dialog.getByRole('alert')).toContainText('changed since you opened it');
  expect(
    cluster.kubectl(['get', 'secret', 'myexample-credential', '-n', 'istio-system', '-o', 'jsonpath={.data.tls\\.crt}']),
  ).toBe(theirs);
});

test('the overview lists the listener certificate problem, linking to the Gateway and the certificate', async ({
  page,
  cluster,
}) => {
  const certs = new CertificatesPage(page);
  await httpsSetup(cluster, certs);
  await page.goto('/');
  const problem = page
    .getByRole('list', { name: 'Problems' })
    .getByRole('listitem')
    .filter({ hasText: 'listener https: Certificate/HostnameNotCovered' });
  await expect(problem).toContainText('no SAN covers the listener hostname *.aliyun.com');
  await expect(problem.getByRole('link', { name: 'Gateway istio-system/gateway-https' })).toHaveAttribute(
    'href',
    '/gateways/istio-system/gateway-https',
  );
  await problem.getByRole('link', { name: 'Certificate istio-system/myexample-credential' }).click();
  await expect(certs.row('istio-system', 'myexample-credential')).toBeVisible();
});

test('bad uploads each give a precise error and save nothing: not a certificate, a DER file, a 5 MB file', async ({
  page,
  cluster,
}) => {
  const certs = new CertificatesPage(page);
  await httpsSetup(cluster, certs);
  const name = uniqueName('bad-upload');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const saved = () => cluster.kubectl(['get', 'secret', name, '-n', 'istio-system', '--ignore-not-found']).trim();

  // A PEM that is not a certificate: a public key in the certificate field.
  await certs.upload({
    name,
    namespace: 'istio-system',
    certPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyPem,
  });
  await expect(certs.form.getByRole('alert')).toContainText('Certificate: PEM block 1 is');
  await expect(certs.form.getByRole('alert')).toContainText('not a certificate');
  expect(saved()).toBe('');

  // A DER file chosen with the file picker.
  const crt = cluster.kubectl([
    'get',
    'secret',
    'myexample-credential',
    '-n',
    'istio-system',
    '-o',
    'jsonpath={.data.tls\\.crt}',
  ]);
  const der = new X509Certificate(Buffer.from(crt, 'base64')).raw;
  await certs.form
    .getByLabel('Certificate file')
    .setInputFiles({ name: 'tls.der', mimeType: 'application/pkix-cert', buffer: der });
  await certs.form.getByRole('button', { name: 'Create certificate' }).click();
  await expect(certs.form.getByRole('alert')).toContainText('DER (binary), not PEM');
  expect(saved()).toBe('');

  // A 5 MB file is refused before it is even read.
  const huge = Buffer.alloc(5 * 1024 * 1024, 'A');
  await certs.form
    .getByLabel('Certificate file')
    .setInputFiles({ name: 'huge.pem', mimeType: 'application/x-pem-file', buffer: huge });
  await expect(certs.form.getByRole('alert')).toContainText('huge.pem is 5.0 MiB; the limit is 1 MiB');
  expect(saved()).toBe('');
});
