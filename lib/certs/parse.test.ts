import './reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureBytes } from './__fixtures__/load';
import { parseCertificateChain } from './parse';
import type { CertificateInfo, ParsedChain } from './types';

const DAY = 86_400_000;

function certs(r: ParsedChain): CertificateInfo[] {
  if (!r.ok) throw new Error(`expected a chain, got ${r.error}`);
  return r.certificates;
}

function failure(r: ParsedChain): { code: string; error: string } {
  if (r.ok) throw new Error('expected an error');
  return r;
}

describe('parseCertificateChain: what a list shows', () => {
  const chainPem = fixture('rsa-chain.pem');

  it('reads subject, SANs, issuer and key of a CA-signed RSA leaf (subject/SANs as make-fixtures.sh wrote them)', () => {
    const [leaf, ca] = certs(parseCertificateChain(chainPem));
    expect(leaf?.subjectCN).toBe('a.aliyun.com');
    expect(leaf?.subject).toBe('CN=a.aliyun.com, O=Example Org');
    expect(leaf?.dnsNames).toEqual(['a.aliyun.com', '*.aliyun.com']);
    expect(leaf?.ipAddresses).toEqual(['10.0.0.1']);
    expect(leaf?.sans).toEqual(['a.aliyun.com', '*.aliyun.com', '10.0.0.1']);
    expect(leaf?.issuerCN).toBe('Example Test Root CA');
    expect(leaf?.issuer).toBe(ca?.subject);
    expect(leaf?.selfSigned).toBe(false);
    expect(leaf?.isCA).toBe(false);
    expect(leaf?.key).toEqual({ type: 'RSA', bits: 2048, label: 'RSA 2048' });
    expect(ca?.selfSigned).toBe(true);
    expect(ca?.isCA).toBe(true);
  });

  it('agrees with an independent parser on validity, serial and fingerprint', async () => {
    const [leaf] = certs(parseCertificateChain(chainPem));
    const other = new x509.X509Certificate(fixture('rsa-leaf.crt'));
    expect(leaf?.notBefore).toBe(other.notBefore.toISOString());
    expect(leaf?.notAfter).toBe(other.notAfter.toISOString());
    expect(leaf?.serialNumber).toBe(other.serialNumber.toUpperCase());
    const thumb = Buffer.from(await other.getThumbprint('SHA-256'))
      .toString('hex')
      .toUpperCase();
    expect(leaf?.fingerprintSha256.replace(/:/g, '')).toBe(thumb);
  });

  it('counts days left from `now` (the leaf was issued for 90 days)', () => {
    const [first] = certs(parseCertificateChain(chainPem));
    const issuedAt = Date.parse(first?.notBefore ?? '');
    const [leaf] = certs(parseCertificateChain(chainPem, new Date(issuedAt + 10 * DAY)));
    expect(leaf?.daysLeft).toBe(80);
    expect(leaf?.expiry).toBe('valid');
    const [late] = certs(parseCertificateChain(chainPem, new Date(issuedAt + 91 * DAY)));
    expect(late?.daysLeft).toBe(-1);
    expect(late?.expiry).toBe('expired');
  });

  it('reads ECDSA and Ed25519 self-signed certificates', () => {
    const [ec] = certs(parseCertificateChain(fixture('ec-leaf.crt')));
    expect(ec?.key).toEqual({ type: 'EC', curve: 'P-256', label: 'EC P-256' });
    expect(ec?.selfSigned).toBe(true);
    expect(ec?.subjectCN).toBe('b.aliyun.com');
    const [ed] = certs(parseCertificateChain(fixture('ed25519.crt')));
    expect(ed?.key.type).toBe('Ed25519');
    expect(ed?.selfSigned).toBe(true);
  });

  it('accepts CRLF line endings and openssl text around the blocks', () => {
    const noisy = `Bag Attributes\n    friendlyName: a\nsubject=CN = a.aliyun.com\n${chainPem.replace(/\n/g, '\r\n')}`;
    const list = certs(parseCertificateChain(noisy));
    expect(list.map((c) => c.subjectCN)).toEqual(['a.aliyun.com', 'Example Test Root CA']);
  });
});

