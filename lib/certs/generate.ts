/**
 * Self-signed certificates and a local CA with a leaf, for test and demo listeners only:
 * nothing here is trusted by a browser, and the default organization says so.
 */
import 'server-only';
import './reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** Key algorithms offered for generated certificates. */
export type GeneratedKeyType = 'rsa2048' | 'ecdsa-p256';

/** Options of {@link generateSelfSigned} and {@link generateCaAndLeaf}. */
export interface GenerateOptions {
  /** DNS names (wildcards allowed) or IP addresses; the first is also the CN. */
  hostnames: string[];
  /** Validity in days from now, 1..3650; default 365. */
  days?: number;
  /** Default `ecdsa-p256`. */
  keyType?: GeneratedKeyType;
  /** Subject O; defaults to a label saying the certificate is for testing. */
  organization?: string;
}

/** Organization written when none is given: the certificate announces what it is. */
export const TEST_ORGANIZATION = 'Portico self-signed (testing only)';

const ALGORITHMS = {
  rsa2048: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  'ecdsa-p256': { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
} as const;

const DNS_NAME = /^(\*\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/i;
const DAY_MS = 86_400_000;
// Clients with a slightly slow clock would otherwise reject a certificate generated a second ago.
const BACKDATE_MS = 5 * 60_000;

interface Plan {
  hostnames: string[];
  days: number;
  keyType: GeneratedKeyType;
  organization: string;
}

function plan(opts: GenerateOptions): Plan {
  const hostnames = opts.hostnames.map((h) => h.trim()).filter(Boolean);
  if (hostnames.length === 0) throw new RangeError('At least one hostname is required.');
  for (const h of hostnames) {
    if (!isIP(h) && (h.length > 253 || !DNS_NAME.test(h))) {
      throw new RangeError(`"${h}" is not a DNS name, a wildcard like *.example.com, or an IP address.`);
    }
  }
  const days = opts.days ?? 365;
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new RangeError('days must be a whole number from 1 to 3650.');
  return { hostnames, days, keyType: opts.keyType ?? 'ecdsa-p256', organization: opts.organization ?? TEST_ORGANIZATION };
}

async function newKeys(keyType: GeneratedKeyType): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHMS[keyType], true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
}

function keyPem(key: CryptoKey): string {
  return KeyObject.from(key as unknown as webcrypto.CryptoKey)
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

function serialNumber(): string {
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  // Positive and without a leading zero byte: RFC 5280 §4.1.2.2 serials are positive integers.
  b[0] = ((b[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(b).toString('hex');
}

function name(cn: string, organization: string): x509.JsonName {
  // ub-common-name is 64 characters (RFC 5280 Appendix A); longer names live in the SAN only.
  return cn.length <= 64 ? [{ CN: [cn] }, { O: [organization] }] : [{ O: [organization] }];
}

function validity(days: number): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return { notBefore: new Date(now - BACKDATE_MS), notAfter: new Date(now + days * DAY_MS) };
}

async function leafExtensions(p: Plan, keys: CryptoKeyPair): Promise<x509.Extension[]> {
  // keyEncipherment only means something for RSA key transport (RFC 5280 §4.2.1.3).
  const usage =
    p.keyType === 'rsa2048'
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : x509.KeyUsageFlags.digitalSignature;
  const san = p.hostnames.map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value }));
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usage, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(san),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
}

/**
 * Generates a self-signed serving certificate: SANs = `hostnames`, CN = the first one,
 * extendedKeyUsage serverAuth. For tests and demos only.
 *
 * @throws RangeError when a hostname or `days` is invalid
 */
export async function generateSelfSigned(opts: GenerateOptions): Promise<{ certPem: string; keyPem: string }> {
  const p = plan(opts);
  const keys = await newKeys(p.keyType);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: name(p.hostnames[0] as string, p.organization),
    ...validity(p.days),
    signingAlgorithm: ALGORITHMS[p.keyType],
    keys,
    extensions: await leafExtensions(p, keys),
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: keyPem(keys.privateKey) };
}

/**
 * Generates a local CA and a serving certificate it signs, with the same options as
 * {@link generateSelfSigned}. `certPem` is the chain to serve: leaf then CA.
 *
 * @throws RangeError when a hostname or `days` is invalid
 */
export async function generateCaAndLeaf(
  opts: GenerateOptions,
): Promise<{ caCertPem: string; caKeyPem: string; certPem: string; keyPem: string }> {
  const p = plan(opts);
  const caKeys = await newKeys(p.keyType);
  const caName = name('Portico local CA (testing only)', p.organization);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: caName,
    ...validity(p.days),
    signingAlgorithm: ALGORITHMS[p.keyType],
    keys: caKeys,
    extensions: [
      // pathLen 0: this CA signs leaves only.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const keys = await newKeys(p.keyType);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: name(p.hostnames[0] as string, p.organization),
    issuer: caCert.subject,
    ...validity(p.days),
    signingAlgorithm: ALGORITHMS[p.keyType],
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [...(await leafExtensions(p, keys)), await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey)],
  });
  const caCertPem = caCert.toString('pem') + '\n';
  return {
    caCertPem,
    caKeyPem: keyPem(caKeys.privateKey),
    certPem: leaf.toString('pem') + '\n' + caCertPem,
    keyPem: keyPem(keys.privateKey),
  };
}
