/**
 * TLS material of the local API server: a private CA and a serving certificate for
 * 127.0.0.1, generated once and kept in the data dir so kubeconfigs stay valid across restarts.
 */
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bits, cnName, explicit, extension, oid, octets, seq, serial, tlv, uint, utcTime } from './der';

/** PEM-encoded CA and serving key pair. */
export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

function pem(der: Buffer, label: string): string {
  const b64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function keyId(pub: KeyObject): Buffer {
  return createHash('sha1')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest();
}

interface CertSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signer: KeyObject;
  extensions: Buffer[];
}

function issue(spec: CertSpec): Buffer {
  const notBefore = new Date(Date.now() - 60_000);
  const tbs = seq(
    explicit(0, uint(Buffer.from([2]))),
    serial(),
    ECDSA_SHA256,
    cnName(spec.issuer),
    seq(utcTime(notBefore), utcTime(new Date(notBefore.getTime() + TEN_YEARS_MS))),
    cnName(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...spec.extensions)),
  );
  const signature = sign('sha256', tbs, spec.signer);
  return seq(tbs, ECDSA_SHA256, bits(signature));
}

function generate(): TlsMaterial {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caCert = issue({
    subject: 'portico-local-ca',
    issuer: 'portico-local-ca',
    publicKey: ca.publicKey,
    signer: ca.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq(tlv(0x01, Buffer.from([0xff])))), // basicConstraints CA:true
      extension('2.5.29.15', true, bits(Buffer.from([0x06]), 1)), // keyCertSign | cRLSign
      extension('2.5.29.14', false, octets(keyId(ca.publicKey))),
    ],
  });
  const srv = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const srvCert = issue({
    subject: 'portico-local-apiserver',
    issuer: 'portico-local-ca',
    publicKey: srv.publicKey,
    signer: ca.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq()),
      extension('2.5.29.15', true, bits(Buffer.from([0xa0]), 5)), // digitalSignature | keyEncipherment
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // serverAuth
      extension('2.5.29.17', false, seq(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost', 'ascii')))),
      extension('2.5.29.35', false, seq(tlv(0x80, keyId(ca.publicKey)))),
    ],
  });
  const keyPem = srv.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { caPem: pem(caCert, 'CERTIFICATE'), certPem: pem(srvCert, 'CERTIFICATE'), keyPem };
}

/**
 * Loads `ca.crt`, `server.crt` and `server.key` from `dataDir`, generating them on first start.
 */
export function loadOrCreateTls(dataDir: string): TlsMaterial {
  const caFile = path.join(dataDir, 'ca.crt');
  const certFile = path.join(dataDir, 'server.crt');
  const keyFile = path.join(dataDir, 'server.key');
  if ([caFile, certFile, keyFile].every((p) => existsSync(p))) {
    const keyPem = readFileSync(keyFile, 'utf8');
    createPrivateKey(keyPem); // fail early on a damaged key rather than at the first handshake
    return { caPem: readFileSync(caFile, 'utf8'), certPem: readFileSync(certFile, 'utf8'), keyPem };
  }
  const material = generate();
  writeFileSync(caFile, material.caPem, { mode: 0o644 });
  writeFileSync(certFile, material.certPem, { mode: 0o644 });
  writeFileSync(keyFile, material.keyPem, { mode: 0o600 });
  return material;
}