describe('parseCertificateChain: chain order', () => {
  it('accepts leaf then issuer', () => {
    const r = parseCertificateChain(fixture('rsa-chain.pem'));
    expect(r.ok && r.order).toEqual({ ok: true, problems: [] });
  });

  it('says a CA-first chain is reversed', () => {
    const r = parseCertificateChain(fixture('rsa-ca.crt') + fixture('rsa-leaf.crt'));
    expect(r.ok && r.order.ok).toBe(false);
    expect(r.ok && r.order.problems[0]).toMatch(/reversed; put the server \(leaf\) certificate first/);
  });

  it('names an unrelated certificate in the chain', () => {
    const r = parseCertificateChain(fixture('rsa-leaf.crt') + fixture('ec-leaf.crt'));
    expect(r.ok && r.order.problems[0]).toMatch(
      /certificate 2 \(CN=b\.aliyun\.com\) did not issue certificate 1 \(CN=a\.aliyun\.com\)/,
    );
  });
});

describe('parseCertificateChain: bad input gets a precise error', () => {
  it('empty input', () => {
    expect(failure(parseCertificateChain('  \n')).code).toBe('empty');
  });

  it('a DER file, read as bytes or decoded as UTF-8 by a browser', () => {
    const der = fixtureBytes('rsa-leaf.der');
    for (const text of [der.toString('latin1'), der.toString('utf8')]) {
      const e = failure(parseCertificateChain(text));
      expect(e.code).toBe('der');
      expect(e.error).toMatch(/this certificate is DER .*openssl x509 -inform der/i);
    }
  });

  it('base64 DER without armor, and base64 of a PEM copied from a Secret', () => {
    const der = fixtureBytes('rsa-leaf.der').toString('base64');
    expect(failure(parseCertificateChain(der)).error).toMatch(/without the -----BEGIN\/-----END lines/);
    const secretValue = Buffer.from(fixture('rsa-leaf.crt')).toString('base64');
    expect(failure(parseCertificateChain(secretValue)).error).toMatch(/base64 of a PEM file.*base64 -d/);
  });

  it('a private key pasted in the certificate field', () => {
    const e = failure(parseCertificateChain(fixture('rsa-leaf.key')));
    expect(e.code).toBe('not-certificate');
    expect(e.error).toMatch(
      /^PEM block 1 is a private key \(PRIVATE KEY\), not a certificate: it belongs in the private key field\.$/,
    );
  });

  it('a certificate followed by its key: names the second block', () => {
    const e = failure(parseCertificateChain(fixture('rsa-leaf.crt') + fixture('rsa-leaf.pkcs1.key')));
    expect(e.error).toMatch(/PEM block 2 is a private key \(RSA PRIVATE KEY\)/);
  });

  it('a CA bundle instead of a serving chain', () => {
    const e = failure(parseCertificateChain(fixture('rsa-ca.crt').repeat(11)));
    expect(e.code).toBe('too-many-certificates');
    expect(e.error).toMatch(/^The certificate holds 11 PEM blocks; .*at most 10\)\. Is this a CA bundle\?$/);
  });

  it('a certificate signing request', () => {
    expect(failure(parseCertificateChain(fixture('rsa-leaf.csr'))).error).toMatch(/certificate signing request/);
  });

  it('garbage, a truncated paste, and a CERTIFICATE block that is not X.509', () => {
    expect(failure(parseCertificateChain('hello, world')).code).toBe('not-pem');
    const truncated = fixture('rsa-leaf.crt').split('-----END')[0] ?? '';
    expect(failure(parseCertificateChain(truncated)).error).toMatch(/no -----END CERTIFICATE----- line.*truncated/);
    const fake = `-----BEGIN CERTIFICATE-----\n${Buffer.from('not a certificate at all').toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(failure(parseCertificateChain(fake)).code).toBe('invalid-certificate');
    const badB64 = '-----BEGIN CERTIFICATE-----\nnot base64!!\n-----END CERTIFICATE-----\n';
    expect(failure(parseCertificateChain(badB64)).error).toMatch(/not valid base64/);
  });
});
