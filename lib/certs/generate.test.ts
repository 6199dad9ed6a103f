import './reflect-metadata';
import { X509Certificate as NodeX509 } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import * as x509 from '@peculiar/x509';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCaAndLeaf, generateSelfSigned, TEST_ORGANIZATION } from './generate';
import { checkKeyPair } from './key-pair';
import { parseCertificateChain } from './parse';

const servers: tls.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** Serves `cert`/`key` on 127.0.0.1 and reports how a client trusting `ca` judges `servername`. */
async function handshake(cert: string, key: string, ca: string, servername: string): Promise<string> {
  const server = tls.createServer({ cert, key }, (socket) => socket.end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername, ca }, () => {
      resolve('trusted');
      socket.end();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

describe('generateSelfSigned', () => {
  it.each(['ecdsa-p256', 'rsa2048'] as const)('%s: CN = first hostname, SANs = hostnames, key matches', async (keyType) => {
    const { certPem, keyPem } = await generateSelfSigned({ hostnames: ['a.aliyun.com', '*.aliyun.com', '10.0.0.1'], keyType });
    const parsed = parseCertificateChain(certPem);
    expect(parsed.ok).toBe(true);
    const leaf = parsed.ok ? parsed.certificates[0] : undefined;
    expect(leaf?.subjectCN).toBe('a.aliyun.com');
    expect(leaf?.subject).toBe(`CN=a.aliyun.com, O=${TEST_ORGANIZATION}`);
    expect(leaf?.dnsNames).toEqual(['a.aliyun.com', '*.aliyun.com']);
    expect(leaf?.ipAddresses).toEqual(['10.0.0.1']);
    expect(leaf?.selfSigned).toBe(true);
    expect(leaf?.isCA).toBe(false);
    expect(leaf?.key.label).toBe(keyType === 'rsa2048' ? 'RSA 2048' : 'EC P-256');
    expect(checkKeyPair(certPem, keyPem).ok).toBe(true);
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('marks the certificate for server authentication and honours days and organization', async () => {
    const { certPem } = await generateSelfSigned({ hostnames: ['a.aliyun.com'], days: 7, organization: 'Demo, Inc.' });
    const cert = new x509.X509Certificate(certPem);
    const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
    expect(eku?.usages).toEqual([x509.ExtendedKeyUsage.serverAuth]);
    expect(new NodeX509(certPem).toLegacyObject().subject).toMatchObject({ O: 'Demo, Inc.' });
    const days = (cert.notAfter.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('is trusted by a TLS client for its hostnames only', async () => {
    const { certPem, keyPem } = await generateSelfSigned({ hostnames: ['a.aliyun.com'] });
    expect(await handshake(certPem, keyPem, certPem, 'a.aliyun.com')).toBe('trusted');
    expect(await handshake(certPem, keyPem, certPem, 'b.aliyun.com')).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('refuses invalid hostnames and validity', async () => {
    await expect(generateSelfSigned({ hostnames: [] })).rejects.toThrow('At least one hostname is required.');
    await expect(generateSelfSigned({ hostnames: ['bad host'] })).rejects.toThrow(/"bad host" is not a DNS name/);
    await expect(generateSelfSigned({ hostnames: ['a.*.com'] })).rejects.toThrow(/not a DNS name/);
    await expect(generateSelfSigned({ hostnames: ['a.aliyun.com'], days: 0 })).rejects.toThrow(/days must be/);
  });
});

describe('generateCaAndLeaf', () => {
  it('returns leaf + CA in order, the leaf issued by the CA', async () => {
    const out = await generateCaAndLeaf({ hostnames: ['a.aliyun.com'], keyType: 'ecdsa-p256' });
    const parsed = parseCertificateChain(out.certPem);
    expect(parsed.ok && parsed.order).toEqual({ ok: true, problems: [] });
    const [leaf, ca] = parsed.ok ? parsed.certificates : [];
    expect(leaf?.subjectCN).toBe('a.aliyun.com');
    expect(leaf?.isCA).toBe(false);
    expect(leaf?.selfSigned).toBe(false);
    expect(leaf?.issuer).toBe(ca?.subject);
    expect(ca?.isCA).toBe(true);
    expect(ca?.fingerprintSha256).toBe(new NodeX509(out.caCertPem).fingerprint256);
    expect(checkKeyPair(out.certPem, out.keyPem).ok).toBe(true);
    expect(checkKeyPair(out.caCertPem, out.caKeyPem).ok).toBe(true);
  });

  it('is trusted by a client that trusts only the CA', async () => {
    const out = await generateCaAndLeaf({ hostnames: ['*.aliyun.com'], keyType: 'rsa2048' });
    expect(await handshake(out.certPem, out.keyPem, out.caCertPem, 'a.aliyun.com')).toBe('trusted');
    expect(await handshake(out.certPem, out.keyPem, out.caCertPem, 'a.b.aliyun.com')).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });
});
