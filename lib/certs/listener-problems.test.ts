import { describe, expect, it } from 'vitest';
import { generateSelfSigned } from './generate';
import { listenerCertificateProblems, type ListenerCertificateRef, type SecretFacts } from './listener-problems';
import { summarizeCertificate } from './summary';

// The seed's HTTPS listener: Gateway istio-system/gateway-https, listener https, *.aliyun.com or a.aliyun.com.
const ref = (over: Partial<ListenerCertificateRef> = {}): ListenerCertificateRef => ({
  gateway: 'istio-system/gateway-https',
  listener: 'https',
  hostname: 'a.aliyun.com',
  namespace: 'istio-system',
  name: 'myexample-credential',
  ...over,
});
const DAY = 86_400_000;

async function tlsFacts(hostnames: string[], days: number, now = new Date(), otherKey = false): Promise<SecretFacts> {
  const pair = await generateSelfSigned({ hostnames, days });
  const key = otherKey ? (await generateSelfSigned({ hostnames: ['other.example'] })).keyPem : pair.keyPem;
  return { exists: true, type: 'kubernetes.io/tls', summary: summarizeCertificate(pair.certPem, key, now) };
}

const codes = (refs: ListenerCertificateRef[], facts: SecretFacts, permitted = () => false) =>
  listenerCertificateProblems(refs, () => facts, permitted).map((p) => [p.severity, p.code]);

describe('listener certificate problems', () => {
  it('a valid certificate whose SAN is the listener hostname has none', async () => {
    expect(codes([ref()], await tlsFacts(['a.aliyun.com'], 365))).toEqual([]);
  });

  it('a missing Secret is an error naming it', () => {
    const [p] = listenerCertificateProblems(
      [ref()],
      () => ({ exists: false }),
      () => true,
    );
    expect(p).toMatchObject({ severity: 'error', code: 'CertificateMissing' });
    expect(p?.message).toBe('Secret istio-system/myexample-credential does not exist.');
  });

  it('a Secret of another type is not a TLS Secret', () => {
    const [p] = listenerCertificateProblems(
      [ref()],
      () => ({ exists: true, type: 'Opaque' }),
      () => true,
    );
    expect(p).toMatchObject({ severity: 'error', code: 'NotTLSSecret' });
    expect(p?.message).toContain('has type Opaque, not kubernetes.io/tls');
  });

  it('a key for another certificate is a key mismatch', async () => {
    expect(codes([ref()], await tlsFacts(['a.aliyun.com'], 365, new Date(), true))).toEqual([['error', 'KeyMismatch']]);
  });

  it('expiring within 30 days is a warning, expired an error', async () => {
    expect(codes([ref()], await tlsFacts(['a.aliyun.com'], 20))).toEqual([['warning', 'Expiring']]);
    expect(codes([ref()], await tlsFacts(['a.aliyun.com'], 40))).toEqual([]);
    const later = new Date(Date.now() + 41 * DAY);
    expect(codes([ref()], await tlsFacts(['a.aliyun.com'], 40, later))).toEqual([['error', 'Expired']]);
  });

  it('a listener hostname no SAN covers is an error (RFC 6125: *.aliyun.com covers a.aliyun.com, not the reverse)', async () => {
    const exact = await tlsFacts(['a.aliyun.com'], 365);
    const wildcard = await tlsFacts(['*.aliyun.com'], 365);
    expect(codes([ref({ hostname: '*.aliyun.com' })], exact)).toEqual([['error', 'HostnameNotCovered']]);
    expect(codes([ref({ hostname: '*.aliyun.com' })], wildcard)).toEqual([]);
    expect(codes([ref({ hostname: 'a.aliyun.com' })], wildcard)).toEqual([]);
    expect(codes([ref({ hostname: 'a.b.aliyun.com' })], wildcard)).toEqual([['error', 'HostnameNotCovered']]);
    // A listener without a hostname accepts any SNI: nothing to check.
    expect(codes([ref({ hostname: undefined })], exact)).toEqual([]);
    const [p] = listenerCertificateProblems(
      [ref({ hostname: '*.aliyun.com' })],
      () => exact,
      () => true,
    );
    expect(p?.message).toContain('no SAN covers the listener hostname *.aliyun.com (SANs: a.aliyun.com)');
  });

  it('a cross-namespace reference needs a ReferenceGrant (Gateway API GatewayTLSConfig.certificateRefs)', async () => {
    const facts = await tlsFacts(['a.aliyun.com'], 365);
    const cross = ref({ namespace: 'certs' });
    expect(codes([cross], facts, () => false)).toEqual([['error', 'RefNotPermitted']]);
    expect(codes([cross], facts, () => true)).toEqual([]);
    // Same namespace: never asks for a grant.
    expect(codes([ref()], facts, () => false)).toEqual([]);
    const [p] = listenerCertificateProblems(
      [cross],
      () => facts,
      () => false,
    );
    expect(p?.message).toBe(
      'Secret certs/myexample-credential is in another namespace and no ReferenceGrant in certs allows Gateways from istio-system to use it.',
    );
  });

  it('each referencing listener gets its own problem, in order', () => {
    const refs = [ref(), ref({ gateway: 'default/web', listener: 'tls', namespace: 'default' })];
    const problems = listenerCertificateProblems(
      refs,
      () => ({ exists: false }),
      () => true,
    );
    expect(problems.map((p) => `${p.ref.gateway}:${p.ref.listener}`)).toEqual([
      'istio-system/gateway-https:https',
      'default/web:tls',
    ]);
  });
});
