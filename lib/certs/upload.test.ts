import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectNoKeyMaterial, fixture, fixtureBytes, PASSPHRASE } from './__fixtures__/load';
import { checkKeyPair } from './key-pair';
import { parseCertificateChain } from './parse';
import { validateTlsUpload, type TlsUploadResult } from './upload';

const certPem = fixture('rsa-chain.pem');
const keyPem = fixture('rsa-leaf.key');
const parsed = parseCertificateChain(certPem);
// Halfway through the leaf's 90 days, so the summary is deterministic.
const now = new Date(Date.parse(parsed.ok ? (parsed.certificates[0]?.notBefore ?? '') : '') + 45 * 86_400_000);

function errors(r: TlsUploadResult): Array<{ field: string; message: string }> {
  if (r.ok) throw new Error('expected the upload to be refused');
  return r.errors;
}

describe('validateTlsUpload: accepted', () => {
  it('summarizes, reports listener coverage and returns what to store', () => {
    const r = validateTlsUpload({
      certPem: `subject=CN = a.aliyun.com\n${certPem}`,
      keyPem,
      listenerHostnames: ['a.aliyun.com', '*.aliyun.com', 'x.y.aliyun.com'],
      now,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.summary.leaf?.subjectCN).toBe('a.aliyun.com');
    expect(r.summary.chain).toHaveLength(2);
    expect(r.summary.keyStatus).toBe('match');
    expect(r.summary.problems).toEqual([]);
    expect(r.coverage).toEqual([
      { hostname: 'a.aliyun.com', covered: true, by: 'a.aliyun.com' },
      { hostname: '*.aliyun.com', covered: true, by: '*.aliyun.com' },
      { hostname: 'x.y.aliyun.com', covered: false },
    ]);
    // Stored chain drops surrounding text but keeps every certificate in order.
    expect(r.toStore.certPem).toBe(certPem);
    expect(checkKeyPair(r.toStore.certPem, r.toStore.keyPem).ok).toBe(true);
  });

  it('decrypts an encrypted key with its passphrase and stores it unencrypted as PKCS#8', () => {
    const r = validateTlsUpload({ certPem, keyPem: fixture('rsa-leaf.enc.key'), passphrase: PASSPHRASE, now });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.toStore.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(() => createPrivateKey(r.toStore.keyPem)).not.toThrow();
    expect(checkKeyPair(certPem, r.toStore.keyPem).ok).toBe(true);
  });

  it('reports expiry without refusing it', () => {
    const later = new Date(now.getTime() + 50 * 86_400_000);
    const r = validateTlsUpload({ certPem, keyPem, now: later });
    expect(r.ok && r.summary.problems.map((p) => p.code)).toEqual(['expired']);
  });

  it('never puts the key in the summary or coverage', () => {
    const r = validateTlsUpload({ certPem, keyPem, listenerHostnames: ['a.aliyun.com'], now });
    expect(r.ok).toBe(true);
    if (r.ok) expectNoKeyMaterial({ summary: r.summary, coverage: r.coverage }, r.toStore.keyPem);
    if (r.ok) expectNoKeyMaterial({ summary: r.summary, coverage: r.coverage }, keyPem);
  });
});

describe('validateTlsUpload: refused with a precise error', () => {
  it('a 5 MB upload, before parsing it', () => {
    const huge = certPem + 'A'.repeat(5 * 1024 * 1024);
    expect(errors(validateTlsUpload({ certPem: huge, keyPem, now }))).toEqual([
      {
        field: 'cert',
        message:
          'The certificate is 5.0 MiB; the limit is 1.0 MiB. A PEM certificate is a few kilobytes: check that this is the right file.',
      },
    ]);
    expect(errors(validateTlsUpload({ certPem, keyPem: huge, now, maxBytes: 64 * 1024 }))[0]).toMatchObject({
      field: 'key',
      message: expect.stringMatching(/^The private key is 5\.0 MiB; the limit is 64\.0 KiB\./) as unknown,
    });
  });

  it('a PEM that is not a certificate', () => {
    expect(errors(validateTlsUpload({ certPem: keyPem, keyPem, now }))).toEqual([
      {
        field: 'cert',
        message: 'PEM block 1 is a private key (PRIVATE KEY), not a certificate: it belongs in the private key field.',
      },
    ]);
  });

  it('a key for another certificate', () => {
    expect(errors(validateTlsUpload({ certPem, keyPem: fixture('ec-other.key'), now }))).toEqual([
      {
        field: 'key',
        message:
          "The private key does not match the certificate's public key (the key is EC P-256, the certificate's is RSA 2048): it belongs to another certificate.",
      },
    ]);
  });

  it('a DER file', () => {
    const e = errors(validateTlsUpload({ certPem: fixtureBytes('rsa-leaf.der').toString('utf8'), keyPem, now }));
    expect(e).toHaveLength(1);
    expect(e[0]?.field).toBe('cert');
    expect(e[0]?.message).toMatch(/^This certificate is DER \(binary\), not PEM; convert with `openssl x509 -inform der/);
  });

  it('a chain out of order', () => {
    const e = errors(validateTlsUpload({ certPem: fixture('rsa-ca.crt') + fixture('rsa-leaf.crt'), keyPem, now }));
    expect(e.map((x) => x.field)).toContain('cert');
    expect(e[0]?.message).toMatch(/the chain is reversed/);
  });

  it('an encrypted key without its passphrase, or with a wrong one', () => {
    const enc = fixture('ec-leaf.enc.key');
    const ec = fixture('ec-leaf.crt');
    expect(errors(validateTlsUpload({ certPem: ec, keyPem: enc, now }))[0]?.message).toMatch(/encrypted: enter its passphrase/);
    expect(errors(validateTlsUpload({ certPem: ec, keyPem: enc, passphrase: 'nope', now }))[0]?.message).toMatch(
      /passphrase does not decrypt/,
    );
  });

  it('garbage in both fields gives one error per field and never echoes the input', () => {
    const e = errors(validateTlsUpload({ certPem: 'garbage', keyPem: 'more garbage', now }));
    expect(e.map((x) => x.field)).toEqual(['cert', 'key']);
    expect(JSON.stringify(e)).not.toContain('garbage');
  });

  it('a wrong key never appears in the errors', () => {
    const other = fixture('rsa-ca.key');
    const r = validateTlsUpload({ certPem, keyPem: other, now });
    expect(r.ok).toBe(false);
    expectNoKeyMaterial(r, other);
  });
});
