import { describe, expect, it } from 'vitest';
import { expectNoKeyMaterial, fixture } from './__fixtures__/load';
import { LAST_APPLIED, redactSecret } from './redact';
import { summarizeTlsSecret, tlsSecretManifest, type SecretLike } from './secret';

const certPem = fixture('rsa-chain.pem');
const keyPem = fixture('rsa-leaf.key');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const manifest = tlsSecretManifest({
  name: 'myexample-credential',
  namespace: 'istio-system',
  certPem,
  keyPem,
  labels: { 'app.kubernetes.io/managed-by': 'portico' },
});
const leafStart = Date.parse(summarizeTlsSecret(manifest, new Date()).leaf?.notBefore ?? '');
const day = (n: number): Date => new Date(leafStart + n * 86_400_000);

describe('tlsSecretManifest', () => {
  it('builds a kubernetes.io/tls Secret with base64 tls.crt and tls.key', () => {
    expect(manifest).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'myexample-credential',
        namespace: 'istio-system',
        labels: { 'app.kubernetes.io/managed-by': 'portico' },
      },
      type: 'kubernetes.io/tls',
      data: { 'tls.crt': b64(certPem), 'tls.key': b64(keyPem) },
    });
  });

  it('adds ca.crt when a CA is given', () => {
    const ca = fixture('rsa-ca.crt');
    const m = tlsSecretManifest({ name: 'n', namespace: 'ns', certPem, keyPem, caPem: ca });
    expect(m.data['ca.crt']).toBe(b64(ca));
    expect(m.metadata).toEqual({ name: 'n', namespace: 'ns' });
  });
});

describe('summarizeTlsSecret', () => {
  it('shows the chain, the key algorithm and that the key matches', () => {
    const s = summarizeTlsSecret(manifest, day(10));
    expect(s).toMatchObject({ name: 'myexample-credential', namespace: 'istio-system', secretType: 'kubernetes.io/tls' });
    expect(s.leaf?.subjectCN).toBe('a.aliyun.com');
    expect(s.leaf?.daysLeft).toBe(80);
    expect(s.chain.map((c) => c.subjectCN)).toEqual(['a.aliyun.com', 'Example Test Root CA']);
    expect(s.keyStatus).toBe('match');
    expect(s.privateKey?.label).toBe('RSA 2048');
    expect(s.keyBytes).toBe(Buffer.byteLength(keyPem));
    expect(s.problems).toEqual([]);
  });

  it('flags expiring within 30 days and expired', () => {
    expect(summarizeTlsSecret(manifest, day(70)).problems).toEqual([
      {
        code: 'expiring',
        message: expect.stringMatching(/^The certificate expires on \d{4}-\d\d-\d\d \(in 20 days\)\.$/) as unknown,
      },
    ]);
    expect(summarizeTlsSecret(manifest, day(95)).problems.map((p) => p.code)).toEqual(['expired']);
  });

  it('flags a key for another certificate, a missing key, a missing certificate', () => {
    const foreign = { ...manifest, data: { ...manifest.data, 'tls.key': b64(fixture('rsa-ca.key')) } };
    const s = summarizeTlsSecret(foreign, day(1));
    expect(s.keyStatus).toBe('mismatch');
    expect(s.problems.map((p) => p.code)).toEqual(['key-mismatch']);
    const noKey = summarizeTlsSecret({ ...manifest, data: { 'tls.crt': manifest.data['tls.crt'] ?? '' } }, day(1));
    expect(noKey.keyStatus).toBe('missing');
    expect(noKey.problems.map((p) => p.code)).toEqual(['key-missing']);
    const noCert = summarizeTlsSecret({ ...manifest, data: { 'tls.key': manifest.data['tls.key'] ?? '' } }, day(1));
    expect(noCert.leaf).toBeNull();
    expect(noCert.keyStatus).toBe('unchecked');
    expect(noCert.problems.map((p) => p.code)).toEqual(['missing-certificate']);
  });

  it('flags a Secret that is not of type kubernetes.io/tls', () => {
    const s = summarizeTlsSecret({ ...manifest, type: 'Opaque' }, day(1));
    expect(s.problems[0]).toEqual({
      code: 'not-tls-secret',
      message: 'Secret istio-system/myexample-credential has type Opaque, not kubernetes.io/tls: recreate it as a TLS Secret.',
    });
  });

  it('flags a certificate field that holds something else', () => {
    const s = summarizeTlsSecret({ ...manifest, data: { ...manifest.data, 'tls.crt': b64(keyPem) } }, day(1));
    expect(s.problems.map((p) => p.code)).toEqual(['invalid-certificate']);
    expectNoKeyMaterial(s, keyPem);
  });

  it('never contains the key', () => {
    expectNoKeyMaterial(summarizeTlsSecret(manifest, day(1)), keyPem);
  });
});

describe('redactSecret', () => {
  const applied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', data: manifest.data, type: 'kubernetes.io/tls' });
  const stored: SecretLike = {
    ...manifest,
    metadata: { ...manifest.metadata, annotations: { [LAST_APPLIED]: applied, note: 'kept' } },
    data: { ...manifest.data, 'ca.crt': b64('ca'), token: b64('s3cret') },
    stringData: { password: 'hunter2' },
  };

  it('replaces tls.key and other values by their size, keeps the public certificates', () => {
    const r = redactSecret(stored);
    expect(r.data).toEqual({
      'tls.crt': manifest.data['tls.crt'],
      'tls.key': `<redacted: ${Buffer.byteLength(keyPem)} bytes>`,
      'ca.crt': b64('ca'),
      token: '<redacted: 6 bytes>',
    });
    expect(r.stringData).toEqual({ password: '<redacted: 7 bytes>' });
    expect(r.metadata?.annotations?.note).toBe('kept');
  });

  it('redacts the copy kubectl keeps in last-applied-configuration, and any other form of it', () => {
    const r = redactSecret(stored);
    const lastApplied = JSON.parse(r.metadata?.annotations?.[LAST_APPLIED] ?? '{}') as SecretLike;
    expect(lastApplied.data?.['tls.key']).toBe(`<redacted: ${Buffer.byteLength(keyPem)} bytes>`);
    const notJson = redactSecret({ ...stored, metadata: { annotations: { [LAST_APPLIED]: `x${keyPem}` } } });
    expect(notJson.metadata?.annotations?.[LAST_APPLIED]).toMatch(/^<redacted: \d+ bytes>$/);
    expectNoKeyMaterial(r, keyPem);
    expectNoKeyMaterial(notJson, keyPem);
  });

  it('does not change its input', () => {
    const before = JSON.stringify(stored);
    redactSecret(stored);
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('redacts a Secret of any type, without data', () => {
    expect(redactSecret({ metadata: { name: 'x' }, type: 'Opaque' })).toEqual({ metadata: { name: 'x' }, type: 'Opaque' });
  });
});
