import { describe, expect, it } from 'vitest';
import { expectNoKeyMaterial } from './__fixtures__/load';
import {
  generateSelfSigned,
  redactSecret,
  summarizeTlsSecret,
  tlsSecretManifest,
  validateTlsUpload,
  type CertificateSummary,
} from './index';

// Step 4 of the seed: the HTTPS listener for a.aliyun.com references `myexample-credential`.
describe('the seed HTTPS credential through the public API', () => {
  it('generates, validates, stores, summarizes and redacts without leaking the key', async () => {
    const { certPem, keyPem } = await generateSelfSigned({ hostnames: ['a.aliyun.com'] });
    const upload = validateTlsUpload({ certPem, keyPem, listenerHostnames: ['a.aliyun.com', '*.aliyun.com'] });
    if (!upload.ok) throw new Error(JSON.stringify(upload.errors));
    expect(upload.coverage).toEqual([
      { hostname: 'a.aliyun.com', covered: true, by: 'a.aliyun.com' },
      { hostname: '*.aliyun.com', covered: false },
    ]);
    const secret = tlsSecretManifest({ name: 'myexample-credential', namespace: 'istio-system', ...upload.toStore });
    const summary: CertificateSummary = summarizeTlsSecret(secret, new Date());
    expect(summary).toMatchObject({ name: 'myexample-credential', keyStatus: 'match', problems: [] });
    expect(summary.leaf?.selfSigned).toBe(true);
    const redacted = redactSecret(secret);
    expect(redacted.data['tls.key']).toMatch(/^<redacted: \d+ bytes>$/);
    for (const shown of [upload.summary, upload.coverage, summary, redacted]) {
      expectNoKeyMaterial(shown, keyPem);
      expectNoKeyMaterial(shown, upload.toStore.keyPem);
    }
  });
});
